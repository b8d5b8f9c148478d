/** Run a command and sample the summed RSS of its whole process tree from /proc (Linux). */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  code: number | null;
  ms: number;
  peakRssMb: number;
  /** Peak RSS per process name (comm), e.g. node vs pagefind, to see which step holds memory. */
  peakByNameMb: Record<string, number>;
  /** RSS per process name at the moment of the peak, and when it was (s after start): where the peak is. */
  atPeakMb: Record<string, number>;
  peakAtS: number;
  output: string;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the ")" that closes the command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      /* process ended meanwhile */
    }
  }
  return map;
}

function treeRssKb(root: number, byName?: Map<string, number>): { total: number; sample: Map<string, number> } {
  const kids = children();
  let total = 0;
  const sample = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) {
        total += Number(m[1]);
        const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
        sample.set(name, (sample.get(name) ?? 0) + Number(m[1]));
      }
    } catch {
      /* gone */
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  if (byName) for (const [k, v] of sample) byName.set(k, Math.max(byName.get(k) ?? 0, v));
  return { total, sample };
}

export function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    let peak = 0;
    let atPeak = new Map<string, number>();
    let peakAtS = 0;
    const byName = new Map<string, number>();
    const timer = setInterval(() => {
      if (!child.pid) return;
      const { total, sample } = treeRssKb(child.pid, byName);
      if (total > peak) {
        peak = total;
        atPeak = sample;
        peakAtS = (performance.now() - started) / 1000;
      }
    }, opts.sampleMs ?? 100);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        code,
        ms: performance.now() - started,
        peakRssMb: peak / 1024,
        peakByNameMb: Object.fromEntries([...byName].map(([k, v]) => [k, Math.round(v / 1024)])),
        atPeakMb: Object.fromEntries([...atPeak].map(([k, v]) => [k, Math.round(v / 1024)])),
        peakAtS,
        output,
      });
    });
  });
}
