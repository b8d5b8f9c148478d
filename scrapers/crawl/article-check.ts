/**
 * Template drift on article pages: an article of a family (its URL matches one of the family's
 * article URL patterns on one of its hosts) whose declared body selectors are all absent, or
 * whose body is empty, means the site changed its template. Reading it as a generic page would
 * hide that, so the run reports it instead. Pure: HTML text + canonical URL in.
 */
import * as cheerio from 'cheerio';
import { familiesForHost, type FamilyId } from '../sites/families.ts';

export type ArticleCheck = { kind: 'ok'; family: FamilyId | null } | { kind: 'template-changed'; family: FamilyId; reason: string };

/** The family an article URL belongs to, by host and URL pattern; null for other pages. */
function articleFamily(url: string): FamilyId | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return familiesForHost(u.hostname).find((f) => f.article.urlPatterns.some((p) => new RegExp(p).test(u.href)))?.id ?? null;
}

export function checkArticlePage(html: string, url: string): ArticleCheck {
  const family = articleFamily(url);
  if (!family) return { kind: 'ok', family: null };
  const $ = cheerio.load(html);
  // Any family of the host may serve the page (a column migrated to the new template keeps
  // some old-style URLs, and the other way round).
  const hostFamilies = familiesForHost(new URL(url).hostname);
  for (const f of hostFamilies) {
    for (const b of f.article.bodies) {
      const el = $(b.body).first();
      if (el.length === 0) continue;
      const root = el.clone();
      for (const r of b.remove) root.find(r).remove();
      // A notice can be only an attachment link or an image; only no text and nothing linked is empty.
      if (root.text().trim() === '' && root.find('a[href], img[src]').length === 0) {
        return { kind: 'template-changed', family: f.id, reason: `${f.id} article body \`${b.body}\` is empty` };
      }
      return { kind: 'ok', family: f.id };
    }
  }
  const wanted = hostFamilies.flatMap((f) => f.article.bodies.map((b) => b.body)).join(', ');
  return { kind: 'template-changed', family, reason: `${family} article without its body (${wanted} absent)` };
}
