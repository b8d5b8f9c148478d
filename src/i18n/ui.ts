/** Every UI string, in both site languages. Catalogue names live in the content. */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 tag for <html lang> and hreflang. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

const en = {
    'site.name': 'Rollout Watch',
    'site.tagline': 'Which measures of the 2026 cross-border trade facilitation special action run in which city',
    'site.unofficial':
      'Unofficial. Rollout Watch is an independent tracker, not a government site. Every fact links its source; check the source before you rely on it.',
    'nav.home': 'Home',
    'nav.matrix': 'Matrix',
    'nav.cities': 'Cities',
    'nav.measures': 'Measures',
    'nav.skip': 'Skip to content',
    'lang.switch': '中文',
    'lang.switchLabel': '切换到中文',
    'home.counts': 'At a glance',
    'home.measures': 'measures tracked',
    'home.citiesConfirmed': '{confirmed} of {total} cities confirmed, {inferred} more inferred',
    'home.citiesUnidentified': '{n} cities not yet identified',
    'home.announcements': 'announcements',
    'home.lastUpdate': 'last update',
    'home.never': 'no scrape yet',
    'home.editionLine':
      'GACC and {departments} other departments deployed the {year} edition on {start}: {measures} measures in {cities} cities, for {months} months.',
    'matrix.title': 'Measure by city',
    'matrix.caption': 'Status of each tracked measure in each city. Columns: confirmed cities, then inferred ones.',
    'matrix.measure': 'Measure',
    'matrix.inferred': 'inferred',
    'matrix.unidentifiedCols': '+ {n} cities not yet identified',
    'matrix.rollup': 'in {n} of {total} cities',
    'status.unknown': 'Unknown',
    'status.not-announced': 'Not announced',
    'status.announced': 'Announced',
    'status.details-published': 'Details published',
    'status.pilot': 'Pilot',
    'status.operational': 'Operational',
    'status.suspended': 'Suspended',
    'status.unknown.help': 'No source about this city and measure yet.',
    'status.not-announced.help': 'A source says the measure has not been announced here.',
    'status.announced.help': 'A source says the measure will run here.',
    'status.details-published.help': 'Conditions or procedures have been published.',
    'status.pilot.help': 'Pilot products or enterprises have been designated.',
    'status.operational.help': 'In use: first shipments or results reported, or replicated nationwide.',
    'status.suspended.help': 'A source says the measure was stopped here.',
    'legend.title': 'Legend',
    'verification.official': 'Official',
    'verification.trade-press': 'Reported by trade press, not confirmed by an official text',
    'verification.inferred': 'Inferred: no source found yet',
    'scope.nationwide': 'Replicated nationwide since {since}',
    'scope.pilot': 'Pilot cities only',
    'city.participation.confirmed': 'Confirmed for 2026',
    'city.participation.inferred': 'Inferred from earlier editions; 2026 not confirmed',
    'city.province': 'Province',
    'city.district': 'Customs district',
    'city.editions': 'Editions confirmed',
    'city.measures': 'Measures in this city',
    'city.announcements': 'Announcements',
    'measure.definition': 'Definition',
    'measure.keywords': 'Keywords',
    'measure.scope': 'Scope',
    'measure.cities': 'Cities by status',
    'measure.precision': 'Precision service for agri-food exports',
    'common.sources': 'Sources',
    'common.note': 'Note',
    'common.noneYet': 'None yet.',
    'common.since': 'since {date}',
    'common.viaNational': 'from the national source',
};

export type UiKey = keyof typeof en;

// Typed against the English keys: a missing or extra Chinese string is a type error.
const zh: Record<UiKey, string> = {
    'site.name': '落地观察',
    'site.tagline': '2026年促进跨境贸易便利化专项行动各项措施在各城市的落地情况',
    'site.unofficial': '非官方。“落地观察”是独立的跟踪网站，不是政府网站。每条信息均附来源链接，使用前请核对原文。',
    'nav.home': '首页',
    'nav.matrix': '矩阵',
    'nav.cities': '城市',
    'nav.measures': '措施',
    'nav.skip': '跳到正文',
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'home.counts': '概览',
    'home.measures': '项跟踪措施',
    'home.citiesConfirmed': '{total}个城市中已确认{confirmed}个，另有{inferred}个为推断',
    'home.citiesUnidentified': '{n}个城市尚未查明',
    'home.announcements': '条公告',
    'home.lastUpdate': '最近更新',
    'home.never': '尚未抓取',
    'home.editionLine': '海关总署会同{departments}个部门于{start}部署{year}年专项行动：{cities}个城市、{measures}条措施，为期{months}个月。',
    'matrix.title': '措施 × 城市',
    'matrix.caption': '各跟踪措施在各城市的状态。列：已确认城市，其后为推断城市。',
    'matrix.measure': '措施',
    'matrix.inferred': '推断',
    'matrix.unidentifiedCols': '另有{n}个城市尚未查明',
    'matrix.rollup': '{total}个城市中{n}个',
    'status.unknown': '未知',
    'status.not-announced': '未宣布',
    'status.announced': '已宣布',
    'status.details-published': '细则已发布',
    'status.pilot': '试点',
    'status.operational': '已实施',
    'status.suspended': '已暂停',
    'status.unknown.help': '尚无关于该城市和该措施的来源。',
    'status.not-announced.help': '有来源表明该措施尚未在此宣布。',
    'status.announced.help': '有来源表明该措施将在此实施。',
    'status.details-published.help': '已发布条件或办理程序。',
    'status.pilot.help': '已确定试点产品或企业。',
    'status.operational.help': '已在使用：有首批业务或成效报道，或已在全国复制推广。',
    'status.suspended.help': '有来源表明该措施在此已停止。',
    'legend.title': '图例',
    'verification.official': '官方',
    'verification.trade-press': '行业媒体报道，尚无官方文本证实',
    'verification.inferred': '推断：尚未找到来源',
    'scope.nationwide': '自{since}起在全国复制推广',
    'scope.pilot': '仅限试点城市',
    'city.participation.confirmed': '已确认参加2026年行动',
    'city.participation.inferred': '根据往年推断，2026年尚未确认',
    'city.province': '省份',
    'city.district': '直属海关',
    'city.editions': '已确认的年度',
    'city.measures': '本市各项措施',
    'city.announcements': '公告',
    'measure.definition': '定义',
    'measure.keywords': '关键词',
    'measure.scope': '范围',
    'measure.cities': '按状态列出的城市',
    'measure.precision': '农食产品出口精准服务',
    'common.sources': '来源',
    'common.note': '说明',
    'common.noneYet': '暂无。',
    'common.since': '自{date}起',
    'common.viaNational': '依据全国性来源',
};

export const ui: Record<Lang, Record<UiKey, string>> = { en, zh };

/** A translator for one language; `{name}` placeholders are filled from `vars`. */
export function useTranslations(lang: Lang) {
  return (key: UiKey, vars: Record<string, string | number> = {}): string =>
    ui[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Pick the text of a bilingual record field. */
export const pick = (text: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? text.zh : text.en);

export const isLang = (x: unknown): x is Lang => x === 'en' || x === 'zh';

/** getStaticPaths for pages that exist once per language. */
export const langPaths = () => LANGS.map((lang) => ({ params: { lang } }));

/** The same page in the other language: swap the first path segment. */
export function switchLangPath(pathname: string, to: Lang): string {
  return pathname.replace(/^\/(en|zh)(?=\/|$)/, `/${to}`);
}
