/**
 * Products, markets, measures and signals on small INVENTED sentences (no real notice): one
 * example for each mechanism of Extraction III.
 */
import { describe, expect, it } from 'vitest';
import { extract, T, vocab } from './helpers.ts';
import { productName, cellProducts } from '../../scrapers/extract/products.ts';
import { englishNameOf, everydayEnglishNames, shortNamesOf } from '../../scrapers/extract/hs-names.ts';
import { addEverydayEnglish } from '../../scripts/product-lexicon.ts';

const names = (r: { products: { nameZh: string }[] }) => r.products.map((p) => p.nameZh).sort();
const table = (header: string[], rows: string[][]) =>
  `<table><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;

describe('product names: validation and the core noun', () => {
  it.each([
    ['速冻西兰花', '西兰花', 'a modifier'],
    ['迁西板栗', '板栗', 'a county as origin prefix'],
    ['麻阳冰糖橙', '冰糖橙', 'an autonomous county stem as origin prefix'],
    ['广式腊肠', '腊肠', 'a style'],
    ['脐橙原汁（NFC）', '脐橙原汁', 'a parenthesis'],
    ['哈密瓜', '哈密瓜', 'a place stem that leaves one character is kept'],
  ])('%s -> %s (%s)', (raw, core) => {
    const n = productName(raw, vocab);
    expect(n?.core).toBe(core);
    expect(n?.display).toBe(raw.replace(/（.*）/u, ''));
  });
  it.each([['水果'], ['农产品'], ['宁波'], ['加工企业'], ['专家评审'], ['在钦州港'], ['一品一策'], ['冷冻'], ['幼果期'], ['采收前'], ['量较大'], ['甘蓝主要']])(
    '%s is no product',
    (raw) => {
      expect(productName(raw, vocab)).toBeNull();
    },
  );
  it('a use (电动自行车用) is part of the name, a class of the product after it, which gives the id; a verb ending in 用 is no use', () => {
    expect(productName('电动自行车用锂电池', vocab)).toMatchObject({ core: '电动自行车用锂电池', exact: false, entry: { id: 'lithium-ion-batteries' } });
    expect(productName('消费类电子产品用锂离子电池', vocab)?.entry?.id).toBe('lithium-ion-batteries');
    expect(productName('工业机器人用伺服控制器', vocab)).toMatchObject({ core: '工业机器人用伺服控制器', entry: null });
    expect(productName('本公告适用于甬产储能用锂离子电池', vocab)).toBeNull();
  });
  it("the lexicon gives ids and HS codes; a variety takes its product's; an unknown valid name has id null", () => {
    expect(productName('鲜苹果', vocab)?.entry).toMatchObject({ id: 'apples', hs: ['080810'] });
    expect(productName('黄冠梨', vocab)).toMatchObject({ core: '黄冠梨', exact: false, entry: { id: 'pears' } });
    expect(productName('伺服控制器', vocab)?.entry).toBeNull();
  });
  it('a table cell: lines are products, a fragment line joins the next, a parenthesis line is dropped', () => {
    expect(cellProducts('黄冠梨\n鸭梨', vocab, new Set()).map((n) => n.core)).toEqual(['黄冠梨', '鸭梨']);
    expect(cellProducts('广式\n腊肠', vocab, new Set()).map((n) => n.core)).toEqual(['腊肠']);
    expect(cellProducts('鲜\n脐橙', vocab, new Set()).map((n) => n.core)).toEqual(['脐橙']);
    expect(cellProducts('神湾\n菠萝', vocab, new Set(['神湾'])).map((n) => n.core)).toEqual(['菠萝']);
    expect(cellProducts('黄花菜\n（脱水）', vocab, new Set()).map((n) => n.core)).toEqual(['黄花菜']);
  });
  it("a two-character line no product names before a product line is that product's prefix", () => {
    // 青溪 is an invented village the gazetteer does not know.
    expect(cellProducts('青溪\n蜜柚', vocab, new Set()).map((n) => [n.core, n.display])).toEqual([['蜜柚', '青溪蜜柚']]);
    expect(cellProducts('工业机器人\n数控机床', vocab, new Set()).map((n) => n.core)).toEqual(['工业机器人', '数控机床']);
    // A line that reads as a product (a modifier before one character, or a lexicon name's last character) is no prefix.
    expect(cellProducts('鲜姜\n大蒜', vocab, new Set()).map((n) => n.core)).toEqual(['鲜姜', '大蒜']);
    expect(cellProducts('彩椒\n樱桃番茄', vocab, new Set()).map((n) => n.core)).toEqual(['彩椒', '樱桃番茄']);
  });
});

describe('products on a page', () => {
  it('a strong scope cue accepts names the lexicon does not know', () => {
    expect(names(extract(T, ['本批试点产品为紫云糕和青溪腐乳。']))).toEqual(['紫云糕', '青溪腐乳'].sort());
  });
  it('without a strong cue an enumeration needs one lexicon name, and every item must be valid', () => {
    expect(names(extract(T, ['一辆满载大蒜、甘薯和紫云糕的冷藏货车驶出。']))).toEqual(['大蒜', '甘薯', '紫云糕'].sort());
    expect(names(extract(T, ['会议听取了紫云糕、青溪糟卤情况汇报。']))).toEqual([]);
  });
  it('a heading puts its cue on the next sentence; a list of varieties is no product list', () => {
    expect(names(extract(T, ['一、试点产品。', '本地生产的出口鲜苹果（包括红星、金冠等品种）及浓缩苹果汁。']))).toEqual(['苹果', '苹果汁']);
  });
  it('"或" separates items; "及其制品" and "X制品" beside X add no product; a trade direction is no part of a name', () => {
    expect(names(extract(T, ['出口产品为乳制品、速冻米面食品或紫云糕。']))).toEqual(['乳制品', '米面食品', '紫云糕'].sort());
    expect(names(extract(T, ['适用产品为鲜食玉米、大米和人参及其制品。']))).toEqual(['人参', '大米', '玉米'].sort());
    expect(names(extract(T, ['试点产品见下表。', table(['序号', '试点产品'], [['1', '蓝莓<br>及蓝莓制品']])]))).toEqual(['蓝莓']);
    expect(names(extract(T, ['主要出口保鲜大蒜、速冻西兰花的出口食品生产企业。']))).toEqual(['大蒜', '西兰花'].sort());
  });
  it('a trade direction before a list names goods: "出口的A、B", "出口A、B的生产企业"; a bare "出口A、B" needs more', () => {
    expect(names(extract(T, ['辖区内出口紫云糕、青溪腐乳的生产企业可申请。']))).toEqual(['紫云糕', '青溪腐乳'].sort());
    expect(names(extract(T, ['青溪企业出口的紫云糕、青溪腐乳也同步适用。']))).toEqual(['紫云糕', '青溪腐乳'].sort());
    expect(names(extract(T, ['对出口需求旺盛、风险可控的其他产品，海关将适时增补。']))).toEqual([]);
  });
  it('"出口A、B的企业" lists the goods of the enterprises; "A、B等企业" lists enterprises', () => {
    expect(names(extract(T, ['本次重点服务出口青溪腐乳、紫云糕和茶油的企业。']))).toEqual(['紫云糕', '茶油', '青溪腐乳'].sort());
  });
  it('a Q&A answer is read in the scope of its question: which goods', () => {
    const answer = '答：适用于按普通货物运输的出口小食，具体包括紫云糕、青溪酥，以及内置果仁的米花团。';
    const qa = ['问一：哪些产品适用新做法？', answer, '问二：企业如何申请？', '答：企业提交青溪台账、紫云清单和申请表。'];
    expect(names(extract(T, qa))).toEqual(['米花团', '紫云糕', '青溪酥'].sort());
    expect(names(extract(T, ['问一：新做法何时施行？', answer]))).toEqual([]);
  });
  it('a correction: the product corrected to or kept, never the one corrected away', () => {
    expect(names(extract(T, ['一、原名单第3项的试点产品由“腐乳”更正为“紫云糕”。', '二、第7项企业名称更正；试点产品“青溪酥”不变。']))).toEqual(
      ['紫云糕', '青溪酥'].sort(),
    );
    expect(
      names(extract(T, [table(['序号', '原公告序号', '更正项目', '原内容', '更正后内容'], [['1', '9', '试点产品', '鲜菠萝', '鲜菠萝、紫云糕']])])),
    ).toEqual(['紫云糕', '菠萝'].sort());
  });
  it('goods named by a quantity before their container ("1.6吨紫云糕的冷链集装箱")', () => {
    expect(names(extract(T, ['装载着1.6吨紫云糕的冷链集装箱在机场完成查验。']))).toEqual(['紫云糕']);
  });
  it('goods a next step plans to bring in are no products; goods already in scope are', () => {
    expect(names(extract(T, ['下一步将根据企业需求，逐步把紫云糕、青溪腐乳等特色产品纳入集拼范围。']))).toEqual([]);
    expect(names(extract(T, ['下一步将推动更多紫云糕、青溪腐乳等特色产品通过集拼方式出口。']))).toEqual([]);
    expect(names(extract(T, ['下一步将总结经验，加快推动紫云糕、青溪腐乳等其余试点产品形成首票出口。']))).toEqual(['紫云糕', '青溪腐乳'].sort());
  });
  it('a run closed by 等 and a class of goods lists goods without any cue word', () => {
    expect(names(extract(T, ['海关支持青溪镇养殖企业将紫云鲈、青溪鲩等鲜活水产品拼箱运往香港。']))).toEqual(['紫云鲈', '青溪鲩'].sort());
    expect(names(extract(T, ['企业出口紫云糕、青溪酥等水产制品至日本。']))).toEqual(['紫云糕', '青溪酥'].sort());
    // a class of information is no class of goods
    expect(names(extract(T, ['企业应提交青溪台账、紫云清单等商品信息。']))).toEqual([]);
  });
  it('the first item is the object of the predicate it follows, whatever the verb', () => {
    expect(names(extract(T, ['答：首批重点保障冷冻牛肉、紫云糕等冷链货物。']))).toEqual(['牛肉', '紫云糕'].sort());
    expect(names(extract(T, ['青溪海关首批重点服务预包装紫云糕、糖水荔枝罐头和青溪酥的出口企业。']))).toEqual(['糖水荔枝罐头', '紫云糕', '青溪酥'].sort());
  });
  it('items before "的" describe the goods: the list starts after it', () => {
    expect(names(extract(T, ['其中自泰国、越南进口的榴莲、紫云糕以及自巴西进口的大豆列为优先保障品种。']))).toEqual(['大豆', '榴莲', '紫云糕'].sort());
  });
  it('a verb inside an item ends the run ("…并输往美国、欧盟")', () => {
    expect(names(extract(T, ['重点服务生产即食海参、紫云糕、熟制鸡肉并输往美国、欧盟的企业。']))).toEqual(['海参', '紫云糕', '鸡肉'].sort());
  });
  it('a bracket listing forms of the product before it adds none', () => {
    expect(names(extract(T, ['本次纳入的产品为：百合（含鲜百合、百合干）、洋葱、紫云糕。']))).toEqual(['百合', '洋葱', '紫云糕'].sort());
  });
  it('a decision announced later ("是否纳入…另行公告") gives no product', () => {
    expect(names(extract(T, ['试点产品为鲜脐橙。', '荔枝、龙眼等时令水果是否纳入，将另行公告。']))).toEqual(['脐橙']);
  });
  it('a verb clause ends the last item; a later inclusion is no product', () => {
    expect(names(extract(T, ['首批适用产品为杨梅和冰鲜带鱼，其中冰鲜带鱼应为在石浦港上岸的渔场渔获。']))).toEqual(['带鱼', '杨梅'].sort());
    expect(names(extract(T, ['试点产品为鲜脐橙。', '海关将推动进口鹿茸、紫云糕等商品适用分类管理。']))).toEqual(['脐橙']);
  });
  it("where the measure does not apply, the writer's own goods are no products", () => {
    const r = extract(T, ['我公司主要从事大蒜和樱桃出口，请问能否办理？', '今年专项行动中的“绿色通道”措施在试点城市实施，本地暂未列入实施范围。']);
    expect([r.signal, r.products]).toEqual(['not-announced', []]);
  });
  it('later batches, pests, past examples and statistics give no products', () => {
    const r = extract(T, ['试点产品为鲜脐橙。', '青溪腐乳等产品拟纳入下一批试点。', '重点防控柑橘小实蝇。', '2025年本地出口香菇86吨。']);
    expect(names(r)).toEqual(['脐橙']);
  });
  it('keeps the page form as display and the lexicon id', () => {
    const p = extract(T, ['试点产品为速冻西兰花和冷冻鱿鱼。']).products;
    expect(p).toContainEqual({ id: 'broccoli', nameZh: '西兰花', display: '速冻西兰花', hs: ['070410'] });
    expect(p.find((x) => x.nameZh === '鱿鱼')?.id).toBe('squid');
  });
  it("product columns of a table, with HS codes from an HS column; the page's own towns are origins", () => {
    const r = extract(T, [
      '试点产品见下表。',
      table(
        ['序号', '试点产品', '商品编码', '主产区'],
        [
          ['1', '青溪\n腐乳', '21069090', '青溪镇'],
          ['2', '鲜\n芒果', '08045020', ''],
        ],
      ),
    ]);
    expect(r.products).toEqual([
      { id: 'fermented-bean-curd', nameZh: '腐乳', display: '青溪腐乳', hs: ['21069090'] },
      { id: 'mangoes', nameZh: '芒果', display: '鲜芒果', hs: ['08045020'] },
    ]);
  });
  it('a sentence inside a table cell is running text', () => {
    const r = extract(T, [table(['举措', '主要内容'], [['绿色通道', '对鲜香菇、鲜芦笋、鲜樱桃等鲜活农产品实行优先查验。']])]);
    expect(names(r)).toEqual(['樱桃', '芦笋', '香菇'].sort());
  });
  it('a quantity names the goods after it (after its last 的), not the vehicle or the route', () => {
    expect(names(extract(T, ['5月3日，一批重2.4吨的临安紫云糕在口岸完成查验。']))).toEqual(['紫云糕']);
    expect(names(extract(T, ['4月8日，12辆经中欧班列自德国运抵的平行进口汽车在铁路口岸完成查验。']))).toEqual(['平行进口汽车']);
    expect(names(extract(T, ['3吨鲜活青溪腐乳和5吨紫云糕分别完成查验。']))).toEqual(['紫云糕', '青溪腐乳'].sort());
    expect(names(extract(T, ['专项行动将推出一批可感可及的改革成果。']))).toEqual([]);
  });
  it('after a load verb the noun after 的 is the vehicle, not an item', () => {
    expect(names(extract(T, ['满载紫云糕、大蒜和青溪腐乳的冷链专列开出。']))).toEqual(['大蒜', '紫云糕', '青溪腐乳'].sort());
  });
  it('the product that names the enterprises a service is for is in scope', () => {
    expect(names(extract(T, ['某海关即日起受理青溪县紫云糕出口企业前置指导申请。']))).toEqual(['紫云糕']);
    expect(names(extract(T, ['某海关即日起受理辖区出口食品生产企业前置指导申请。']))).toEqual([]);
  });
  it('a product name inside a country name is no mention (葡萄 in 葡萄牙)', () => {
    expect(names(extract(T, ['来自葡萄牙的旅客在门店办理了退税。']))).toEqual([]);
  });
  it('English pages give the Chinese names of the lexicon', () => {
    const r = extract("Fresh lilies reach Central Asia under this year's special action to promote cross-border trade facilitation", [
      "Under this year's special action to promote cross-border trade facilitation, 12 tonnes of fresh lily bulbs and broccoli were shipped to Almaty, Kazakhstan.",
      'Customs said lychees may be added next year.',
    ]);
    expect(names(r)).toEqual(['百合', '西兰花'].sort());
  });
  it('English pages name products in everyday words, and give the common Chinese word', () => {
    const r = extract("Cheese and ginseng exporters gain under this year's special action to promote cross-border trade facilitation", [
      "Under this year's special action to promote cross-border trade facilitation, the pilot covers cheese, pork and ginseng exported to Singapore.",
    ]);
    // The customs lines say "ginseng roots" and "swine meat"; 奶酪 is more common than the customs name 乳酪.
    expect(names(r)).toEqual(['人参', '奶酪', '猪肉'].sort());
  });
  it('in English a head noun after the full name is the same product ("navel oranges" … "the oranges")', () => {
    const r = extract("Navel oranges leave under this year's special action to promote cross-border trade facilitation", [
      "Under this year's special action to promote cross-border trade facilitation, navel oranges from the county were shipped to Hong Kong.",
      'The oranges were inspected at the orchard.',
    ]);
    expect(names(r)).toEqual(['脐橙']);
  });
});

describe('everyday English names from a bilingual dictionary (product lexicon)', () => {
  it.each([
    [['(husked) rice'], ['rice']],
    [['baijiu, a spirit usually distilled from sorghum'], ['baijiu']],
    [['biluochun or pi lo chun, a type of green tea'], ['biluochun', 'pi lo chun']],
    [['(dialect) potato'], []],
    [['see 紅豆|红豆[hong2 dou4]'], []],
    [['surname Li', 'plum'], ['plum']],
    [['glutinous rice and choice of filling wrapped in leaves and boiled'], []],
  ])('%j -> %j', (glosses, want) => {
    expect(everydayEnglishNames(glosses)).toEqual(want);
  });
  it('a gloss goes to the entry of the most common word, which is then what it stands for', () => {
    const entries = [
      { id: 'cheese', zh: '乳酪', en: 'cheese', aliases: ['奶酪'], aliasesEn: [], hs: ['040690'] },
      { id: 'milk', zh: '牛奶', aliases: [], aliasesEn: [], hs: ['040110'] },
      { id: 'dates', zh: '椰枣', en: 'dates', aliases: [], aliasesEn: [], hs: ['080410'] },
    ];
    const glosses = new Map([
      ['乳酪', [['cheese']]],
      ['奶酪', [['cheese']]],
      ['牛奶', [["cow's milk", 'cheese']]],
      ['椰枣', [['date', 'date palm']]],
    ]);
    const frequency = new Map([
      ['乳酪', 66],
      ['奶酪', 73],
      ['牛奶', 900],
    ]);
    const out = addEverydayEnglish(entries, glosses, frequency, new Set(['dates']));
    // "cheese" is already the cheese entry's English name: the milk entry does not take it.
    expect(out[0]!.zhOfEnglish).toEqual({ cheese: '奶酪' });
    expect(out[1]!.aliasesEn).toEqual(["cow's milk"]);
    // "date" is an ordinary word in English (its plural is a stop word): no name.
    expect(out[2]!.aliasesEn).toEqual(['date palm']);
  });
});

describe('the HS name rules (product lexicon)', () => {
  it.each([
    ['鲜或冷藏的番茄', [['番茄']]],
    ['其他冻的墨鱼及鱿鱼', [['墨鱼'], ['鱿鱼']]],
    ['金针菜（黄花菜）', [['金针菜', '黄花菜']]],
    ['其他活鳗鱼，鱼苗除外', [['鳗鱼']]],
    ['种用马铃薯', []],
    ['未列名干蔬菜及什锦蔬菜', []],
    ['未磨胡椒', [['胡椒']]],
  ])('%s -> %j', (zh, want) => {
    expect(shortNamesOf(zh)).toEqual(want);
  });
  it('English names lose their state words', () => {
    expect(englishNameOf('Fresh or chilled tomatoes')).toBe('tomatoes');
    expect(englishNameOf('Other fresh or chilled fish')).toBeNull();
  });
});

describe('markets', () => {
  const codes = (paras: string[]) =>
    extract(T, paras)
      .markets.map((m) => m.id)
      .sort();
  it('grouped and short forms', () => {
    expect(codes(['产品主要出口日韩和港澳市场。'])).toEqual(['HK', 'JP', 'KR', 'MO']);
    expect(codes(['对俄出口果蔬实行优先查验。'])).toEqual(['RU']);
  });
  it('every country after a transit or origin cue is out; a later plan is out', () => {
    expect(codes(['班列途经哈萨克斯坦、俄罗斯和波兰，最终抵达德国杜伊斯堡。'])).toEqual(['DE']);
    expect(codes(['原料主要来自越南、泰国和老挝，成品出口新加坡。'])).toEqual(['SG']);
    expect(codes(['产品出口马来西亚，计划明年试运迪拜。'])).toEqual(['MY']);
    expect(codes(['班列途经哈萨克斯坦、俄罗斯，终到德国杜伊斯堡和波兰罗兹。'])).toEqual(['DE', 'PL']);
  });
  it('a market given only in a table cell, one per line', () => {
    expect(codes([table(['试点产品', '目标市场'], [['紫云糕', '日韩\n新加坡']])])).toEqual(['JP', 'KR', 'SG']);
  });
  it('a short heading with an export cue scopes the sentence after it; 供澳 carries its own direction', () => {
    expect(codes(['三、目标市场。', '日本、新加坡及东盟其他国家。'])).toEqual(['JP', 'SG']);
    expect(codes(['日本、新加坡及东盟其他国家。'])).toEqual([]);
    expect(codes(['口岸供澳紫云糕“绿色通道”运行良好。'])).toEqual(['MO']);
  });
  it('a correction: the market corrected to, never the one corrected away', () => {
    expect(codes(['原名单第2项目标市场由“新加坡”更正为“马来西亚”。'])).toEqual(['MY']);
    expect(
      codes([
        table(
          ['序号', '更正项目', '原内容', '更正后内容'],
          [
            ['1', '目标市场', '日本', '韩国'],
            ['2', '企业名称', '青溪公司', '紫云公司'],
          ],
        ),
      ]),
    ).toEqual(['KR']);
  });
  it('the role of the country in its sentence: the destination of the goods counts without an export cue word', () => {
    expect(codes(['首批货物已于昨日发运，目的地为吉尔吉斯斯坦。'])).toEqual(['KG']);
    expect(codes(['海关对照越南、泰国两国的进口要求逐项梳理企业的关键控制点。'])).toEqual(['TH', 'VN']);
    expect(codes(['首先与老挝、柬埔寨开展电子证书互认。'])).toEqual(['KH', 'LA']);
    // The same countries in another role: no destination.
    expect(codes(['海关组织技术人员走访越南、泰国的采购商。'])).toEqual([]);
  });
  it('transit, a plan, statistics, a look back and the writer of a letter are no markets', () => {
    expect(codes(['货物先运往老挝，在老挝中转后运抵泰国。'])).toEqual(['TH']);
    expect(codes(['货物出口后通过蒙古国运抵俄罗斯。'])).toEqual(['RU']);
    expect(codes(['紫云糕出口新加坡。', '下一步将扩大试点范围，并积极拓展文莱市场。'])).toEqual(['SG']);
    expect(codes(['据统计，前5个月口岸出口果蔬同比增长8%，主要输往泰国和越南。'])).toEqual([]);
    expect(codes(['紫云糕主要出口老挝、柬埔寨等东盟国家，近年来出口量稳步增长。'])).toEqual(['KH', 'LA']);
    expect(codes(['此前，紫云糕已出口老挝。'])).toEqual([]);
    expect(codes(['来信内容：我公司主要出口紫云糕至新西兰，能否申请？', '答复：新西兰对进口糕点的限量主要参照欧盟标准，建议出口前做好自检。'])).toEqual([]);
  });
  it('a correction without 由, an ethnic name, a destination column', () => {
    expect(codes(['原名单第1项的目标市场“老挝”更正为“柬埔寨”。'])).toEqual(['KH']);
    expect(codes(['重点面向出口日本市场的朝鲜族泡菜生产企业。'])).toEqual(['JP']);
    expect(codes([table(['企业', '检测后复运出境目的地'], [['紫云检测公司', '新加坡、德国']])])).toEqual(['DE', 'SG']);
  });
  it('English names and cues', () => {
    const r = extract("Goji exports start under this year's special action to promote cross-border trade facilitation", [
      'The first 20 tonnes are headed for Germany and the United Kingdom.',
    ]);
    expect(r.markets.map((m) => m.id).sort()).toEqual(['DE', 'GB']);
  });
  it("a table cell that is prose names destinations as a sentence would; a letter laid out as a table names the writer's trade", () => {
    const route = table(['方向', '模式', '货物', '去向'], [['出口', '抵港直装', '滚装商品车', '主要运往澳大利亚、新西兰']]);
    expect(
      extract("今年促进跨境贸易便利化专项行动：某港推行'抵港直装'", [route])
        .markets.map((m) => m.id)
        .sort(),
    ).toEqual(['AU', 'NZ']);
    const letter = table(
      ['项目', '内容'],
      [
        ['留言内容', '我公司主要生产大蒜，产品销往日本、韩国。请问能否申请？'],
        ['答复内容', '今年促进跨境贸易便利化专项行动的一品一策服务已在本市开展，贵公司可以申请。'],
      ],
    );
    expect(extract('关于一品一策服务的留言答复', [letter]).markets).toEqual([]);
  });
  it('goods sailing direct (直航) to a port of a country go to that country', () => {
    const r = extract(T, ['按照今年促进跨境贸易便利化专项行动部署，这批汽车将直航比利时泽布吕赫港。']);
    expect(r.markets.map((m) => m.id)).toEqual(['BE']);
  });
  it('in English every country of an enumeration after "for" is a destination; one the cargo transits is not', () => {
    const r = extract("Pear exports start under this year's special action to promote cross-border trade facilitation", [
      'Pears, grown and packed in the county, for Indonesia and Viet Nam;',
      'Cargo for Thailand transits Laos by road.',
    ]);
    expect(r.markets.map((m) => m.id).sort()).toEqual(['ID', 'TH', 'VN']);
  });
});

describe('measures and signals', () => {
  it('on English pages a generic phrase labels a measure only with support', () => {
    const lead =
      "Customs launched a dedicated fast lane for goji exports in Zhongwei as part of this year's special action to promote cross-border trade facilitation.";
    expect(
      extract('Zhongwei goji exports', [
        lead,
        'Goji is listed as an item of "medicine and food homology", which brings extra checks in some markets.',
      ]).measures.map((m) => m.id),
    ).not.toContain('food-medicine-homology');
    expect(
      extract('Bozhou puts a new rule in place', [
        "Customs put in place the classified management of medicine and food homology goods in Bozhou under this year's special action.",
      ]).measures.map((m) => m.id),
    ).toContain('food-medicine-homology');
  });
  it('a measure named only in a table counts', () => {
    const r = extract(T, ['本关推出以下举措。', table(['举措', '办理要点'], [['抵港直装', '出口货物运抵港区即可装船']])]);
    expect(r.measures.map((m) => m.id)).toContain('direct-pickup-loading');
  });
  it('a generic keyword in another sense is no measure; with support it is', () => {
    expect(extract(T, ['完成指导的企业列入服务企业白名单。']).measures.map((m) => m.id)).not.toContain('bonded-testing-whitelist');
    expect(extract(T, ['对区内保税检测业务实施白名单管理。']).measures.map((m) => m.id)).toContain('bonded-testing-whitelist');
  });
  it('a later plan puts no measure in place', () => {
    expect(extract(T, ['下一步，本关将研究在山区探索“一地一策”。', '本关推行“两步申报”。']).measures.map((m) => m.id)).toEqual(['two-step-declaration']);
  });
  it('local suspended and not-announced cues', () => {
    expect(extract('关于某港区暂停实施“抵港直装”的公告', ['为落实今年促进跨境贸易便利化专项行动推出的“抵港直装”，因施工，自10月1日起暂停实施。']).signal).toBe(
      'suspended',
    );
    expect(extract('关于某地能否办理“生鲜集拼”的答复', ['今年促进跨境贸易便利化专项行动中的“生鲜集拼”措施，本地区暂未列入实施范围。']).signal).toBe(
      'not-announced',
    );
  });
});
