// Every sentence below is invented for these tests (no real notice says them); the places are real.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enc, extract, gaccPage, T, vocab } from './helpers.ts';
import { extractArticle, isExtractError } from '../../scrapers/extract/index.ts';
import { SHIPPED_GAZETTEER, validateGazetteer } from '../../scrapers/extract/places/schema.ts';
import { shortName } from '../../scrapers/extract/places/gazetteer.ts';
import { englishName } from '../../scrapers/extract/places/names.ts';
import { buildRecord } from '../../scrapers/write/record.ts';
import { announcement } from '../../src/model/schemas.ts';

const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
const excluded = (body: string[], name: string) =>
  extract(T, body)
    .explain.filter((e) => e.field === 'cities' && (!!e.keyword?.startsWith(name) || e.value === name) && e.rule.startsWith('excluded'))
    .map((e) => e.rule);

describe('ways of naming a city', () => {
  it.each([
    [['在苏州开展试点。'], ['苏州'], 'a catalogue city'],
    [['在丽水开展试点。'], ['丽水'], 'a city outside the catalogue'],
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
    [['沪渝两地同步实施。'], ['上海', '重庆'], 'a word made of one-character short names'],
    [['在莞穗两地码头推行。'], ['东莞', '广州'], 'a pair of one-character short names, each the context of the other'],
    [['在京、沪、蓉三地口岸同步实施。'], ['北京', '上海', '成都'], 'one-character short names enumerated together'],
    [['呼包鄂地区企业可申请。'], ['呼和浩特', '包头', '鄂尔多斯'], 'another multi-city abbreviation'],
    [['在广佛肇地区试行。'], ['广州', '佛山', '肇庆'], 'a three-city abbreviation (广佛肇)'],
    [['厦漳泉地区企业可申请。'], ['厦门', '漳州', '泉州'], 'another one (厦漳泉)'],
    [['在大窑湾港区实施。'], ['大连'], 'a port area'],
    [['在成渝地区开展试点。'], ['成都', '重庆'], 'a two-city abbreviation (成渝)'],
    [['在甬舟两地口岸全面推行7×24小时预约通关。'], ['宁波', '舟山'], 'two one-character short names (甬舟)'],
    [['在西咸新区开展试点。'], ['西安'], 'a state-level new area the city administers (西咸新区, by 西安 since 2017)'],
    [['为汕潮揭地区企业开通“绿色通道”。'], ['汕头', '潮州', '揭阳'], 'a metropolitan area abbreviation (汕潮揭)'],
    [['在武汉经济技术开发区开展试点。'], ['武汉'], 'a development zone named after its city'],
    [['自即日起暂停在董家口港区办理集拼查验业务。'], ['青岛'], "a port area of a city's port (董家口港区)"],
    [['海关在东湖综合保税区开展保税检测。'], ['武汉'], 'a zone by one of its aliases (东湖综合保税区)'],
    [['在梅山港区、穿山港区同步试行。'], ['宁波'], 'port areas named after no division'],
  ])('%j -> %j (%s)', (body, want) => {
    expect(names(body)).toEqual(want);
  });

  it('outputs id, Chinese and English names, the 6-digit adcode and the words that named it', () => {
    const r = extract(T, ['在吴中区、太仓市开展试点。', '苏州企业可申请。', '在丽水同步开展。']);
    expect(r.cities).toEqual([
      { id: 'suzhou-jiangsu', nameZh: '苏州', nameEn: 'Suzhou', adcode: '320500', via: ['吴中区', '太仓市', '苏州'] },
      { id: null, nameZh: '丽水', nameEn: 'Lishui', adcode: '331100', via: ['丽水'] },
    ]);
    for (const c of r.cities)
      expect(r.explain.some((e) => e.field === 'cities' && !e.rule.startsWith('excluded') && e.value === (c.id ?? c.nameZh))).toBe(true);
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
    [['试点产品可通过“义甬舟”开放大通道出运，在金华实施。'], ['金华'], 'short names inside a quoted name (“义甬舟”)'],
    [['企业可到南京路服务点办理，在无锡实施。'], ['无锡'], 'a street'],
    [['南京海关所属苏州海关在苏州工业园区开展试点。'], ['苏州'], 'customs offices named after cities'],
    [['北京时间上午十时，上海正式启动。'], ['上海'], 'a common word (北京时间)'],
    [['开封查验比例降低，在郑州实施。'], ['郑州'], 'a city name that is also a verb (开封)'],
    [['在开封开展试点。'], ['开封'], '… which still names the city in a place context'],
    [['由苏州瑞丰农业科技有限公司申报，在无锡实施。'], ['无锡'], 'a company name of several words'],
    [['企业可通过“南通关务通”微信小程序申请，在无锡实施。'], ['无锡'], 'a quoted app name'],
    [['宁波远丰食品（余姚）有限公司率先申报，在温州实施。'], ['温州'], 'a company name with a place in brackets'],
    [['宁波关区企业可申请，在温州实施。'], ['温州'], 'a customs district (关区) is the customs office, not the city'],
    [['在沈阳兴隆物流园区实施。'], ['沈阳'], 'a county name right after a city it is not part of (兴隆县 is in 承德)'],
    [['在泉州实施，企业可选用兴隆包装。'], ['泉州'], 'a bare county name of a province the page names nowhere else'],
    [['杭州禾通国际贸易有限公司参与申报，在绍兴实施。'], ['绍兴'], 'a company name whose trade-name syllables are single characters (禾/通)'],
    [['产品经南昌深圳农产品批发市场分销，在赣州实施。'], ['赣州'], 'a wholesale market named after a city'],
    [['在海口美兰国际机场航空口岸实施快速验放。'], ['海口'], "an airport's port of entry is a place, not an airline (航空口岸)"],
    [['在哈尔滨实施，帮助更多龙江优质农产品出口。'], ['哈尔滨'], 'a county name inside its province name (龙江 in 黑龙江) reads as the province'],
    [['板栗的监测实施地为迁西县（由唐山海关组织实施）。'], ['唐山'], 'a bracket right after a full county name is an aside, not part of a name'],
    [['在黔南州龙里县开展试点。'], ['黔南'], 'an autonomous prefecture by its short name and 州 (黔南州)'],
    [
      ['成都海关决定在成德眉资地区开展前置指导。'],
      ['成都', '德阳', '眉山', '资阳'],
      "a run of cities' first characters before a word for a region (成德眉资地区)",
    ],
    [['在长三角地区推广。', '在苏州实施。'], ['苏州'], 'a run whose characters are not all first characters of one province is no place (长三角)'],
    [['名单：杭州中测检验认证有限公司金华分公司。', '在金华实施。'], ['金华'], 'a firm whose line of business is a verb (…检验认证有限公司) is a name'],
    [['杨凌示范区的猕猴桃果干企业可申请。'], ['咸阳'], 'a development zone (杨凌示范区)'],
    [['在文锦渡口岸对供港鲜活农产品实施预约通关。'], ['深圳'], 'a land port (文锦渡口岸)'],
    [
      ['深圳海关决定对经文锦渡口岸、皇岗口岸出境的供港蔬菜实施提前申报。', '上述蔬菜主要来自惠州博罗县等地的种植基地。'],
      ['深圳'],
      'the exit ports at which the measure is applied to the goods passing them (对经X口岸出境的…实施)',
    ],
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
    [['货物途经甘其毛都、二连浩特口岸运往蒙古国，在包头实施。'], '锡林郭勒', 'a transit place after a name the gazetteer does not know'],
    [['货物经珠海拱北口岸运往澳门，在中山实施。'], '珠海', 'the port of exit (经 … 运往)'],
    [['货物运至青岛港装船出境，青岛港不再重复查验，在济南实施。'], '青岛', 'the port of exit, named again in the same sentence'],
    [['产品经厦门港东渡港区、泉州港石湖港区出境，在漳州实施。'], '泉州', 'the port of exit, enumerated across port areas the gazetteer does not know'],
    [['这批荔枝由茂名高州的果园采摘，在广州集中查验。'], '茂名', 'the origin (harvested there)'],
    [['企业部分原料采购自宁德，在福州加工出口。'], '宁德', 'the origin (bought there)'],
    [['旅客在佛山购买的商品可在广州办理退税。'], '佛山', 'where goods are bought'],
    [['在上海试点取得积极成效的基础上，在杭州推行。'], '上海', 'a precedent (取得成效的基础上)'],
    [['2025年起，宁波、厦门已实施该模式。', '各地要借鉴上述经验，在福州推行。'], '厦门', 'a precedent the next sentence refers to'],
    [['“以前货物要运到青岛港查验，现在在潍坊就能完成。”'], '青岛', 'an earlier situation (以前 …)'],
    [['六、下一步，海关将研究在九江、上饶等地设立同类通道。', '在南昌实施。'], '上饶', 'a future plan (下一步 earlier in the sentence)'],
    [['首批企业确定后，海关将总结经验，视情推广至德州、滨州等地。', '在聊城实施。'], '滨州', 'a future plan (视情推广至)'],
    [['洛川苹果等产品拟列入第二批试点。', '在西安实施。'], '延安', 'a future plan (拟列入)'],
    [['南丰蜜橘暂未纳入，待条件成熟后另行公布。', '在赣州实施。'], '抚州', 'a future plan (另行公布 later in the sentence)'],
    [['一批赣南脐橙在九江港完成查验。', '在九江实施，寻乌脐橙经九江港出口。'], '赣州', 'a place written as part of a product name (寻乌脐橙)'],
    [['在台州实施。', '海关将视运行情况，研究在丽水增设查验点。'], '丽水', 'a plan still to be studied (视运行情况，研究在)'],
    [['本批面向嘉兴企业，湖州企业的申请待后续批次另行组织。'], '湖州', 'a later batch (待后续批次另行组织)'],
    [['继3月发布首批清单（舟山带鱼等）后，本次在台州实施。'], '舟山', 'the places of an earlier batch'],
    [['上饶、景德镇等地种植户的产品也可运至南昌集中查验。'], '上饶', "growers' goods brought to where the measure runs"],
    [['部分产品经南昌集散中心转销的，不影响申报，在赣州实施。'], '南昌', 'where goods are resold (转销)'],
    [['甘蓝由绥化市的合作社供货，在哈尔滨完成集货和检验。'], '绥化', 'where a supplier is (由…供货)'],
    [
      ['留言内容：我公司位于中卫市，想申请该服务。', '银川未列入试点城市，暂无法受理。'],
      '中卫',
      "the asker's own address when the reply is about another city",
    ],
    [['在长沙开通绿色通道。', '我们正在研究岳阳城陵矶港开展水运集拼的可行性。'], '岳阳', 'a place whose feasibility is being studied'],
    [
      ['对经满洲里公路口岸出口的鲜活农产品开通绿色通道。', '二连浩特口岸已于今年4月实施同类措施。'],
      '锡林郭勒',
      'a place that already runs a similar measure (同类措施)',
    ],
    [['无锡海关确定第一批试点品类。', '常州、泰州等地企业如有意向，可待专项行动扩围后另行申请。'], '泰州', 'firms that may apply later (另行申请)'],
    [['在长春实施。', '长春海关将适时总结经验，推动在珲春综合保税区复制推广。'], '延边', 'a plan to copy it elsewhere (推动在…复制推广)'],
    [['在苏州、烟台两个城市先行开展试点的基础上，确定第二批试点产品。', '在赣州实施。'], '烟台', 'the places a new batch builds on (在…的基础上)'],
    [['评估中，一家位于衢州市龙游县的企业因供货基地尚未完成备案，暂未列入本批名单。', '在金华实施。'], '衢州', 'a firm left out of the list (暂未列入)'],
    [['在东湖综合保税区实施。', '宜昌、襄阳等地综合保税区将在总结东湖经验基础上适时推广。'], '襄阳', 'a plan several words long (将在总结…基础上适时推广)'],
    [['在石家庄实施。', '第二批试点产品拟于下半年遴选，邢台、衡水等地的生产企业可提前做好准备。'], '衡水', "a later batch's candidates (第二批…拟…，X等地)"],
    [['在南宁实施。', '我们计划把“一品一策”逐步扩展到钦州的海鸭蛋等产品。'], '钦州', 'a plan to extend it (计划把…扩展到)'],
    [
      ['在长沙、南宁等城市推广“生鲜集拼”。', '2025年推出的措施包括在宁波、厦门等地先行探索的“两证合一”。'],
      '厦门',
      'places that tried it first (等地先行探索的)',
    ],
    [['在长沙实施。', '对兰州、贵阳等有意愿参与的城市，将在下一轮行动中统筹研究。'], '贵阳', 'the next round (将在下一轮…)'],
    [['货物在襄阳完成查验，经武汉阳逻港水运至上海港出海。'], '上海', 'the port of exit (出海)'],
    [['出口企业无需再到宁波办理证书，在台州即可领取。'], '宁波', 'the goal of a negated predicate (无需再到)'],
    [['检测在口岸现场完成，样品不用送往杭州检测，在温州实施。'], '杭州', 'the goal of a negated predicate (不用送往)'],
    [['借鉴宁波经验，在舟山推行。'], '宁波', 'a precedent in a clause of its own'],
    [['此前，绍兴已开展类似探索，在嘉兴推行。'], '绍兴', 'a precedent after a time phrase opening the sentence (此前，)'],
    [['徐州自2024年起实施的相关做法继续执行，本次在连云港推行。'], '徐州', 'an earlier year in the clause (自2024年起)'],
    [['一批庆元鲜香菇在杭州完成查验。'], '丽水', 'a place written before a product name with a modifier (庆元鲜香菇)'],
    [['冷链班列从赣州国际陆港发车，前往厦门，货物再经海运出口。'], '厦门', 'where the train heads for (前往)'],
    [['温州、丽水等地企业的茶叶、食用菌经宁波港出运。', '在宁波实施。'], '温州', "the producers' goods shipped through another place"],
    [['衢州市申报的产品因资料不全，待补充后另行审核。', '在金华实施。'], '衢州', 'a decision put off (另行审核)'],
    [['条件成熟后推广至湖州、嘉兴。', '在杭州实施。'], '湖州', 'a conditional plan (条件成熟后推广至)'],
    [['像厦门一样，漳州也开通了专用通道。'], '厦门', 'a precedent (像…一样)'],
    [
      ['当天，海关为宜宾市叙州区一家企业办结出口检验手续。', '首批货物将搭乘中欧班列从成都国际铁路港出发，运抵德国。'],
      '成都',
      'where the train sets out from (从…出发)',
    ],
    [
      ['境外旅客可在黄浦区、静安区的试点商店办理即买即退。', '苏州、杭州等周边城市也在研究推出类似服务。'],
      '苏州',
      'a place still studying the measure (也在研究推出)',
    ],
    [
      ['在昆明地区设有加工厂的企业均可申请。', '企业茶园可位于普洱、临沧等茶区，但须由昆明的加工厂统一加工出口。'],
      '临沧',
      'where tea gardens may lie (茶园可位于…等茶区)',
    ],
    [['本市试点商店主要分布在静安区南京西路等商圈。'], '南京', 'a road named after a city (南京西路)'],
    [['专列从南明区改貌铁路口岸驶出。', '刺梨原汁则由黔南州的加工企业生产。'], '黔南', 'where the producers are (由X的加工企业生产)'],
    [['现就长沙地区企业开展生鲜集拼出口的申报条件公告如下：', '本公告所称做法，吸收了永州江永县首票集拼业务的实践经验。'], '永州', 'a precedent (吸收了…经验)'],
    [['今年3月，永州发运首票集拼产品，长沙地区试点借鉴了有关做法。'], '永州', 'a precedent the same sentence refers back to (借鉴了有关做法)'],
    [
      ['第2项产品名称“浏阳蒸菜”更正为“浏阳豆豉”。', '原第5项产品因生产企业位于益阳市安化县，不属于本次试点范围，自清单中删除。'],
      '益阳',
      'outside the scope, said after a comma',
    ],
    [
      ['现将首批指导对象公布如下：', '<table><tr><th>企业名称</th><th>所在地</th></tr><tr><td>泰安泰山女儿茶业有限公司</td><td>商河县</td></tr></table>'],
      '泰安',
      "part of a firm's name, in a column of firm names",
    ],
  ])('%j: %s is not counted (%s)', (body, name) => {
    expect(names(body)).not.toContain(name);
    expect(excluded(body, name).length).toBeGreaterThan(0);
  });
  it('a city a table says the measure runs in (所在地) is named, so the origins of raw materials do not count', () => {
    const body = [
      '确定首批2家企业为“一企一策”服务企业，现予公布：',
      '<table><tr><th>企业名称</th><th>所在地</th><th>主要出口产品</th></tr><tr><td>某花卉有限公司</td><td>呈贡区</td><td>鲜切玫瑰</td></tr></table>',
      '需要说明的是，部分原料采购自玉溪、红河等地，不纳入本次服务范围。',
    ];
    expect(names(body)).toEqual(['昆明']);
  });
  it('the measure runs in the other named city of each of those sentences', () => {
    expect(names(['货物经上海口岸出口至日本，在苏州实施。'])).toEqual(['苏州']);
    expect(names(['来自普洱、保山等地的咖啡生豆在昆明集中查验。'])).toEqual(['昆明']);
  });
  it('a cue of earlier experience framing the next clause does not make its places precedents', () => {
    expect(names(['在前期试点基础上，将温州、台州纳入实施范围。'])).toEqual(['温州', '台州']);
    expect(names(['借鉴宁波经验，在舟山推行。'])).toEqual(['舟山']);
    expect(names(['以往，企业需到上海报关；如今在湖州即可办结。'])).toEqual(['湖州']);
    expect(names(['以往，企业需分别报关，现在在湖州集中办理。'])).toEqual(['湖州']);
  });
  it('a headline place the text names only in another role has that role in the title too', () => {
    const r = extract('钦州港推行“抵港直装” 玉林企业出口提速', [
      '为落实今年促进跨境贸易便利化专项行动，钦州港推行“抵港直装”。',
      '玉林、北海等地企业的货物经钦州港出运，在钦州实施。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['钦州']);
    expect(r.explain.some((e) => e.field === 'cities' && e.value === '玉林' && e.position === -1 && /as the text names it/.test(e.rule))).toBe(true);
  });
  it('an origin counts when no other city on the page runs the measure', () => {
    expect(names(['对产自安溪的乌龙茶实施“一品一策”。'])).toEqual(['泉州']);
    expect(names(['对寻乌脐橙实施“一品一策”。'])).toEqual(['赣州']);
  });
  it('a production-area column of a table gives the cities when neither the title nor the text names one', () => {
    const r = extract(T, [
      '<table><tr><td>试点产品</td><td>主产区</td></tr><tr><td>干香菇</td><td>庆元县</td></tr><tr><td>胡柚</td><td>常山县</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['丽水', '衢州']);
  });
  it('an exit-port column of a table gives no city: goods leave there, the measure runs in the first column', () => {
    const r = extract(T, [
      '<table><tr><td>试点城市</td><td>主要出境口岸</td></tr><tr><td>金华</td><td>宁波舟山港</td></tr><tr><td>泉州</td><td>厦门港</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['金华', '泉州']);
  });
  it('goods passing a port the measure is put in place for (对经X口岸出口的…开通) make it where the measure runs', () => {
    expect(names(['自5月18日起，对经满洲里公路口岸出口俄罗斯的鲜活农产品开通“绿色通道”。'])).toEqual(['呼伦贝尔']);
    expect(names(['货物经满洲里公路口岸出口俄罗斯，在哈尔滨开通“绿色通道”。'])).toEqual(['哈尔滨']);
  });
  it("a column of firms' registered addresses names no place where the measure runs", () => {
    const r = extract(T, [
      '在西安开展试点。',
      '<table><tr><td>企业名称</td><td>注册地址</td><td>试点品种</td></tr><tr><td>某农业科技有限公司</td><td>咸阳市杨陵区新桥路</td><td>猕猴桃</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['西安']);
  });
  it("a company's headquarters in a table cell is an address", () => {
    const r = extract(T, [
      '<table><tr><td>产品</td><td>产地</td><td>企业</td></tr><tr><td>即食海参</td><td>长海县</td><td>某食品有限公司（总部：沈阳市）</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['大连']);
  });
  it('a place opening a product the page names (六安瓜片) is part of its name, not where the measure runs', () => {
    const r = extract(T, [
      '<table><tr><td>试点产品</td><td>生产企业</td></tr><tr><td>六安瓜片</td><td>某茶业有限公司</td></tr></table>',
      '六安瓜片的鲜叶原料由上述企业在合肥精制加工后出口。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['合肥']);
  });
  it('places whose pilot a clause extends are where the measure runs, beside a new site', () => {
    expect(names(['公告确定的苏州、烟台2个城市的“一品一策”试点，期限延长至年底。', '自7月1日起，在长沙开展“一品一策”试点。'])).toEqual([
      '苏州',
      '烟台',
      '长沙',
    ]);
  });
  it('places a sentence says joined the action are where it runs, beside a headline place', () => {
    const r = extract('烟台首票“一品一策”试点产品顺利出口', ['这是烟台、青岛两地纳入今年促进跨境贸易便利化专项行动试点以来的首批出口。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['烟台', '青岛']);
  });
  it("a city's customs office in a table is an office, not a district of another city (唐山海关 is no 山海关)", () => {
    const r = extract(T, ['在石家庄开展试点。', '<table><tr><td>试点品种</td><td>实施海关</td></tr><tr><td>板栗</td><td>唐山海关</td></tr></table>']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['石家庄']);
  });
  it('a place firms are taken to learn from is a precedent, and a business district named like a city is no city', () => {
    expect(names(['大连地区企业积累了较为成熟的经验，海关将组织申请企业赴大连交流学习。'])).toEqual([]);
    expect(names(['在南宁青秀区、朝阳商圈的退税商店实施。'])).toEqual(['南宁']);
  });
  it('a place whose applications are still under review, for a later batch, is a plan', () => {
    expect(names(['鄂州空港综合保税区有关企业的申请正在审核中，拟在第二批名单中统筹考虑。'])).toEqual([]);
  });
  it('a city whose name is also a common word counts as the subject of carrying out', () => {
    expect(names(['这是海口落实“离境即退税”的首单业务。'])).toEqual(['海口']);
  });
  it("a bare county name from another province, enumerated with a place of the page's only province, is a local name", () => {
    const r = extract('长春海关推出“一地一策”服务 在龙嘉机场和兴隆综保区设立专用通道', ['为落实今年促进跨境贸易便利化专项行动，长春海关在长春设立专用通道。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['长春']);
  });
  it('places whose products are to join a later batch as the first batch goes are a plan', () => {
    expect(names(['包头、鄂尔多斯等地企业申报的羊肉制品，将视首批试点成效纳入后续批次。'])).toEqual([]);
  });
  it('a port of two cities on a page that names one of them on its own is that one', () => {
    expect(names(['在宁波舟山港北仑港区推出预约通关服务，北仑区企业可申请。'])).toEqual(['宁波']);
  });
  it('where goods are bought (从百色市采购) and growing bases elsewhere (基地位于…如玉溪) are origins', () => {
    expect(names(['在南宁完成集拼查验。', '芒果则由企业从百色市采购。'])).toEqual(['南宁']);
    expect(names(['在昆明集拼出口。', '种植基地位于昆明以外地区（如玉溪、曲靖）的鲜切花，可由昆明的企业集拼出口。'])).toEqual(['昆明']);
  });
  it('places whose firms may apply in a later batch are a plan', () => {
    expect(names(['呼和浩特首批试点产品为燕麦米。', '包头、鄂尔多斯等地有意向的企业，可待第二批试点申报时提出申请。'])).toEqual(['呼和浩特']);
  });
  it('a production-area column of a table gives no city when the text names where the measure runs', () => {
    const r = extract(T, ['<table><tr><td>产品名称</td><td>主要产区</td></tr><tr><td>鲜食葡萄</td><td>张家港市</td></tr></table>', '在无锡实施。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['无锡']);
  });
});

describe('where the page puts the measure in place', () => {
  const passing = (body: string[], name: string) =>
    extract(T, body).explain.some((e) => e.field === 'cities' && e.keyword?.startsWith(name) && /named in passing/.test(e.rule));
  it.each([
    [['海关决定在襄阳港区对出口电池实施新模式。', '十堰、随州等地企业生产、经襄阳港区出口的同类货物同样适用。'], ['襄阳'], '十堰', 'where the producers are'],
    [['第三批试点在漳州市龙海区开展。', '参与本批出口的企业分布在南平、三明两地。'], ['漳州'], '南平', 'where the enterprises of a result are'],
    [
      ['海关在绵阳机场设立专用通道。', '上述产品主要产自绵阳市游仙区魏城片区以及德阳、广元等地。'],
      ['绵阳'],
      '广元',
      'an origin the cue before it reaches only across 以及',
    ],
    [
      ['作为新增试点城市，台州在温岭、玉环两地启动试点。', '运行首月，宁波、绍兴两地共9家企业参与。'],
      ['台州'],
      '宁波',
      'the subject that puts it in place (台州在…启动)',
    ],
    [
      ['株洲、湘潭等地的特色产品，近年出口量稳步增长。', '海关在岳阳城陵矶港推行集拼模式。'],
      ['岳阳'],
      '湘潭',
      'places of a later sentence without a cue of their own',
    ],
    [
      ['答：比如，呼和浩特在白塔国际机场口岸推广两步申报。', '西安依托中欧班列西安集结中心，实施出口锂电池检验监管优化模式。', '成都、重庆企业反映良好。'],
      ['呼和浩特', '西安'],
      '成都',
      "subjects after a speaker's label and a common word (答：比如，…), and across 依托…，",
    ],
    [
      ['西安高新区一家企业取得首份电子原产地证书，在西安实施。', '同日，宝鸡高新区一家钛材企业也通过全流程无纸化方式完成申报。', '成都企业反映良好。'],
      ['西安', '宝鸡'],
      '成都',
      'a place whose firms also did the same (也通过…完成)',
    ],
  ])('%j -> %j: %s is named in passing (%s)', (body, want, name) => {
    expect(names(body)).toEqual(want);
    expect(passing(body, name)).toBe(true);
  });
  // Invented sentences: the title names where the measure runs, the body names where the enterprises are
  // and an earlier first shipment elsewhere in the same province.
  it('a title naming where the measure runs puts the other places of the body in passing', () => {
    const body = ['参与本批出口的企业分布在湘潭、岳阳两地。', '今年3月，永州江永县已完成省内首单同类出口。'];
    const r = extract('长沙首票生鲜集拼货物顺利出口', body);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['长沙']);
    expect(r.explain.some((e) => e.field === 'cities' && e.keyword === '湘潭' && /named in passing/.test(e.rule))).toBe(true);
    // A site in the body still counts beside the title's place.
    expect(names(['海关在长沙、株洲两地推行生鲜集拼模式。'])).toEqual(['长沙', '株洲']);
    // Without a place in the title or a site, the same sentences give their places.
    expect(extract(T, body).cities.map((c) => c.nameZh)).toContain('湘潭');
  });
  // Invented sentences: a month of this year opening the sentence, and a completed act of the place.
  it('a completed act dated earlier this year is a look back, not where the measure runs', () => {
    expect(names(['海关在岳阳城陵矶港推行集拼模式。', '今年3月，常德已开展过类似的集拼出口尝试。'])).toEqual(['岳阳']);
    expect(names(['今年5月，郴州已率先开展集拼出口业务。', '海关在衡阳推行集拼模式。'])).toEqual(['衡阳']);
    // Without the completed act the month dates the page's own step.
    expect(names(['今年3月，海关在常德推行集拼模式。'])).toEqual(['常德']);
  });
  // Invented sentences: the names stand in a subject that ends on who acts; the next clause is its predicate.
  it('names in the subject of the next clause take their role from that clause', () => {
    expect(names(['生产场所位于株洲、湘潭等地的企业，本次暂不纳入受理范围。'])).toEqual([]);
    expect(names(['株洲、湘潭等地有意向的企业，将研究纳入下一批试点。'])).toEqual([]);
    // A predicate that is no plan and no exclusion leaves them where the measure runs.
    expect(names(['生产场所位于株洲、湘潭等地的企业，均可提出申请。'])).toEqual(['株洲', '湘潭']);
  });
  // Invented title: 关于 is not the preposition 于 that makes a common word (延长, extend) a place.
  it('关于 before a name that is also a common word does not make it a place', () => {
    const r = extract('海关总署公告第79号（关于延长出口农食产品“一品一策”试点期限并新增试点城市的公告）', [
      '为落实2026年促进跨境贸易便利化专项行动，自7月1日起在长沙、西安开展试点。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['长沙', '西安']);
    expect(names(['新的监管点落户于延长。'])).toEqual(['延安']);
  });
  // Invented question and answer: the title names the asker's city, the answer another city where the measure runs.
  it('a reply that the measure does not run in the place its title asks about is about that place, not where it runs', () => {
    const r = extract('关于威海市企业能否申请出口农食产品“一品一策”服务的答复', [
      '根据今年促进跨境贸易便利化专项行动的安排，关区内“一品一策”服务目前在试点城市潍坊实施。',
      '威海市不在试点城市范围内，该服务暂未在威海开展。',
    ]);
    expect([r.signal, r.cities.map((c) => c.nameZh)]).toEqual(['not-announced', ['威海']]);
    const lhasa = extract('关于拉萨地区能否申请“一品一策”服务的答复', [
      '经了解，今年促进跨境贸易便利化专项行动的试点城市不包括拉萨市。',
      '另据了解，吉隆口岸目前正常开展对尼泊尔的货物出口业务。',
    ]);
    expect([lhasa.signal, lhasa.cities.map((c) => c.nameZh)]).toEqual(['not-announced', ['拉萨']]);
    // A title that does not ask keeps its city.
    expect(extract('威海企业申请出口农食产品“一品一策”服务', ['为落实今年促进跨境贸易便利化专项行动，该服务在威海实施。']).cities.map((c) => c.nameZh)).toEqual(
      ['威海'],
    );
  });
  it('every place between 在 and the verb is a site, across names the gazetteer does not know', () => {
    expect(names(['海关在肇庆市四会市大沙镇、江门市新会区司前镇和云浮市设立集拼监管点。', '清远企业可参与。'])).toEqual(['肇庆', '江门', '云浮']);
    expect(names(['决定在成渝地区和南宁、海口开展电子签名互认。', '遵义企业可参与。'])).toEqual(['成都', '重庆', '南宁', '海口']);
  });
  it('without a site, or with the place in the title, other places still count', () => {
    expect(names(['参与本批出口的企业分布在南平、三明两地。'])).toEqual(['南平', '三明']);
    expect(
      extract('三明企业搭上跨境贸易便利化专项行动“集拼”快车', [
        '为落实跨境贸易便利化专项行动，第三批试点在漳州市龙海区开展。',
        '三明企业的货物也可参与。',
      ]).cities.map((c) => c.nameZh),
    ).toEqual(['三明', '漳州']);
  });
  it("a notice's title putting the measure in place in a city's customs area (关于在深圳关区实施…的公告) names that city, though the body names it as a port of exit", () => {
    const r = extract('某海关关于在深圳关区实施出口锂电池检验监管新模式的公告', [
      '为落实今年促进跨境贸易便利化专项行动部署，现将有关事项公告如下。',
      '东莞、惠州等地企业生产的锂电池经深圳口岸出口的，由产地海关实施检验，口岸海关凭电子底账放行。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['深圳']);
  });
  it('a place after a modal or a negation is no site (拟在, 暂不在)', () => {
    expect(names(['海关拟在泉州开展试点。', '莆田企业可申请。'])).toEqual(['莆田']);
  });
});

describe("a customs district's own area", () => {
  const onSite = (host: string, title: string, body: string[]) => {
    const r = extractArticle({ body: enc(gaccPage(title, body)), url: `https://${host}/nanjing_customs/2026-05/10/article_20260510100000000001.html` }, vocab);
    if (isExtractError(r)) throw new Error(r.reason);
    return r;
  };
  it("a company's name (兴隆光电…有限公司) does not vouch for a bare county of its own name (兴隆 of 河北)", () => {
    const r = onSite('changchun.customs.gov.cn', '长春海关关于公布兴隆综合保税区保税检测业务“白名单”（第一批）的公告', [
      '为落实专项行动部署，支持长春新区检验检测产业发展，长春海关在兴隆综合保税区对保税检测业务实施“白名单”管理。',
      '<table><tr><th>企业名称</th><th>检测商品</th></tr><tr><td>兴隆光电计量检测有限公司</td><td>车载显示屏</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['长春']);
  });
  it('a name the page shows is part of a local name (长春兴隆) is that name everywhere on it, the title too', () => {
    const r = onSite('changchun.customs.gov.cn', '“一地一策”首趟农食产品出口专列从兴隆综保区发车 速冻鲜食玉米直达德国', [
      '5月21日，一列满载速冻鲜食玉米、舒兰大米的中欧班列从长春兴隆综合保税区铁路货场驶出。这是长春海关落实专项行动“一地一策”部署后发出的首趟专列。',
      '据介绍，专列所载大米产自吉林市舒兰市，由企业集中运至长春集货、报关。',
      '长春海关所属兴隆海关在场站设立专用申报窗口。专列经满洲里出境。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['长春']);
  });
  it('a city of another province, named only in the text of a district page, is not where the measure runs', () => {
    const r = onSite('nanjing.customs.gov.cn', T, ['在苏州、嘉兴同步开展试点。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['苏州']);
    expect(r.explain.some((e) => e.field === 'cities' && e.keyword === '嘉兴' && /outside the area of the customs district/.test(e.rule))).toBe(true);
  });
  it("such a city does not keep the district's production areas from counting", () => {
    const r = onSite('nanjing.customs.gov.cn', '某海关关于公布首批出口农食产品“一品一策”试点产品的公告', [
      '按照今年促进跨境贸易便利化专项行动部署，确定首批“一品一策”试点产品：高邮咸鸭蛋。',
      '高邮咸鸭蛋产自扬州市高邮市。',
      '嘉兴的企业可参照执行。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['扬州']);
  });
  it('it counts when the title names it too, and on a national page', () => {
    expect(onSite('nanjing.customs.gov.cn', '苏州、嘉兴两地落实跨境贸易便利化专项行动', ['在苏州、嘉兴同步开展试点。']).cities.map((c) => c.nameZh)).toEqual([
      '苏州',
      '嘉兴',
    ]);
    expect(names(['在苏州、嘉兴同步开展试点。'])).toEqual(['苏州', '嘉兴']);
  });
  it('and when a name standing for cities of several provinces states the scope (成渝)', () => {
    expect(onSite('chengdu.customs.gov.cn', T, ['在成渝地区同步开展试点。']).cities.map((c) => c.nameZh)).toEqual(['成都', '重庆']);
  });
});

describe('a page about a later batch', () => {
  const cities = (title: string, body: string[]) => extract(title, body).cities.map((c) => c.nameZh);
  const later = '关于公布第二批出口农食产品“一品一策”实施城市的公告（促进跨境贸易便利化专项行动）';
  it('counts the later batch and not the places of an earlier one', () => {
    const body = ['根据有关公告，一品一策精准服务已在苏州、烟台2个城市先行开展。', '决定在长春、南昌开展第二批一品一策精准服务。'];
    expect(cities(later, body)).toEqual(['长春', '南昌']);
  });
  it('in English too ("The first batch … covered")', () => {
    const body = [
      'The second batch covers pilot products in Changsha and Nanning.',
      'The first batch, announced in April, covered pilot products in Suzhou and Yantai.',
    ];
    expect(cities("GACC names second batch of pilot products under this year's special action", body)).toEqual(['长沙', '南宁']);
  });
  it("the batch word of a place's own clause decides, not one of an earlier clause (继首批…后，确定将X纳入第二批)", () => {
    const title = '厦门海关关于公布晋江、石狮出口水产品“一品一策”第二批试点产品的公告';
    const body = ['继首批将漳州龙海区的产品纳入“一品一策”试点后，海关确定将晋江、石狮两地出口水产品纳入第二批“一品一策”试点。'];
    expect(cities(title, body)).toEqual(['泉州']);
  });
  it('a title that adds places (新增, four more) makes the page one about a later batch', () => {
    const zh = '“一品一策”精准服务新增四个城市（促进跨境贸易便利化专项行动）';
    expect(cities(zh, ['自6月15日起，在南昌、武汉开展。', '首批于4月在苏州、烟台启动，已覆盖17类产品。'])).toEqual(['南昌', '武汉']);
    const en = "'One product, one policy' service reaches four more pilot cities";
    const body = [
      'Customs will extend the service to Nanchang and Wuhan from June 15 under the special action.',
      'The first batch, launched in April in Suzhou and Yantai, has covered 17 product categories.',
    ];
    expect(cities(en, body)).toEqual(['南昌', '武汉']);
  });
  it('on a page about the first batch, the same words name where it runs', () => {
    expect(cities(T, ['一品一策精准服务已在苏州、烟台2个城市先行开展。'])).toEqual(['苏州', '烟台']);
  });
  it('and places invited to a later batch are plans', () => {
    const first = '某海关关于公布“一品一策”首批试点产品的公告（促进跨境贸易便利化专项行动）';
    expect(cities(first, ['首批试点在呼和浩特开展。', '包头、鄂尔多斯等地企业如有意向，可在第二批试点申报时提出申请。'])).toEqual(['呼和浩特']);
  });
});

describe('English pages name the same cities', () => {
  const en = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
  it.each([
    [['The lane opened in Changsha on May 5.'], ['长沙'], 'a city in pinyin'],
    [
      ["The consolidated lane opened in Changsha. The truck was released at Shenzhen's Huanggang Port the next morning without further inspection."],
      ['长沙'],
      'where goods are released without further inspection is a place they pass',
    ],
    [
      ['The standards, first applied in Beijing and Tianjin, take effect in Changsha from July 1.'],
      ['长沙'],
      'where a measure was first applied is a precedent',
    ],
    [
      ['The lane opens in Changsha. Customs will consider extending it to other pilot cities, such as Kunming and Lhasa.'],
      ['长沙'],
      'cities given as examples of a later extension (such as …) are a plan',
    ],
    [["Exporters in Zhangzhou and Xi'an can apply."], ['漳州', '西安'], 'an enumeration, with an apostrophe'],
    [['The pilot runs in Hohhot, Urumqi and Lhasa.'], ['呼和浩特', '乌鲁木齐', '拉萨'], 'English exonyms'],
    [['Oranges are inspected at a centre in Fengjie County.'], ['重庆'], 'a county with its English suffix'],
    [['Lemons are sealed in Tongnan District before export.'], ['重庆'], 'a district'],
    [['Containers are released faster at Qingdao port.'], ['青岛'], 'a port'],
    [['Cargo is cleared at Pudong International Airport.'], ['上海'], 'an airport'],
    [['BEIJING, May 27 -- Customs named pilot products in Changsha.'], ['长沙'], 'the dateline says where the report was filed'],
    [['Changsha Customs opened the lane in Yueyang.'], ['岳阳'], 'a customs office named after a city is not a mention'],
    [['"It saves a day," said Huang Anyang, a manager in Wuhan.'], ['武汉'], "a person's given name is not a place"],
    [['A green lane opened at Pingxiang in Guangxi.'], ['崇左'], 'a homophone resolved by the province named beside it'],
    [['A green lane opened at Pingxiang in Jiangxi.'], ['萍乡'], '… and by the other one'],
    [
      ["Instant tax refund extended to Xi'an under this year's facilitation campaign.", 'Harbin may be considered later.'],
      ['西安'],
      'a city outweighs a county of its name when only another city of that county’s province is named',
    ],
    [
      ['The first round runs in Changchun, Yiwu, Jinjiang and Nanchang.'],
      ['长春', '金华', '泉州', '南昌'],
      'a pinyin homonym one pilot city answers to (Yiwu: 义乌, not 伊吾)',
    ],
    [
      ['The first products are choy sum from farms in Zhongshan.'],
      ['中山'],
      "a prefecture-level city's own name (Zhongshan: 中山市) is that city, not a district of a pilot city (中山区 of 大连)",
    ],
    [
      ['The refund runs in Fuzhou, and travellers departing from Xiamen Gaoqi International Airport get it too.'],
      ['福州', '厦门'],
      'the airport travellers depart from is where the measure runs',
    ],
    [
      [
        "From May 20, companies shipping goods on China-Europe Railway Express trains from the Xi'an International Port Area can declare in advance.",
        'The same rules apply in Chongqing.',
      ],
      ['西安', '重庆'],
      'where firms ship goods from, a few words after the verb, is where the measure runs',
    ],
    [
      ['Overseas visitors leaving China through Beijing Daxing International Airport and Shanghai Pudong International Airport can get the refund.'],
      ['北京', '上海'],
      'the airports travellers leave China through are where the departure refund runs, no transit',
    ],
    [
      ['The refund runs in Beijing.', 'Officials said it may later be offered at the cruise terminal in Tianjin.'],
      ['北京'],
      'a place where the measure may later be offered is a plan',
    ],
  ])('%j -> %j (%s)', (body, want) => {
    expect(en(body)).toEqual(want);
  });
  it.each([
    [['The port of loading is Ningbo, and the lane runs in Jinhua.'], '宁波', 'the port of loading'],
    [['Goods are inspected in Jinhua, then trucked to Ningbo Port, where they are loaded onto ships.'], '宁波', 'the port where goods are loaded'],
    [['The train runs from Chengdu via Horgos to Europe; the pilot runs in Chengdu.'], '伊犁', 'a transit place'],
    [['Apples grown in Yantai are inspected in Qingdao.'], '烟台', 'the origin of the goods'],
    [['A similar model was tested in Ningbo, and the pilot now runs in Hangzhou.'], '宁波', 'a precedent'],
    [['The lane runs in Kunming and will be extended to Dali next year.'], '大理', 'a future plan'],
    [['The lane runs in Changsha. The service was first offered in Suzhou in April.'], '苏州', 'where a service was first offered is a precedent'],
    [['The lane runs in Changsha. More cities, such as Harbin and Lanzhou, may be considered next year.'], '兰州', 'cities that may be considered are a plan'],
    [['Travellers departing from Xiamen Gaoqi International Airport get the refund. It was first tried in Shenzhen.'], '深圳', 'a precedent (first tried in)'],
    [['The lane runs in Hefei. Wuhu is expected to join later this year.'], '芜湖', 'a future plan (is expected to join)'],
    [['The pilot runs in Hefei, officials said, and Wuhu would follow.'], '芜湖', 'a future plan (would follow)'],
    [['After inspection in Chongzuo, the fruit was loaded onto a freight train in Nanning.'], '南宁', 'the place of loading (loaded onto … in)'],
    [['The fruit was loaded onto a freight train in Nanning after inspection in Chongzuo.'], '南宁', '… with the place of inspection after it'],
    [["Inspected in Ganzhou, the oranges are trucked to Xiamen's Haicang port for shipment."], '厦门', "the port of exit, named after a city's possessive"],
    [
      ["Inspected in Nanchang, the noodles were loaded onto a vessel at Shenzhen's Yantian port without further checks."],
      '深圳',
      "the port of loading, with its city in the possessive (loaded onto a vessel at Shenzhen's Yantian port)",
    ],
    [['The lane runs in Nanchang. The truck then crossed at Wenjindu port on May 7.'], '深圳', 'the port a vehicle crosses at'],
    [['The lane runs in Hohhot.', 'The service is not available to plants in Baotou.'], '包头', 'a place the service is not available in is outside its scope'],
    [['The lane runs in Hohhot.', 'Ordos and Baotou lie outside the pilot for now.'], '鄂尔多斯', 'places that lie outside the pilot'],
    [['The lane runs in Hohhot.', 'Producers in Baotou should wait for a later notice.'], '包头', 'producers told to wait are outside the scope'],
    [['Exporters in Wuxi no longer need to send samples to Nanjing for testing.'], '南京', 'the goal of a negated predicate (no longer need to)'],
    [['The lane runs in Quanzhou, as Xiamen did last spring.'], '厦门', 'a precedent (as … did)'],
    [['The service builds on pilots run earlier in Putian and Sanming. It now runs in Quanzhou.'], '莆田', 'a precedent (builds on)'],
    [['The green lane runs in Changsha for oranges sourced partly from Qianyang in Huaihua.'], '怀化', 'an origin (sourced partly from a town in a city)'],
    [['The lane runs in Changsha, while other pilot cities, including Nanchang, are studying similar channels.'], '南昌', 'a future plan (are studying)'],
    [
      ['The model runs in Hohhot, and officials may consider extending the model to Baotou at a later stage.'],
      '包头',
      'a future plan (may consider extending)',
    ],
    [["The lane runs in Chongqing. Similar procedures were first tried at Shanghai's Yangshan port."], '上海', "a precedent at a city's port"],
    [
      ['The lane runs in Chongqing. GACC would study extending it to more ports, including Lhasa, later this year.'],
      '拉萨',
      'a plan (study extending … including)',
    ],
    [
      ['The service runs in Nanning. Customs said it is studying whether to extend the model to the Pingxiang border crossing in Chongzuo.'],
      '崇左',
      'a plan (studying whether to extend … to)',
    ],
    [['The first batch runs in Dalian. Hohhot, Urumqi and Xining also applied but were not included in this batch.'], '西宁', 'left out (were not included)'],
    [
      ['The special action built on the 2025 edition, in which Shenzhen and Ningbo had piloted similar arrangements. It runs in Wuhan.'],
      '宁波',
      'a precedent (had piloted)',
    ],
    [
      ['Cheese is inspected and sealed in Hohhot, then travels by rail to the Erenhot border crossing without further inspection.'],
      '锡林郭勒',
      'the border crossing the goods travel to',
    ],
  ])('%j: %s is not counted (%s)', (body, name) => {
    const r = extract(T, body);
    expect(r.cities.map((c) => c.nameZh)).not.toContain(name);
    expect(r.cities.length).toBe(1);
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
  it('reports an English exonym for a name divisions.json does not have', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
    cpSync(SHIPPED_GAZETTEER, dir, { recursive: true });
    const english = JSON.parse(readFileSync(path.join(dir, 'english.json'), 'utf8'));
    english.exonyms.push({ name: 'Nowhere', zh: '无此市', source: 'nowhere' });
    writeFileSync(path.join(dir, 'english.json'), JSON.stringify(english));
    const n = english.exonyms.length - 1;
    expect(validateGazetteer(dir).map((e) => e.field)).toEqual(expect.arrayContaining([`exonyms.${n}.source`, `exonyms.${n}.zh`]));
  });
  it('short names drop the suffix and the ethnic groups of autonomous prefectures', () => {
    const ethnic = ['朝鲜', '土家', '苗'];
    expect(['延边朝鲜族自治州', '恩施土家族苗族自治州', '大兴安岭地区', '苏州市'].map((n) => shortName(n, ['自治州', '地区', '市'], ethnic))).toEqual([
      '延边',
      '恩施',
      '大兴安岭',
      '苏州',
    ]);
  });
  it('English names are pinyin, with an apostrophe where syllables would run together', () => {
    expect(['大连', '西安', '呼和浩特'].map(englishName)).toEqual(['Dalian', "Xi'an", 'Huhehaote']);
  });
});

describe('the written record', () => {
  it('carries every city mention and the catalogue ids derived from them', () => {
    const r = extract(T, ['在苏州、丽水开展试点。']);
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
