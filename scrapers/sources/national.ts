/**
 * National list pages and feeds (seed-facts.md, "Sources to scrape"). The customs lists sit behind
 * the Rivers WAF: expect `blocked` from plain HTTP. RSS sources need a self-hosted RSSHub
 * (env ROLLOUT_RSSHUB); without one they are listed as unconfigured, never dropped.
 */
import type { SourceDecl } from './declarations.ts';

export const RSSHUB_ENV = 'ROLLOUT_RSSHUB';

export const NATIONAL_LISTS: SourceDecl[] = [
  {
    id: 'gacc-announcements',
    kind: 'html-list',
    url: 'https://www.customs.gov.cn/customs/302249/302266/302267/index.html',
    district: null,
    publisher: '海关总署',
    verified: true,
    note: '海关总署公告',
  },
  {
    id: 'gacc-regulations',
    kind: 'html-list',
    url: 'https://www.customs.gov.cn/customs/302249/302266/index.html',
    district: null,
    publisher: '海关总署',
    verified: false,
    note: '海关法规 (RSSHub fagui)',
  },
  {
    id: 'gacc-latest-announce',
    kind: 'html-list',
    url: 'https://www.customs.gov.cn/customs/zsgk93/302256/302257/index.html',
    district: null,
    publisher: '海关总署',
    verified: false,
    note: '最新公告',
  },
  {
    id: 'gacc-today',
    kind: 'html-list',
    url: 'https://www.customs.gov.cn/customs/302249/302425/index.html',
    district: null,
    publisher: '海关总署',
    verified: false,
    note: '今日海关',
  },
  {
    id: 'gacc-tjs-express',
    kind: 'html-list',
    url: 'https://tjs.customs.gov.cn/tjs/sjgb/tjkx/index.html',
    district: null,
    publisher: '海关总署统计分析司',
    verified: false,
    note: '统计快讯 (new template)',
  },
  {
    id: 'govcn-latest-policy',
    kind: 'html-list',
    url: 'https://www.gov.cn/zhengce/zuixin.htm',
    district: null,
    publisher: '国务院',
    verified: false,
    note: 'list markup guessed; the real page may be filled by script',
  },
];

/** RSSHub routes we read (RSSHub documents /gov/zhengce/zuixin and /gov/customs/list/fagui). */
const RSSHUB_ROUTES: { id: string; route: string; publisher: string }[] = [
  { id: 'rsshub-govcn-zuixin', route: '/gov/zhengce/zuixin', publisher: '国务院' },
  { id: 'rsshub-customs-fagui', route: '/gov/customs/list/fagui', publisher: '海关总署' },
];

export function rssSources(rsshubBase: string | undefined): SourceDecl[] {
  return RSSHUB_ROUTES.map(({ id, route, publisher }) =>
    rsshubBase
      ? {
          id,
          kind: 'rss' as const,
          url: new URL(route.replace(/^\//, ''), rsshubBase.replace(/\/+$/, '') + '/').href,
          district: null,
          publisher,
          verified: false,
        }
      : {
          id,
          kind: 'rss' as const,
          url: null,
          district: null,
          publisher,
          verified: false,
          unconfiguredReason: `no RSSHub instance: set ${RSSHUB_ENV} to its base URL`,
        },
  );
}
