/**
 * How far to trust one extraction, 0..1: the site's review threshold (src/model/review.ts) keeps
 * machine evidence below it out of the cells until a person looks. The terms are the features
 * that went with wrong evidence on the labelled batches (docs/extraction-quality.md): an unknown
 * template or an unlabelled date, a page that names no measure, an English page (places read from
 * pinyin), many cities on one page, and cities none of which the title names.
 */
export interface ConfidenceParts {
  template: string;
  dateRule: string;
  /** Relevance basis: 'action' | 'measure' | 'class:<id>' | 'review' | 'later-year' | 'plan' | 'none'. */
  basis: string;
  relevant: boolean;
  measures: number;
  lang: 'zh' | 'en';
  cities: number;
  /** Cities the title names too. */
  citiesInTitle: number;
}

export function confidenceOf(p: ConfidenceParts): number {
  let c = 0.5;
  if (p.template !== 'generic') c += 0.15;
  if (p.dateRule.startsWith('visible')) c += 0.1;
  if (p.relevant) {
    if (p.basis === 'action') c += 0.15;
    if (p.basis === 'measure') c += 0.05;
    c += p.measures > 0 ? 0.05 : -0.2;
    if (p.lang === 'en') c -= 0.15;
    if (p.cities > 3) c -= 0.1;
    if (p.cities > 0 && p.citiesInTitle === 0) c -= 0.05;
  } else if (p.basis.startsWith('class:') || p.basis === 'review' || p.basis === 'later-year' || p.basis === 'plan' || p.basis === 'none') c += 0.15;
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}
