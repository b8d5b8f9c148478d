/**
 * rel of links whose address comes from scraped text (an announcement's source page, its
 * attachments, links in its body): the site does not vouch for them (nofollow, ugc) and the page
 * they open gets no handle on ours (noopener).
 */
export const SCRAPED_REL = 'nofollow ugc noopener';

/**
 * Give every link of rendered Markdown the scraped-link rel. The HTML is the Markdown renderer's
 * output, where text is escaped, so `<a ` only ever starts a real anchor; an existing rel is
 * replaced rather than merged (the renderer writes none).
 */
export function relScrapedLinks(html: string): string {
  return html.replace(/<a(\s[^>]*)?>/g, (_tag, attrs: string | undefined) => {
    const rest = (attrs ?? '').replace(/\srel=("[^"]*"|'[^']*'|[^\s>]*)/g, '');
    return `<a rel="${SCRAPED_REL}"${rest}>`;
  });
}
