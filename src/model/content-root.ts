import path from 'node:path';

/** Environment variable that points the site and the pipeline at another content root. */
export const CONTENT_DIR_ENV = 'ROLLOUT_CONTENT_DIR';

/** The content root: `content/` of the project unless ROLLOUT_CONTENT_DIR names another. */
export function contentRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CONTENT_DIR_ENV];
  return path.resolve(cwd, fromEnv && fromEnv.trim() !== '' ? fromEnv : 'content');
}
