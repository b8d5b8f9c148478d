/**
 * A display for the headed browser: the real WAF is reported to refuse headless Chromium, so on
 * a server without one we start our own Xvfb (`-displayfd` picks a free display number) and stop
 * it when the browser closes. Nothing here runs unless a challenge needs the browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const XVFB_PATH = process.env['ROLLOUT_XVFB'] ?? '/usr/bin/Xvfb';

export interface Display {
  /** e.g. ":99" */
  name: string;
  /** True when we started Xvfb (and must stop it). */
  own: boolean;
  stop(): Promise<void>;
}

function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env['DISPLAY'] || !!env['WAYLAND_DISPLAY'];
}

function xvfbAvailable(): boolean {
  return existsSync(XVFB_PATH);
}

/** The current display, or a new Xvfb one. Rejects when neither is possible. */
export async function ensureDisplay(timeoutMs = 10_000): Promise<Display> {
  if (hasDisplay()) return { name: process.env['DISPLAY'] ?? '', own: false, stop: async () => {} };
  if (!xvfbAvailable()) throw new Error(`no display and no Xvfb at ${XVFB_PATH} (apt-get install xvfb, or run under xvfb-run)`);
  const child: ChildProcess = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  // Never leave an Xvfb behind, even when the run dies without closing the browser.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const name = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Xvfb did not start within ${timeoutMs} ms: ${stderr.trim()}`));
    }, timeoutMs);
    let out = '';
    const fd3 = child.stdio[3] as NodeJS.ReadableStream;
    fd3.on('data', (d) => {
      out += d;
      const m = /(\d+)\s*\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`:${m[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
  return {
    name,
    own: true,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
