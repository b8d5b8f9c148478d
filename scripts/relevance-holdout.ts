/**
 * Leave-one-batch-out for the relevance field (`npm run eval -- --holdout`). Every batch has been
 * tuned on, so a set's own score says little; a cue of content/vocab/relevance.json (or a strong
 * measure keyword) that fires only on one batch was most likely written for it. Scoring each set
 * with the cues that fire on no other set switched off shows what the rules would do on that set
 * had it never been seen.
 *
 * Each page is read once (title, sentences, measure hits); the decision with some cues off is
 * recomputed from those with a relevance vocabulary compiled without them.
 */
import { isExtractError, extractArticle, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { readPage } from '../scrapers/extract/page.ts';
import { splitSentences, type Sentence } from '../scrapers/extract/sentences.ts';
import { measureHits, tableSentences, type MeasureHit } from '../scrapers/extract/measures.ts';
import { decideRelevance } from '../scrapers/extract/relevance.ts';
import { compileRelevance, readVocab, type Vocabulary } from '../scrapers/extract/vocab.ts';
import { articleLabels, type LabelledSet } from '../scrapers/extract/eval-sets.ts';
import { escapeRegExp as esc } from '../scrapers/extract/normalize.ts';

export interface RelevanceCase {
  set: string;
  url: string;
  gold: boolean;
  /** null: the page is no article (an error page); it scores as irrelevant. */
  page: { title: string; sentences: Sentence[]; hits: MeasureHit[]; docYear: number } | null;
  /** Every cue that matches the page (title or a sentence), by id. */
  fires: Set<string>;
  /** The extractor's own answer, to check the recomputed decision against. */
  predicted: boolean;
}

type RawRelevance = ReturnType<typeof readVocab<'relevance'>>;

/** Cue ids with the test of whether each matches a title or a sentence. */
function cueTests(raw: RawRelevance): { id: string; cls: string; test: (title: string, texts: string[]) => boolean }[] {
  const any = (re: RegExp, where: 'title' | 'body' | 'both') => (title: string, texts: string[]) =>
    (where !== 'body' && re.test(title)) || (where !== 'title' && texts.some((t) => re.test(t)));
  return [
    ...raw.actionPatterns.map((p) => ({ id: `action:${p}`, cls: 'action', test: any(new RegExp(p, 'u'), 'both') })),
    ...raw.actionPatternsEn.map((p) => ({ id: `action:${p}`, cls: 'action', test: any(new RegExp(p, 'iu'), 'both') })),
    ...raw.paraphrasePatterns.map((p) => ({ id: `paraphrase:${p}`, cls: 'paraphrase', test: any(new RegExp(p, 'u'), 'both') })),
    ...raw.otherCampaignCues.map((p) => ({ id: `other:${p}`, cls: 'other-campaign-cue', test: any(new RegExp(esc(p), 'iu'), 'both') })),
    ...raw.futureCues.map((p) => ({ id: `future:${p}`, cls: 'future', test: any(new RegExp(esc(p), 'iu'), 'both') })),
    ...raw.negativeClasses.flatMap((c) => [
      ...c.title.map((p) => ({ id: `class:${c.id}:${p}`, cls: `class:${c.id}`, test: any(new RegExp(p, 'iu'), 'title') })),
      ...c.body.map((p) => ({ id: `class:${c.id}:${p}`, cls: `class:${c.id}`, test: any(new RegExp(p, 'mu'), 'body') })),
    ]),
  ];
}

export function readRelevanceCases(sets: LabelledSet[], v: Vocabulary = loadVocabulary()): RelevanceCase[] {
  const tests = cueTests(readVocab(v.root, 'relevance'));
  const out: RelevanceCase[] = [];
  for (const s of sets) {
    for (const [url, gold] of articleLabels(s)) {
      const input = inputForUrl(s.dir, url);
      const r = extractArticle(input, v);
      const read = readPage(input);
      let page: RelevanceCase['page'] = null;
      const fires = new Set<string>();
      if (!('error' in read)) {
        const docYear = Number(read.publishedAt.slice(0, 4));
        const sentences = splitSentences(read.body.lines, docYear, v);
        const { hits } = measureHits(read.title, sentences, v, tableSentences(read.body.tables, docYear, v), docYear);
        page = { title: read.title, sentences, hits, docYear };
        const texts = sentences.map((x) => x.text);
        for (const t of tests) if (t.test(read.title, texts)) fires.add(t.id);
        for (const h of hits) if (h.strong) fires.add(`measure:${h.keyword}`);
      }
      out.push({ set: s.name, url, gold: gold.relevant === true, page, fires, predicted: !isExtractError(r) && r.relevant });
    }
  }
  return out;
}

/** A decider for a set of cues switched off (compiled once per set of cues). */
export function decider(v: Vocabulary): (c: RelevanceCase, off: ReadonlySet<string>) => boolean {
  const raw = readVocab(v.root, 'relevance');
  const cache = new Map<string, Vocabulary>();
  return (c, off) => {
    if (!c.page) return false;
    const key = [...off].sort().join('\n');
    let vv = cache.get(key);
    if (!vv) cache.set(key, (vv = { ...v, relevance: compileRelevance(raw, off) }));
    const hits = off.size ? c.page.hits.filter((h) => !off.has(`measure:${h.keyword}`)) : c.page.hits;
    return decideRelevance(c.page.title, c.page.sentences, hits, vv, c.page.docYear).relevant;
  };
}

export function printRelevanceHoldout(sets: LabelledSet[]): void {
  const v = loadVocabulary();
  const cases = readRelevanceCases(sets, v);
  const decide = decider(v);
  const none = new Set<string>();
  const mismatch = cases.filter((c) => decide(c, none) !== c.predicted);
  if (mismatch.length) console.log(`warning: ${mismatch.length} pages decided differently from the extractor: ${mismatch.map((c) => c.url).join(' ')}`);
  const names = [...new Set(cases.map((c) => c.set))];
  const f = (n: number, d: number) => (d ? n / d : 0).toFixed(3);
  const ok = (cs: RelevanceCase[], off: ReadonlySet<string>) => cs.filter((c) => decide(c, off) === c.gold).length;
  console.log('relevance, leave one set out: accuracy on the set left out with the cues that fire on no other set off');
  console.log(['set'.padEnd(9), 'pages'.padStart(5), 'inSample'.padStart(9), 'heldOut'.padStart(9), '  cues off (fire on this set only)'].join(' '));
  let tIn = 0;
  let tOut = 0;
  const missesOut: string[] = [];
  for (const name of names) {
    const test = cases.filter((c) => c.set === name);
    const seen = new Set(cases.filter((c) => c.set !== name).flatMap((c) => [...c.fires]));
    const off = new Set(test.flatMap((c) => [...c.fires]).filter((id) => !seen.has(id)));
    const a = ok(test, none);
    const b = ok(test, off);
    tIn += a;
    tOut += b;
    for (const c of test) if (decide(c, off) !== c.gold) missesOut.push(`  ${name} ${c.url} got ${!c.gold}`);
    console.log(
      [name.padEnd(9), String(test.length).padStart(5), f(a, test.length).padStart(9), f(b, test.length).padStart(9), `  ${[...off].join(' | ') || '-'}`].join(
        ' ',
      ),
    );
  }
  console.log(['all'.padEnd(9), String(cases.length).padStart(5), f(tIn, cases.length).padStart(9), f(tOut, cases.length).padStart(9)].join(' '));
  console.log(`\nheld-out misses (${missesOut.length}):\n${missesOut.join('\n')}`);
  // Per class: the pages each wins per set (lost when the whole class is off) and where it fires.
  const classOf = (id: string) => (id.startsWith('class:') ? id.split(':').slice(0, 2).join(':') : id.split(':')[0]!);
  const classes = [...new Set(cases.flatMap((c) => [...c.fires].map(classOf)))].sort();
  console.log('\nclasses: pages won per set (lost when the class alone is off)');
  for (const cls of classes) {
    const off = new Set(cases.flatMap((c) => [...c.fires]).filter((id) => classOf(id) === cls));
    const won = names.map((n) => {
      const cs = cases.filter((c) => c.set === n);
      return `${n}=${ok(cs, none) - ok(cs, off)}`;
    });
    console.log(`  ${cls.padEnd(34)} ${won.filter((x) => !x.endsWith('=0')).join(' ') || 'none'}`);
  }
}
