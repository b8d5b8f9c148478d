/**
 * `npm run check` (first half): validate every record of the content root and the references
 * between them. Exit 1 with one line per problem: file, field, reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { COLLECTIONS, type CollectionName } from '../src/model/schemas.ts';
import { contentRoot } from '../src/model/content-root.ts';
import { entryId, formatError, parseRecord, validateRecord, type ContentError } from '../src/model/validate.ts';
import { vocabFile, vocabProblems } from '../scrapers/extract/vocab.ts';
import { VOCAB_SCHEMAS, type VocabName } from '../scrapers/extract/vocab-schema.ts';
import { gazetteerDir, validateGazetteer } from '../scrapers/extract/places/schema.ts';

export function checkContent(root: string): { errors: ContentError[]; counts: Record<string, number> } {
  const errors: ContentError[] = [];
  const counts: Record<string, number> = {};
  const ids: Record<string, Set<string>> = {};
  const records: { collection: CollectionName; file: string; id: string; data: any }[] = [];
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { folder, pattern } = COLLECTIONS[name];
    const dir = path.join(root, folder);
    const rel = path.relative(process.cwd(), dir) || dir;
    ids[name] = new Set();
    if (!existsSync(dir)) {
      errors.push({ file: rel, field: '(folder)', reason: `collection "${name}" folder is missing` });
      continue;
    }
    const files = globSync([...pattern], { cwd: dir }).sort();
    counts[name] = files.length;
    for (const f of files) {
      const file = path.join(rel, f);
      const text = readFileSync(path.join(dir, f), 'utf8');
      const errs = validateRecord(name, file, text);
      errors.push(...errs);
      const id = entryId(f);
      // Announcement ids are paths; cell ids are <measure>--<city> (checked below).
      if (name !== 'announcements' && name !== 'cells' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
        errors.push({ file, field: '(file name)', reason: 'the id (file name) must be a lower-case ASCII slug' });
      }
      ids[name].add(id);
      if (!errs.length) records.push({ collection: name, file, id, data: parseRecord(f, text) });
    }
  }
  // References between collections.
  const ref = (file: string, field: string, collection: CollectionName, id: string) => {
    if (!ids[collection]?.has(id)) errors.push({ file, field, reason: `"${id}" is not in the ${collection} collection` });
  };
  const cityNames = new Map<string, string>();
  for (const r of records) {
    const d = r.data;
    if (r.collection === 'cities') {
      d.districts.forEach((x: string, i: number) => ref(r.file, `districts.${i}`, 'districts', x));
      const prev = cityNames.get(d.name.zh);
      if (prev) errors.push({ file: r.file, field: 'name.zh', reason: `same Chinese name as ${prev}` });
      cityNames.set(d.name.zh, r.file);
    }
    if (r.collection === 'cells') {
      ref(r.file, 'measure', 'measures', d.measure);
      ref(r.file, 'city', 'cities', d.city);
      if (r.id !== `${d.measure}--${d.city}`) {
        errors.push({ file: r.file, field: '(file name)', reason: `must be named ${d.measure}--${d.city}.json` });
      }
    }
    if (r.collection === 'evidence') {
      (d.measures ?? []).forEach((x: string, i: number) => ref(r.file, `measures.${i}`, 'measures', x));
      (d.cityMentions ?? []).forEach((m: { id: string | null }, i: number) => m.id && ref(r.file, `cityMentions.${i}.id`, 'cities', m.id));
      if (d.district) ref(r.file, 'district', 'districts', d.district);
    }
    if (r.collection === 'announcements') {
      (d.cities ?? []).forEach((x: string, i: number) => ref(r.file, `cities.${i}`, 'cities', x));
      (d.measures ?? []).forEach((x: string, i: number) => ref(r.file, `measures.${i}`, 'measures', x));
      if (d.district) ref(r.file, 'district', 'districts', d.district);
    }
  }
  // The extraction vocabularies (data, not code): each against its schema.
  for (const name of Object.keys(VOCAB_SCHEMAS) as VocabName[]) {
    const file = vocabFile(root, name);
    const rel = path.relative(process.cwd(), file) || file;
    for (const p of vocabProblems(file, name)) {
      const [field, ...reason] = p.split(': ');
      errors.push({ file: rel, field: field ?? '(root)', reason: reason.join(': ') });
    }
  }
  // The gazetteer the extractor reads for this root (its own vocab/gazetteer, else the project's).
  errors.push(...validateGazetteer(gazetteerDir(root)));
  return { errors, counts };
}

if (import.meta.main) {
  const root = contentRoot();
  const { errors, counts } = checkContent(root);
  if (errors.length) {
    for (const e of errors) console.error(formatError(e));
    console.error(`\n${errors.length} problem(s) in ${root}`);
    process.exit(1);
  }
  console.log(
    `content OK (${root}): ${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  );
}
