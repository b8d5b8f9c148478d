// Every sentence below is invented for these tests (no real notice says them); the places are real.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extract, T } from './helpers.ts';
import { SHIPPED_GAZETTEER, validateGazetteer } from '../../scrapers/extract/places/schema.ts';
import { shortName } from '../../scrapers/extract/places/gazetteer.ts';
import { englishName } from '../../scrapers/extract/places/names.ts';
import { buildRecord } from '../../scrapers/write/record.ts';
import { announcement } from '../../src/model/schemas.ts';

const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
const excluded = (body: string[], name: string) =>
  extract(T, body).explain.filter((e) => e.field === 'cities' && !!e.keyword?.startsWith(name) && e.rule.startsWith('excluded')).map((e) => e.rule);

describe('ways of naming a city', () => {
  it.each([
    [['在苏州开展试点。'], ['苏州'], 'a catalogue city'],
    [['在大连开展试点。'], ['大连'], 'a city outside the catalogue'],
    [['在吴中区开展试点。'], ['苏州'], 'a district'],
    [['在安溪县开展试点。'], ['泉州'], 'a county'],
    [['在太仓市开展试点。'], ['苏州'], 'a county-level city'],
    [['永春、德化等地企业可申请。'], ['泉州'], 'bare county names'],
    [['在东莞虎门镇开展试点。'], ['东莞'], 'a town of a city with no county level'],
    [['在两江新区开展试点。'], ['重庆'], 'a state-level new area'],
    [['在洋山港实施。'], ['上海'], 'a port'],
    [['在长水国际机场实施。'], ['昆明'], 'an airport'],
    [['甬企率先试点。'], ['宁波'], 'a one-character short name'],
    [['珠中江地区企业可申请。'], ['珠海', '中山', '江门'], 'a multi-city abbreviation'],
    [['在恩施土家族苗族自治州开展试点。'], ['恩施'], 'an autonomous prefecture, by its short name'],
    [['在仙桃开展试点。'], ['仙桃'], 'a county-level city the province administers directly'],
    [['结合苏州地区出口实际开展试点。'], ['苏州'], 'a place inside a lexicon word with a place-like tail (苏州地区)'],
  ])('%j -> %j (%s)', (body, want) => {
    expect(names(body)).toEqual(want);
  });

  it('outputs id, Chinese and English names, the 6-digit adcode and the words that named it', () => {
    const r = extract(T, ['在吴中区、太仓市开展试点。', '苏州企业可申请。', '在大连同步开展。']);
    expect(r.cities).toEqual([
      { id: 'suzhou-jiangsu', nameZh: '苏州', nameEn: 'Suzhou', adcode: '320500', via: ['吴中区', '太仓市', '苏州'] },
      { id: null, nameZh: '大连', nameEn: 'Dalian', adcode: '210200', via: ['大连'] },
    ]);
    for (const c of r.cities) expect(r.explain.some((e) => e.field === 'cities' && !e.rule.startsWith('excluded') && e.value === (c.id ?? c.nameZh))).toBe(true);
  });
});

describe('homonyms', () => {
  it('a district several cities have takes the province the page names', () => {
    expect(names(['福建省鼓楼区企业率先申报。'])).toEqual(['福州']);
  });
  it('or the city named right before it', () => {
    expect(names(['徐州市鼓楼区企业率先申报。'])).toEqual(['徐州']);
  });
  it('and is left out, with the reason, when nothing on the page says which', () => {
    expect(names(['鼓楼区企业率先申报。'])).toEqual([]);
    expect(excluded(['鼓楼区企业率先申报。'], '鼓楼区')[0]).toMatch(/several cities/);
  });
  it('a province name is context, never a city (吉林 the province, 吉林市 the city)', () => {
    expect(names(['吉林省内企业可申请。'])).toEqual([]);
    expect(names(['在吉林市开展试点。'])).toEqual(['吉林']);
  });
});

describe('a place inside a longer word is not a mention', () => {
  it.each([
    [['厦门航空有限公司参与，在无锡实施。'], ['无锡'], 'a company'],
    [['企业可到南京路服务点办理，在无锡实施。'], ['无锡'], 'a street'],
    [['南京海关所属苏州海关在苏州工业园区开展试点。'], ['苏州'], 'customs offices named after cities'],
    [['北京时间上午十时，上海正式启动。'], ['上海'], 'a common word (北京时间)'],
    [['开封查验比例降低，在郑州实施。'], ['郑州'], 'a city name that is also a verb (开封)'],
    [['在开封开展试点。'], ['开封'], '… which still names the city in a place context'],
  ])('%j -> %j (%s)', (body, want) => {
    expect(names(body)).toEqual(want);
  });
});

describe('roles: only where the measure runs counts', () => {
  it.each([
    [['货物经上海口岸出口至日本，在苏州实施。'], '上海', 'the port of exit'],
    [['货物在昆明中转后出境，在南宁实施。'], '昆明', 'a transit place'],
    [['来自普洱、保山等地的咖啡生豆在昆明集中查验。'], '普洱', 'the origin of the goods'],
    [['可借鉴宁波、厦门等地的经验做法，在武汉开展。'], '宁波', 'a precedent'],
    [['该做法此前已于2025年在长沙试行。', '在南京开通。'], '长沙', 'an earlier trial'],
    [['下一步将逐步推广至温州，在杭州实施。'], '温州', 'a future plan'],
    [['产品主要销往北京、天津等地，在昆明开展。'], '北京', 'the place where goods are sold'],
    [['在厦门实施。', '地址：福州市鼓楼区五四路1号'], '福州', 'the office address'],
  ])('%j: %s is not counted (%s)', (body, name) => {
    expect(names(body)).not.toContain(name);
    expect(excluded(body, name).length).toBeGreaterThan(0);
  });
  it('the measure runs in the other named city of each of those sentences', () => {
    expect(names(['货物经上海口岸出口至日本，在苏州实施。'])).toEqual(['苏州']);
    expect(names(['来自普洱、保山等地的咖啡生豆在昆明集中查验。'])).toEqual(['昆明']);
  });
  it('an origin counts when no other city on the page runs the measure', () => {
    expect(names(['对产自安溪的乌龙茶实施“一品一策”。'])).toEqual(['泉州']);
  });
  it('a production-area column of a table gives no city', () => {
    const r = extract(T, ['<table><tr><td>产品名称</td><td>主要产区</td></tr><tr><td>鲜食葡萄</td><td>张家港市</td></tr></table>', '在无锡实施。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['无锡']);
  });
});

describe('gazetteer data', () => {
  it('the shipped files validate (as npm run check does)', () => {
    expect(validateGazetteer(SHIPPED_GAZETTEER)).toEqual([]);
  });
  it('reports a curated entry pointing at no city and an unknown source', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    cpSync(SHIPPED_GAZETTEER, dir, { recursive: true });
    const places = JSON.parse(readFileSync(path.join(dir, 'places.json'), 'utf8'));
    places.entries.push({ name: '测试港', kind: 'port', cities: ['999900'], source: 'nowhere' });
    writeFileSync(path.join(dir, 'places.json'), JSON.stringify(places));
    const fields = validateGazetteer(dir).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining([`entries.${places.entries.length - 1}.source`, `entries.${places.entries.length - 1}.cities.0`]));
  });
  it('short names drop the suffix and the ethnic groups of autonomous prefectures', () => {
    const ethnic = ['朝鲜', '土家', '苗'];
    expect(['延边朝鲜族自治州', '恩施土家族苗族自治州', '大兴安岭地区', '苏州市'].map((n) => shortName(n, ['自治州', '地区', '市'], ethnic))).toEqual(['延边', '恩施', '大兴安岭', '苏州']);
  });
  it('English names are pinyin, with an apostrophe where syllables would run together', () => {
    expect(['大连', '西安', '呼和浩特'].map(englishName)).toEqual(['Dalian', "Xi'an", 'Huhehaote']);
  });
});

describe('the written record', () => {
  it('carries every city mention and the catalogue ids derived from them', () => {
    const r = extract(T, ['在苏州、大连开展试点。']);
    const rec = buildRecord(
      { sourceId: 's', district: null, url: 'https://www.customs.gov.cn/a.html', linkedUrl: 'https://www.customs.gov.cn/a.html' },
      r,
      `sha256:${'0'.repeat(64)}`,
      '2026-05-10T00:00:00Z',
    );
    expect(rec['cities']).toEqual(['suzhou-jiangsu']);
    expect(rec['cityMentions']).toEqual(r.cities);
    expect(rec['candidates']).toBeUndefined();
    expect(announcement.safeParse(rec).success).toBe(true);
  });
});
