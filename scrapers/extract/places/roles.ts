/** What a group of place names is doing in its clause: where a measure runs, or one of the roles of roles.json. Pure. */
import { ROLES, type Role, type RolesFile } from './schema.ts';

interface CompiledCue {
  role: (typeof ROLES)[number];
  why: string;
  before: RegExp[];
  after: RegExp[];
  both: { before: RegExp; after: RegExp }[];
  line: RegExp[];
}

export interface CompiledRoles {
  cues: CompiledCue[];
  separator: RegExp;
  nameHeads: string[];
  nameHeadWindow: number;
  compoundTails: Set<string>;
  shortBefore: RegExp;
  shortAfter: RegExp;
  weakBefore: RegExp;
  weakAfter: RegExp;
  originColumns: string[];
}

export function compileRoles(r: RolesFile): CompiledRoles {
  const re = (s: string) => new RegExp(s, 'u');
  return {
    cues: ROLES.map((role) => {
      const c = r.roles[role];
      return { role, why: c.why, before: c.before.map(re), after: c.after.map(re), both: c.both.map((b) => ({ before: re(b.before), after: re(b.after) })), line: c.line.map(re) };
    }),
    separator: re(r.enumerationSeparator),
    nameHeads: [...r.nameHeads].sort((a, b) => b.length - a.length),
    nameHeadWindow: r.nameHeadWindow,
    compoundTails: new Set(r.compoundTails),
    shortBefore: re(r.shortNameContext.before),
    shortAfter: re(r.shortNameContext.after),
    weakBefore: re(r.weakNameContext.before),
    weakAfter: re(r.weakNameContext.after),
    originColumns: r.originColumns,
  };
}

export interface RoleResult {
  role: Role;
  why: string;
  cue?: string;
}

const RUNS: RoleResult = { role: 'runs', why: 'where the measure runs' };

/** The role of a group of names, from the clause text before and after it and the whole line. */
export function roleOf(c: CompiledRoles, before: string, after: string, line: string): RoleResult {
  for (const cue of c.cues) {
    for (const r of cue.line) if (r.test(line)) return { role: cue.role, why: cue.why, cue: r.source };
    for (const r of cue.before) if (r.test(before)) return { role: cue.role, why: cue.why, cue: r.source };
    for (const r of cue.after) if (r.test(after)) return { role: cue.role, why: cue.why, cue: r.source };
    for (const b of cue.both) if (b.before.test(before) && b.after.test(after)) return { role: cue.role, why: cue.why, cue: `${b.before.source} … ${b.after.source}` };
  }
  return RUNS;
}
