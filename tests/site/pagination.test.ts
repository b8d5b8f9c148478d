/** The announcement list is paginated (100 per page): at 20k announcements one page was 4.5 MB. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticRoot } from '../../bench/synth.ts';
import { buildSite, ROOT, tempDir, type BuildResult } from '../helpers/site.ts';
import { html } from './helpers.ts';

let build: BuildResult;
beforeAll(() => {
  // 250 synthetic announcements (marked synthetic: true) over the real catalogue.
  const root = makeSyntheticRoot(path.join(ROOT, 'content'), tempDir('rollout-pages-'), 250, 'md');
  build = buildSite(root);
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
}, 300_000);

describe('announcement list pages', () => {
  it.each(['en', 'zh'])('%s: 100 per page, newest first, linked by next/prev', (lang) => {
    const first = html(build.outDir, `${lang}/announcements/`);
    const dates = first('ul.announcements time')
      .map((_, e) => first(e).attr('datetime'))
      .get();
    expect(dates).toHaveLength(100);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(first('a[rel="next"]').attr('href')).toBe(`/${lang}/announcements/page/2/`);
    expect(first('a[rel="prev"]').length).toBe(0);

    const last = html(build.outDir, `${lang}/announcements/page/3/`);
    expect(last('ul.announcements li')).toHaveLength(50);
    expect(last('a[rel="prev"]').attr('href')).toBe(`/${lang}/announcements/page/2/`);
    expect(last('a[rel="next"]').length).toBe(0);
    expect(last('html').attr('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  });
});
