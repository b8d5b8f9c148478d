/** Every feed: /<lang>/feeds/<scope>/{rss.xml,feed.json} (scopes: see FeedScope in lib/paths.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../../i18n/ui.ts';
import { siteData, hasCellFeed } from '../../../lib/data.ts';
import { FEED_FORMATS, FEED_TYPES, feedScopePath, type FeedFormat, type FeedScope } from '../../../lib/paths.ts';
import { feedItems, feedMeta, renderFeed } from '../../../lib/feeds.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await siteData();
  const scopes: FeedScope[] = [
    { kind: 'all' },
    ...data.cities.map((c): FeedScope => ({ kind: 'city', id: c.id })),
    ...data.measures.map((m): FeedScope => ({ kind: 'measure', id: m.id })),
    // Cells without announcements would only have empty feeds: their pages link the measure and city feeds.
    ...data.measures.flatMap((m) =>
      data.cities.filter((c) => hasCellFeed(data, m.id, c.id)).map((c): FeedScope => ({ kind: 'cell', measure: m.id, city: c.id })),
    ),
    ...data.seen.cities.map((c): FeedScope => ({ kind: 'city', id: c.id })),
    ...data.products.map((p): FeedScope => ({ kind: 'product', id: p.id })),
    ...[...new Set([...data.markets.map((m) => m.id), ...data.groups.market.keys()])].map((id): FeedScope => ({ kind: 'market', id })),
    // Product x market only where an announcement names both.
    ...[...data.groups.productMarket.entries()]
      .filter(([k, list]) => data.byId.product.has(k.split('>')[0]!) && list.some((a) => a.data.relevant))
      .map(([k]): FeedScope => ({ kind: 'product-market', product: k.split('>')[0]!, market: k.split('>')[1]! })),
    { kind: 'changes' },
  ];
  return LANGS.flatMap((lang) =>
    scopes.flatMap((scope) => FEED_FORMATS.map((format) => ({ params: { lang, feed: `${feedScopePath(scope)}/${format}` }, props: { scope, format } }))),
  );
};

export const GET: APIRoute = async ({ params, props, site }) => {
  const { scope, format } = props as { scope: FeedScope; format: FeedFormat };
  const lang = params.lang as Lang;
  const data = await siteData();
  const base = site ?? new URL('http://localhost/');
  const body = await renderFeed(format, feedMeta(data, lang, scope, base), feedItems(data, lang, scope, base));
  return new Response(body, { headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` } });
};
