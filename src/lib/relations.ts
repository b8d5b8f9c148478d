/** Who mentions whom: products, markets, cities and measures linked through announcements. */
import type { SiteData, AnnouncementEntry } from './data.ts';

const relevant = (data: SiteData) => data.announcements.filter((a) => a.data.relevant);

export function announcementsNamingProduct(data: SiteData, productId: string): AnnouncementEntry[] {
  const p = data.byId.product.get(productId);
  const names = p ? [p.data.name.zh, ...p.data.aliases] : [];
  return relevant(data).filter((a) => a.data.products.some((x) => x.id === productId || names.includes(x.nameZh)));
}

export function announcementsNamingMarket(data: SiteData, marketId: string): AnnouncementEntry[] {
  const code = marketId.toUpperCase();
  return relevant(data).filter((a) => a.data.markets.includes(code));
}

/** Cells (measure x city) an announcement set is evidence for, deduplicated. */
export function cellsOf(anns: AnnouncementEntry[]): { measure: string; city: string }[] {
  const seen = new Map<string, { measure: string; city: string }>();
  for (const a of anns) for (const m of a.data.measures) for (const c of a.data.cities) seen.set(`${m}--${c}`, { measure: m, city: c });
  return [...seen.values()];
}
