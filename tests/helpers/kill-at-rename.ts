/**
 * Preloaded into a child process (`node --import`): with ROLLOUT_KILL_AT_RENAME=N the process
 * SIGKILLs itself at its Nth file rename, i.e. when an atomic write's temp file is complete and
 * has not yet replaced its target: the worst moment for a kill, reached deterministically. On a
 * normal exit it prints `renames: <count>` on stderr, so a test knows how many moments there are.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env['ROLLOUT_KILL_AT_RENAME'] ?? 0);
let renames = 0;
const count = () => {
  if (++renames === killAt) process.kill(process.pid, 'SIGKILL');
};
const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  count();
  renameSync(from, to);
};
const rename = fs.promises.rename;
fs.promises.rename = async (from, to) => {
  count();
  await rename(from, to);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`renames: ${renames}\n`));
