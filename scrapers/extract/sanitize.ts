/**
 * Sanitise an article fragment at extraction time, so nothing downstream ever sees markup it
 * could execute: scripts, styles, forms and event attributes go; links become absolute and
 * http(s) only (others are unwrapped to their text); only a few structural attributes stay.
 */
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const DROP = 'script,style,noscript,iframe,object,embed,form,input,button,select,textarea,link,meta,svg,canvas,template,frame,frameset,applet,base';
const UNWRAP = 'span,font,o\\:p,center,u';
const KEEP_ATTRS: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** An absolute http(s) URL for a link found on the page, or null. */
export function absoluteHttpUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function sanitizeFragment($: CheerioAPI, root: Cheerio<AnyNode>, baseUrl: string): void {
  root.find(DROP).remove();
  // Comments inside the fragment.
  root.find('*').addBack().contents().filter((_, n) => n.type === 'comment').remove();
  root.find(UNWRAP).each((_, el) => {
    $(el).replaceWith($(el).contents());
  });
  root.find('*').each((_, node) => {
    const el = node as Element;
    const name = el.tagName.toLowerCase();
    const keep = KEEP_ATTRS[name] ?? [];
    for (const attr of Object.keys(el.attribs)) if (!keep.includes(attr)) $(el).removeAttr(attr);
    if (name === 'a') {
      const abs = absoluteHttpUrl(el.attribs['href'], baseUrl);
      if (abs) $(el).attr('href', abs);
      else $(el).replaceWith($(el).contents());
    } else if (name === 'img') {
      const abs = absoluteHttpUrl(el.attribs['src'], baseUrl);
      if (abs) $(el).attr('src', abs);
      else $(el).remove();
    }
  });
}
