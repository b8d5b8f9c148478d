/**
 * Make something once per test run and share it across suites, which vitest runs in separate
 * worker processes: the first to ask claims a folder (mkdir is atomic), makes the value and
 * writes it as result.json; the others wait for that file. A claimant that dies first fails the
 * waiters instead of leaving them hanging.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const mine = new Map<string, Promise<unknown>>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function read<T>(file: string): Outcome<T> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Outcome<T>) : null;
}

function settle<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`shared fixture failed in another suite: ${o.error}`);
  return o.value;
}

/** Waits for result.json in `dir`; fails when the claimant process is gone without writing it. */
function waitFor<T>(dir: string): Promise<T> {
  const result = path.join(dir, 'result.json');
  const owner = path.join(dir, 'owner');
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      try {
        const o = read<T>(result);
        if (o) return done(() => resolve(settle(o)));
        const pid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : 0;
        if (pid && !alive(pid)) done(() => reject(new Error(`the suite making ${path.basename(dir)} (pid ${pid}) ended without a result`)));
      } catch (err) {
        done(() => reject(err as Error));
      }
    };
    const watcher = watch(dir, check);
    // The claimant can die without touching the folder: look again now and then.
    const timer = setInterval(check, 1000);
    const done = (fn: () => void) => {
      watcher.close();
      clearInterval(timer);
      fn();
    };
    check();
  });
}

/**
 * The value of `make(dir)` for `key`, made once per test run whichever suite asks first; `dir` is
 * a folder it may keep files in, removed when the run ends. The value must survive JSON. Outside a
 * vitest run with the global setup it is simply made, in a temp folder.
 */
export function shared<T>(key: string, make: (dir: string) => Promise<T>): Promise<T> {
  const known = mine.get(key);
  if (known) return known as Promise<T>;
  const base = inject('sharedDir');
  const p = base ? claimOrWait(path.join(base, key), make) : make(mkdtempSync(path.join(os.tmpdir(), 'rollout-shared-')));
  mine.set(key, p);
  return p;
}

async function claimOrWait<T>(dir: string, make: (dir: string) => Promise<T>): Promise<T> {
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return waitFor<T>(dir);
    throw err;
  }
  writeFileSync(path.join(dir, 'owner'), String(process.pid));
  // Written whole, then renamed: a waiter never reads half a file.
  const publish = (o: Outcome<T>) => {
    writeFileSync(path.join(dir, 'result.json.tmp'), JSON.stringify(o));
    renameSync(path.join(dir, 'result.json.tmp'), path.join(dir, 'result.json'));
  };
  try {
    const value = await make(dir);
    publish({ ok: true, value });
    return value;
  } catch (err) {
    publish({ ok: false, error: (err as Error).message });
    throw err;
  }
}
