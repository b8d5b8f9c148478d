/**
 * Leave-one-batch-out for the cities field (`npm run eval -- --holdout`). Every batch has been
 * tuned on; a role cue of content/vocab/gazetteer/roles.json that decides a place's role only on
 * one batch was most likely written for it. Each set is scored with the cues that decide on no
 * other set switched off (repeated until no newly deciding cue is the set's own), which shows
 * what the place rules would do on that set had it never been seen.
 *
 * A cue "decides" when it is the first cue that matches a group of names (roleOf stops there);
 * the compiled cues of the loaded gazetteer are swapped for spies that record it, and for the
 * cues kept when some are off. English cues are not included (they are built per catalogue).
 */
import path from 'node:path';
import { extractArticle, isExtractError, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { scorePage, type Counts, type Labels } from '../scrapers/extract/score.ts';
import { loadPlaces } from '../scrapers/extract/places/load.ts';
import { type CompiledCue } from '../scrapers/extract/places/roles.ts';
import { gazetteerDir } from '../scrapers/extract/places/schema.ts';
import { articleLabels, type LabelledSet } from '../scrapers/extract/eval-sets.ts';

type Kind = 'before' | 'after' | 'line' | 'sentenceBefore' | 'sentenceAfter' | 'nextSentence';
const KINDS: Kind[] = ['before', 'after', 'line', 'sentenceBefore', 'sentenceAfter', 'nextSentence'];

/** A regex that records its id when it matches. */
function spy(r: RegExp, id: string, fired: Set<string>): RegExp {
  const s = new RegExp(r.source, r.flags);
  const test = s.test.bind(s);
  s.test = (x: string) => {
    const ok = test(x);
    if (ok) fired.add(id);
    return ok;
  };
  return s;
}

/** The cues with every regex a spy, those in `off` left out. */
export function spied(cues: CompiledCue[], off: ReadonlySet<string>, fired: Set<string>): CompiledCue[] {
  return cues.map((c) => {
    const out = { ...c } as CompiledCue;
    for (const k of KINDS)
      out[k] = c[k].flatMap((r, i) => {
        const id = `${c.role}:${k}:${i}:${r.source}`;
        return off.has(id) ? [] : [spy(r, id, fired)];
      });
    out.both = c.both.flatMap((b, i) => {
      const id = `${c.role}:both:${i}:${b.before.source} … ${b.after.source}`;
      if (off.has(id)) return [];
      // The pair decides only when both halves match; the after half records it.
      return [{ before: b.before, after: spy(b.after, id, fired) }];
    });
    return out;
  });
}

interface SetRun {
  counts: Counts;
  fired: Set<string>;
  extras: string[];
}

const EMPTY_CITIES: string[] = [];

function runSet(set: LabelledSet, cues: CompiledCue[], off: ReadonlySet<string>): SetRun {
  const v = loadVocabulary();
  const p = loadPlaces(v.root);
  const fired = new Set<string>();
  const saved = p.roles.cues;
  p.roles.cues = spied(cues, off, fired);
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const extras: string[] = [];
  try {
    for (const [url, gold] of articleLabels(set)) {
      const r = extractArticle(inputForUrl(set.dir, url), v);
      const cities = isExtractError(r) ? EMPTY_CITIES : r.cities.map((c) => c.nameZh);
      const empty = { relevant: false, title: '', publishedAt: '', measures: [], products: [], markets: [], eligibility: [], signal: '' };
      const s = scorePage({ ...empty, cities } as Labels, gold).sets.cities;
      counts.tp += s.tp;
      counts.fp += s.fp;
      counts.fn += s.fn;
      if (s.extra.length || s.missing.length)
        extras.push(
          `  ${set.name} ${url}${s.extra.length ? ` extra: ${s.extra.join(' / ')}` : ''}${s.missing.length ? ` missing: ${s.missing.join(' / ')}` : ''}`,
        );
    }
  } finally {
    p.roles.cues = saved;
  }
  return { counts, fired, extras };
}

const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (c: Counts) => {
  const { p, r, f } = prf(c);
  return `${p.toFixed(3)} ${r.toFixed(3)} ${f.toFixed(3)}`;
};

export function citiesHoldout(sets: LabelledSet[]): { inSample: Counts; heldOut: Counts; lines: string[]; misses: string[] } {
  const v = loadVocabulary();
  const cues = loadPlaces(v.root).roles.cues;
  const none = new Set<string>();
  const base = new Map(sets.map((s) => [s.name, runSet(s, cues, none)]));
  const lines: string[] = [];
  const misses: string[] = [];
  const inSample: Counts = { tp: 0, fp: 0, fn: 0 };
  const heldOut: Counts = { tp: 0, fp: 0, fn: 0 };
  const add = (a: Counts, b: Counts) => {
    a.tp += b.tp;
    a.fp += b.fp;
    a.fn += b.fn;
  };
  for (const s of sets) {
    const seen = new Set(sets.filter((o) => o.name !== s.name).flatMap((o) => [...base.get(o.name)!.fired]));
    const own = base.get(s.name)!;
    const off = new Set<string>();
    let run = own;
    // Switching a cue off lets the next cue decide; when that one is also the set's own, it goes too.
    for (;;) {
      const more = [...run.fired].filter((id) => !seen.has(id) && !off.has(id));
      if (!more.length) break;
      for (const id of more) off.add(id);
      run = runSet(s, cues, off);
    }
    add(inSample, own.counts);
    add(heldOut, run.counts);
    misses.push(...run.extras);
    lines.push(`${s.name.padEnd(9)} ${fmt(own.counts)}   ${fmt(run.counts)}   ${[...off].join(' | ') || '-'}`);
  }
  return { inSample, heldOut, lines, misses };
}

export function printCitiesHoldout(sets: LabelledSet[]): void {
  const { inSample, heldOut, lines, misses } = citiesHoldout(sets);
  console.log(
    `cities, leave one set out (${path.relative(process.cwd(), gazetteerDir(loadVocabulary().root))}/roles.json cues that decide on no other set off)`,
  );
  console.log(`${'set'.padEnd(9)} inSample P R F1        heldOut P R F1        cues off (decide on this set only)`);
  for (const l of lines) console.log(l);
  console.log(`${'all'.padEnd(9)} ${fmt(inSample)}   ${fmt(heldOut)}`);
  console.log(`\nheld-out misses (${misses.length} pages):\n${misses.join('\n')}\n`);
}
