/** What a group of place names is doing in its clause: where a measure runs, or one of the roles of roles.json. Pure. */
import { ROLES, type Role, type RolesFile } from './schema.ts';

export interface CompiledCue {
  role: (typeof ROLES)[number];
  why: string;
  before: RegExp[];
  after: RegExp[];
  both: { before: RegExp; after: RegExp }[];
  line: RegExp[];
  sentenceBefore: RegExp[];
  sentenceAfter: RegExp[];
  nextSentence: RegExp[];
  columns: string[];
}

export interface CompiledRoles {
  cues: CompiledCue[];
  separator: RegExp;
  filler: RegExp;
  unknownBefore: RegExp;
  nameHeads: string[];
  nameHeadNotBefore: RegExp;
  areaHeadInPlace: { before: RegExp; after: RegExp };
  nameHeadWindow: number;
  compoundTails: Set<string>;
  initials: RegExp;
  shortBefore: RegExp;
  shortAfter: RegExp;
  weakBefore: RegExp;
  weakAfter: RegExp;
  presentFrame: RegExp;
  laterBatch: RegExp;
  firstBatch: RegExp;
  /** A title that adds places to a measure (新增, four more cities): the page is about a later batch. */
  extension: RegExp;
  /** A batch word, later or earlier (global, to find the last one before a place). */
  batchWord: RegExp;
  earlierBatch: RegExp;
  site: { span: RegExp; subjectAfter: RegExp; pilotsOf: RegExp; pilotBefore: RegExp };
}

const re = (s: string) => new RegExp(s, 'u');

/** The cues of each role, in the order they are tried. */
export function compileCues(roles: RolesFile['roles']): CompiledCue[] {
  return ROLES.map((role) => {
    const c = roles[role];
    return {
      role,
      why: c.why,
      before: c.before.map(re),
      after: c.after.map(re),
      both: c.both.map((b) => ({ before: re(b.before), after: re(b.after) })),
      line: c.line.map(re),
      sentenceBefore: c.sentenceBefore.map(re),
      sentenceAfter: c.sentenceAfter.map(re),
      nextSentence: c.nextSentence.map(re),
      columns: c.columns,
    };
  });
}

/** `shortNames`: the one-character short names, each also a context for the others (京津, 莞穗). */
export function compileRoles(r: RolesFile, shortNames: string[] = []): CompiledRoles {
  const shorts = shortNames.length ? `|[${shortNames.join('')}]` : '';
  return {
    cues: compileCues(r.roles),
    separator: re(r.enumerationSeparator),
    filler: new RegExp(r.enumerationFiller, 'gu'),
    unknownBefore: re(r.enumerationUnknown),
    nameHeads: [...r.nameHeads].sort((a, b) => b.length - a.length),
    nameHeadNotBefore: re(r.nameHeadNotBefore),
    areaHeadInPlace: { before: re(`(?:${r.areaHeadInPlace.before})$`), after: re(`^(?:${r.areaHeadInPlace.after})`) },
    nameHeadWindow: r.nameHeadWindow,
    compoundTails: new Set(r.compoundTails),
    // Zero-width, so that a run is tried at every character (首批在广佛两地: not only from 批).
    initials: new RegExp(`(?=${r.initialsContext})`, 'gu'),
    shortBefore: re(`(?:${r.shortNameContext.before})${shorts ? `|(?:${shorts.slice(1)})$` : ''}`),
    shortAfter: re(`(?:${r.shortNameContext.after})${shorts ? `|^(?:${shorts.slice(1)})` : ''}`),
    weakBefore: re(r.weakNameContext.before),
    weakAfter: re(r.weakNameContext.after),
    presentFrame: re(r.presentFrame),
    laterBatch: new RegExp(r.batches.later, 'iu'),
    batchWord: new RegExp(`${r.batches.later}|${r.batches.earlier}`, 'giu'),
    earlierBatch: new RegExp(`^${r.batches.earlier}$`, 'iu'),
    firstBatch: new RegExp(r.batches.first, 'iu'),
    extension: new RegExp(r.batches.extension, 'iu'),
    site: { span: new RegExp(r.site.span, 'gdu'), subjectAfter: re(r.site.subjectAfter), pilotsOf: re(r.site.pilotsOf), pilotBefore: re(r.site.pilotBefore) },
  };
}

export interface RoleResult {
  role: Role;
  why: string;
  cue?: string;
}

const RUNS: RoleResult = { role: 'runs', why: 'where the measure runs' };

/** Where a group of names stands: its clause, its sentence (crossing commas), the whole line and the sentence after it. */
export interface RoleContext {
  before: string;
  after: string;
  line: string;
  sentenceBefore: string;
  sentenceAfter: string;
  next: string;
}

/** The role a cue gives: its own, or for an `applied` cue, where the measure runs. */
export const roleOfCue = (cue: Pick<CompiledCue, 'role'>): Role => (cue.role === 'applied' ? 'runs' : cue.role);

/** The role of a group of names from the text around it; the first cue that matches wins. */
export function roleOf(c: Pick<CompiledRoles, 'cues' | 'unknownBefore'>, x: RoleContext): RoleResult {
  // An unknown name enumerated before the group shares its cue: 途经磨憨、凭祥口岸 is 途经 … 凭祥.
  // Every cut is tried, as the segmenter does not know where that name starts.
  const befores = [x.before];
  for (let cut = x.before.length - 2; cut >= Math.max(0, x.before.length - 12); cut--)
    if (c.unknownBefore.test(x.before.slice(cut))) befores.push(x.before.slice(0, cut));
  // Before a port, a city in the possessive is the port's address, not the verb's object: loaded at
  // Shenzhen's Yantian port is loaded at … Yantian port (processed in Wuhan's Xinzhou district is no port).
  const possessive = /\b[A-Z][\w-]*'s\s+$/u.exec(x.before);
  const portBefores = possessive ? [...befores, x.before.slice(0, possessive.index)] : befores;
  const hit = (cue: CompiledCue, r: RegExp): RoleResult => ({ role: roleOfCue(cue), why: cue.why, cue: r.source });
  for (const cue of c.cues) {
    const bs = cue.role === 'exit-port' ? portBefores : befores;
    for (const r of cue.line) if (r.test(x.line)) return hit(cue, r);
    for (const r of cue.before) if (bs.some((b) => r.test(b))) return hit(cue, r);
    for (const r of cue.after) if (r.test(x.after)) return hit(cue, r);
    for (const b of cue.both)
      if (bs.some((t) => b.before.test(t)) && b.after.test(x.after))
        return { role: roleOfCue(cue), why: cue.why, cue: `${b.before.source} … ${b.after.source}` };
    for (const r of cue.sentenceBefore) if (r.test(x.sentenceBefore)) return hit(cue, r);
    for (const r of cue.sentenceAfter) if (r.test(x.sentenceAfter)) return hit(cue, r);
    for (const r of cue.nextSentence) if (r.test(x.next)) return hit(cue, r);
  }
  return RUNS;
}
