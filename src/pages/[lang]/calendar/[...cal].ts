/** iCal calendars: /<lang>/calendar/all.ics, /<lang>/calendar/cities/<id>.ics, /<lang>/calendar/measures/<id>.ics. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, type Lang } from '../../../i18n/ui.ts';
import { siteData } from '../../../lib/data.ts';
import { calendarPath, type CalendarScope } from '../../../lib/paths.ts';
import { calendarEvents, calendarName, renderCalendar } from '../../../lib/calendar.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await siteData();
  const scopes: CalendarScope[] = [
    { kind: 'all' },
    ...[...data.cities.map((c) => c.id), ...data.seen.cities.map((c) => c.id)].map((id): CalendarScope => ({ kind: 'city', id })),
    ...data.measures.map((m): CalendarScope => ({ kind: 'measure', id: m.id })),
  ];
  return LANGS.flatMap((lang) =>
    scopes.map((scope) => ({ params: { lang, cal: calendarPath(lang, scope).replace(`/${lang}/calendar/`, '') }, props: { scope } })),
  );
};

export const GET: APIRoute = async ({ params, props, site }) => {
  const { scope } = props as { scope: CalendarScope };
  const lang = params.lang as Lang;
  const data = await siteData();
  const base = site ?? new URL('http://localhost/');
  const stamp = data.report?.generatedAt ?? data.announcements[0]?.data.firstSeenAt ?? `${data.current.year}-01-01T00:00:00Z`;
  const body = renderCalendar(calendarName(data, lang, scope), calendarEvents(data, lang, scope, base), stamp, new URL(calendarPath(lang, scope), base).href);
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
