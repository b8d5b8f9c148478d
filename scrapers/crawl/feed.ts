/** RSS/Atom feeds (e.g. a self-hosted RSSHub): we fetch the bytes ourselves and only parse here. */
import Parser from 'rss-parser';
import { resolveLink } from './canonical.ts';
import { isHttpUrl } from '../text/url.ts';

export interface FeedEntry {
  url: string;
  title?: string | undefined;
  description?: string | undefined;
  pubDate?: string | undefined;
}

const parser = new Parser();

export async function parseFeed(xml: string, feedUrl: string): Promise<FeedEntry[]> {
  const feed = await parser.parseString(xml);
  const out: FeedEntry[] = [];
  for (const item of feed.items) {
    const link = item.link ?? (item.guid && isHttpUrl(item.guid) ? item.guid : undefined);
    const url = link ? resolveLink(link, feedUrl) : null;
    if (!url) continue;
    out.push({
      url,
      title: item.title?.trim() || undefined,
      description: (item.content ?? item['description'] ?? item.contentSnippet)?.toString() || undefined,
      pubDate: item.pubDate ?? item.isoDate ?? undefined,
    });
  }
  return out;
}
