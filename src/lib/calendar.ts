/**
 * iCal calendars (RFC 5545) of dated events: publication of each relevant announcement, the dates
 * its text states (takes effect, apply by), status changes of the cells in scope and nationwide
 * replication dates; each event links its announcement or cell page. Built with ical.js, which
 * escapes text and folds lines; all-day events, as sources give Beijing calendar dates.
 */
import ICAL from 'ical.js';
import { pick, useTranslations, type Lang } from '../i18n/ui.ts';
import { paths, type CalendarScope } from './paths.ts';
import type { SiteData, AnnouncementEntry } from './data.ts';
import type { Cell } from '../model/rollout.ts';
import { cityLabel, measureLabel } from './summary.ts';

export interface CalendarEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  url: string;
}

const padDate = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

function announcementsOf(data: SiteData, scope: CalendarScope): readonly AnnouncementEntry[] {
  if (scope.kind === 'all') return data.announcements;
  return (scope.kind === 'city' ? data.groups.city.get(scope.id) : data.groups.measure.get(scope.id)) ?? [];
}

function cellsOf(data: SiteData, scope: CalendarScope): Cell[] {
  const all = [...data.cells.values(), ...data.seen.cells.values()];
  if (scope.kind === 'all') return all;
  return all.filter((c) => (scope.kind === 'city' ? c.city === scope.id : c.measure === scope.id));
}

/** The events of one calendar, oldest first. */
export function calendarEvents(data: SiteData, lang: Lang, scope: CalendarScope, site: URL): CalendarEvent[] {
  const t = useTranslations(lang);
  const abs = (p: string) => new URL(p, site).href;
  const out: CalendarEvent[] = [];
  for (const a of announcementsOf(data, scope)) {
    if (!a.data.relevant) continue;
    const url = abs(paths.announcement(a.id));
    const description = `${a.data.title}\n${a.data.canonicalUrl}`;
    out.push({ uid: `published-${a.id}`, date: a.data.publishedAt, summary: t('cal.published', { title: a.data.title }), description, url });
    if (a.data.effectiveFrom)
      out.push({ uid: `effective-${a.id}`, date: a.data.effectiveFrom, summary: t('cal.effective', { title: a.data.title }), description, url });
    if (a.data.applyBy) out.push({ uid: `apply-by-${a.id}`, date: a.data.applyBy, summary: t('cal.applyBy', { title: a.data.title }), description, url });
  }
  const seen = new Set(data.seen.cities.map((c) => c.id));
  for (const cell of cellsOf(data, scope)) {
    let from = 'unknown';
    for (const h of cell.history) {
      const was = from;
      from = h.status;
      // Nationwide replication is one event per measure (below), not one per city.
      if (h.basis === 'nationwide' || !h.date) continue;
      const url = abs(seen.has(cell.city) ? `${paths.city(lang, cell.city)}#m-${cell.measure}` : paths.cell(lang, cell.measure, cell.city));
      out.push({
        uid: `status-${cell.measure}--${cell.city}-${h.date}-${h.status}`,
        date: padDate(h.date),
        summary: t('cal.status', {
          measure: measureLabel(data, cell.measure, lang),
          city: cityLabel(data, cell.city, lang),
          from: t(`status.${was}` as 'status.unknown'),
          to: t(`status.${h.status}`),
        }),
        description: url,
        url,
      });
    }
  }
  if (scope.kind !== 'city') {
    for (const m of data.measures) {
      if (m.data.scope.kind !== 'nationwide' || (scope.kind === 'measure' && scope.id !== m.id)) continue;
      const url = abs(paths.measure(lang, m.id));
      out.push({
        uid: `nationwide-${m.id}`,
        date: padDate(m.data.scope.since),
        summary: `${pick(m.data.name, lang)}: ${t('scope.nationwide', { since: m.data.scope.since })}`,
        description: m.data.scope.sources.join('\n'),
        url,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

export function calendarName(data: SiteData, lang: Lang, scope: CalendarScope): string {
  const t = useTranslations(lang);
  const name =
    scope.kind === 'all'
      ? t('cal.all')
      : scope.kind === 'city'
        ? t('cal.cityTitle', { name: cityLabel(data, scope.id, lang) })
        : t('cal.measureTitle', { name: measureLabel(data, scope.id, lang) });
  return `${name} · ${t('site.name')}`;
}

/** One VCALENDAR. `stamp` (DTSTAMP) is the content's own time, so a rebuild of the same content gives the same file. */
export function renderCalendar(name: string, events: readonly CalendarEvent[], stamp: string, self: string): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Rollout Watch//Rollout Watch calendar//EN');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  cal.updatePropertyWithValue('x-wr-calname', name);
  cal.updatePropertyWithValue('source', self);
  const dtstamp = ICAL.Time.fromDateTimeString(new Date(stamp).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  for (const e of events) {
    const ev = new ICAL.Component('vevent');
    const start = ICAL.Time.fromDateString(e.date);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    ev.updatePropertyWithValue('uid', `${e.uid}@rollout-watch`);
    ev.updatePropertyWithValue('dtstamp', dtstamp);
    ev.updatePropertyWithValue('dtstart', start);
    ev.updatePropertyWithValue('dtend', end);
    ev.updatePropertyWithValue('summary', e.summary);
    ev.updatePropertyWithValue('description', e.description);
    ev.updatePropertyWithValue('url', e.url);
    ev.updatePropertyWithValue('transp', 'TRANSPARENT');
    cal.addSubcomponent(ev);
  }
  return cal.toString() + '\r\n';
}
