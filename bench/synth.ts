/**
 * SYNTHETIC announcements for benchmarks only: every file says `synthetic: true`, its title starts
 * with 【合成数据】 and its URL is on the reserved `.invalid` TLD, so nothing here can pass for a
 * real source. Bodies are Chinese prose of ~1-3 KB built from neutral template sentences.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Deterministic PRNG (mulberry32): the same size gives the same corpus on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  '为贯彻落实促进跨境贸易便利化专项行动部署，进一步优化口岸营商环境，现将有关事项公告如下。',
  '各有关企业应当按照本公告要求，通过国际贸易“单一窗口”提交相关申请材料。',
  '海关对符合条件的出口企业实施分类指导，压缩整体通关时间，降低企业合规成本。',
  '试点期间，海关将会同地方政府有关部门建立工作协调机制，及时研究解决试点中遇到的问题。',
  '企业申请时应当提交营业执照、出口食品生产企业备案证明及近一年内的质量安全自查报告。',
  '对信用状况良好、近两年内未发生质量安全问题的企业，海关可以优先纳入试点范围。',
  '本措施自发布之日起施行，试点期限为六个月，试点结束后将根据实施效果评估是否复制推广。',
  '海关将通过“提前申报”“两步申报”等方式，进一步提升货物通关效率。',
  '鼓励企业运用电子签章、电子单证等方式办理业务，推动无纸化贸易。',
  '对鲜活农产品开辟绿色通道，实行优先查验、优先检测、优先放行。',
  '各试点城市海关应当于每月底前报送试点工作进展情况，总署将适时组织评估。',
  '联系电话及咨询方式以各直属海关门户网站公布的信息为准。',
];
const TOPICS = ['一品一策', '一企一策', '一地一策', '无纸化贸易', '提前申报', '两步申报', '农产品绿色通道', 'HACCP预先指导', '清真食品出口', '锂电池出口检验'];
const SIGNALS = ['launch', 'pilot-list', 'eligibility', 'operational', 'other'] as const;

function ids(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.slice(0, -5));
}

function yamlString(s: string): string {
  return JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars
}

/** One synthetic announcement file's text (frontmatter + body). */
export function synthAnnouncement(i: number, r: () => number, cities: string[], measures: string[]): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const city = pick(cities);
  const measure = pick(measures);
  const topic = pick(TOPICS);
  const day = 1 + Math.floor(r() * 28);
  const month = 3 + Math.floor(r() * 4);
  const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const hex = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
  const url = `https://synthetic-${i % 50}.invalid/notice/${i}.html`;
  const paragraphs: string[] = [];
  const target = 1000 + Math.floor(r() * 2000); // bytes of UTF-8 body, ~1-3 KB
  let bytes = 0;
  let n = 0;
  while (bytes < target) {
    const para = `${n === 0 ? `关于在试点城市开展“${topic}”工作的第${i}号合成公告。` : ''}${pick(SENTENCES)}${pick(SENTENCES)}`;
    paragraphs.push(para);
    bytes += Buffer.byteLength(para) + 2;
    n++;
  }
  const fm = [
    '---',
    `url: ${yamlString(url)}`,
    `canonicalUrl: ${yamlString(url)}`,
    `title: ${yamlString(`【合成数据】关于${topic}试点工作的公告（第${i}号）`)}`,
    'district: null',
    `sourceId: synthetic-${i % 50}`,
    `publishedAt: "${date}"`,
    `firstSeenAt: "${date}T08:00:00+08:00"`,
    `contentHash: "sha256:${hex.repeat(8)}"`,
    'relevant: true',
    `cities: [${city}]`,
    `measures: [${measure}]`,
    `signal: ${pick(SIGNALS)}`,
    'extraction: { method: synthetic, version: "0", confidence: 0.5 }',
    'review: { state: auto, note: "synthetic benchmark data" }',
    'synthetic: true',
    '---',
    '',
  ];
  return fm.join('\n') + paragraphs.join('\n\n') + '\n';
}

/**
 * Copy the catalogue of `fromContent` into `<dir>/content` and add `count` synthetic
 * announcements with extension `ext`. Returns the new content root.
 */
export function makeSyntheticRoot(fromContent: string, dir: string, count: number, ext: 'md' | 'mdx', seed = 42): string {
  const root = path.join(dir, 'content');
  cpSync(fromContent, root, { recursive: true });
  const cities = ids(path.join(root, 'cities'));
  const measures = ids(path.join(root, 'measures'));
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, 'announcements', 'synthetic', String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `s${i}.${ext}`), synthAnnouncement(i, r, cities, measures));
  }
  return root;
}
