/**
 * Target export markets: ISO 3166-1 alpha-2 codes (EU for the European Union) of countries named
 * in an export context, grouped forms included (日韩 -> JP, KR; 港澳 -> HK, MO). Blocs and regions
 * give no code; transit countries and import origins (also every country of an enumeration after
 * such a cue: 途经A、B和C), past examples and later plans are not markets.
 *
 * The role of the country in its sentence is read from structure before cue words: the object of
 * a destination predicate (运抵A、B; 启运A; 直达A; 目的地包括A; bound for A; destinations are A) or the country whose import
 * requirements the goods are matched to (对照A、B的进口要求) is a destination even without an export
 * cue; a country the goods pass through anywhere in the sentence, one after a plan frame (下一步…，
 * 并拓展A市场) or before a decision put off to a later notice (届时另行通知), in a statistics sentence,
 * after a look back (此前; …，近年来), in a question, or named by a letter's writer as its own trade is not.
 */
import { DONE, EARLIER_THIS_YEAR, type Sentence } from './sentences.ts';
import { keyValueRows, type Table } from '../text/body.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation, MarketRef } from './types.ts';
import { inlineCorrections, isCorrectionTable, tableCorrections } from './corrections.ts';

/** The text before a country with the countries and separators of its enumeration taken off. */
function beforeEnumeration(before: string, v: Vocabulary): string {
  let s = before;
  for (let guard = 0; guard < 12; guard++) {
    const t = s.replace(/(、|和|及|与|以及|或|,\s*|\s+and\s+|\s+or\s+|\s+|\bthe\s+)$/u, '');
    const hits = v.countryDict.scan(t);
    const last = hits[hits.length - 1];
    if (t !== s) {
      s = t;
      continue;
    }
    // (…and a short name with 国 after it, 蒙古国.)
    if (last && (last.end === t.length || (last.end === t.length - 1 && t.endsWith('国')))) {
      s = t.slice(0, last.start);
      continue;
    }
    // A city after its country in the enumeration (西班牙马德里、波兰华沙).
    const gap = last ? t.slice(last.end) : '';
    if (
      last &&
      s !== before &&
      /^[\p{Script=Han}]{2,6}$/u.test(gap) &&
      !DESTINATION_PREDICATE.test(gap) &&
      !v.marketRules.transit.test(gap) &&
      !v.marketRules.exportCue.test(gap)
    ) {
      s = t.slice(0, last.start);
      continue;
    }
    break;
  }
  return s;
}

/** Why a country named at `start` of `text` is no market here, or null. */
export function notAMarket(text: string, start: number, v: Vocabulary): string | null {
  const r = v.marketRules;
  if (r.blockBefore.test(text.slice(Math.max(0, start - 6), start))) return 'transit or origin';
  const clauseStart = Math.max(text.lastIndexOf('，', start), text.lastIndexOf('；', start), text.lastIndexOf('。', start)) + 1;
  if (r.transit.test(beforeEnumeration(text.slice(clauseStart, start), v).trimEnd())) return 'transit or origin (enumeration)';
  const clauseEnd = text.slice(start).search(/[，；。,;]/u);
  const clause = text.slice(clauseStart, clauseEnd < 0 ? text.length : start + clauseEnd);
  if (r.future.test(clause)) return 'later plan';
  return null;
}

const DIRECTED = /^(供|输)/u;
/** 产 after a country: made there (德国产, 俄罗斯产区), not its products or industry as a whole (德国产品, 产业). */
const MADE_IN = /^产(?![品业能值量])/u;
/** English: goods made, grown or caught in a country, or brought from it (grown in Viet Nam; imported from Peru). */
const MADE_IN_EN =
  /\b(?:made|grown|produced|manufactured|harvested|caught|farmed|raised|sourced|originating|imported|come|comes|came|coming)\s+(?:in|from)(?:\s+the)?\s*$/iu;
/** A country or union right before the name of its law or standard (欧盟电池法规, 美国FDA法规) makes it, not buys the goods. */
const RULES_OF = /^[^、和及与的，。；,;\s]{0,4}?(法规|法案|法令|指令|条例)/u;

/**
 * The goods' destination in the clause: a destination predicate right before the country or its
 * enumeration (运抵A、B; 目的地为A; bound for / into / to A). Such a country needs no export cue
 * elsewhere in the sentence.
 */
const DESTINATION_PREDICATE =
  /(运抵|运往|发往|输往|销往|飞往|飞抵|驶往|驶向|开往|航往|直航|直发|直达|启运|返销|首发|(?:开通|开行|直通)至|目的地(?:包括|有)|目的国(?:为|是|包括)|出口至?|出口到|出境至|进入|目的地为|目的地是|(?:^|\s)(?:to|into|for|enter(?:s|ed)?)(?:\s+the)?\s*|\bdestinations?\s+(?:are|is|include|includes|were|was)(?:\s+the)?\s*|\b(?:mainly |mostly |largely |chiefly )?sold (?:in|to)(?:\s+the)?\s*)$/iu;
/** The end of a route the goods go by (深圳至新加坡的班轮航线, 郑州—莫斯科货运航线). */
const ROUTE_FROM = /[\u4e00-\u9fff](至|到|—|-)$/u;
const ROUTE_AFTER = /^[^，。；、]{0,10}(航线|航班|班列|专线|班轮)/u;
/** Where goods or their vehicles head (货车…前往A); travellers heading somewhere are no trade. */
const HEADING_TO = /前往$/u;
const TRAVELLERS = /(旅客|游客|乘客|旅行团|travell?ers?|tourists?|passengers?)/iu;
/** A clause naming where the goods are mainly sold (主要销往, 主要出口至). */
const MAINLY_SOLD = /主要(销往|输往|出口至?|运往)/u;
/** The country the goods are sold or supplied to, right after the verb (销往, 供应). */
const SOLD_TO = /(出口至?|出口到|销往|输往|返销|供应|供往)$/u;
/** A destination city before its country (to Bangkok, Thailand; for Male in the Maldives). */
const DESTINATION_CITY = /\b(?:to|into|for)\s+(?:[A-Z][\w'-]*\s?){1,3}(?:,|\s+in(?:\s+the)?)$/u;
/** The country of the buyers a measure is run with (与A、B两地的进口商开展试点, 与A、B贸易伙伴之间往来的单证; importers in A). */
const BUYERS_AFTER = /^[^，。；,;]{0,12}?的?(进口商|采购商|买家|客商|经销商|贸易伙伴|贸易商)|^\s*(importers?|buyers?)\b/iu;
const BUYERS_BEFORE = /\b(importers?|buyers?)\s+(in|from)\s+(the\s+)?$|(境外)?(买家|买方|收货人|进口商|采购商|客户)(在|位于)$/iu;
/** Countries named as the goods' markets (针对A、B两个主要目标市场; A、B等市场). */
const MARKET_AFTER = /^(等)?([\d一二两三四五六七八九十]+个)?(国家|国)?(主要|重点|新兴)?(目标|出口|海外)?市场/u;
/** The importing country's requirements the goods are matched to (对照A、B两国的进口要求). */
const REQUIREMENTS_OF = /^(等|两国|三国|等国)?(等?输入国|的)?[^，。；、的]{0,6}?(官方|进口|法规|标准|要求)/u;
const MATCHED_TO = /对照$/u;
/** What the bodies of a country do with the goods' documents when they accept them (…有关机构认可). */
const RECOGNISED_BY = /^[^，。；]{0,12}(认可|承认|接受|采信)/u;
/** The partner of a mutual-recognition arrangement (与A、B开展互认). */
const RECOGNITION_PARTNER = /与$/u;
/** Another country's standard a rule follows (参照欧盟标准): no destination. */
const STANDARD_OF = /(参照|采用|执行|符合)$/u;
/** A country the goods pass through, wherever in the sentence (在A中转后运抵B, 航班在A经停). */
const TRANSIT_WORDS = ['中转', '转运', '转口', '过境', '换装', '经停'];
// The transit word may follow a place in the country (在波兰马拉舍维奇换装), or open the next clause
// (飞赴卢森堡，再经卡车转运至比利时: the goods go on from there).
const TRANSIT_AFTER = new RegExp(`^([^，。；、和及与的经在（(]{0,6}?|[，,]\\s*(再|后|然后|随后)[^，。；、]{0,8}?)(${TRANSIT_WORDS.join('|')})`, 'u');
/** The writer of a letter or a question about their own company (我公司主要出口…至A). */
const FIRST_PERSON = /(我公司|本公司|我司|我们公司|我厂|我企业|我单位)/u;
const LETTER = /(来信|留言|问：|来电)/u;
/** What a page plans to extend to (拟将…市场由香港、澳门扩展至新加坡): the country right after it. */
const EXTENDED_TO = /(将|拟|计划|准备)[^，。；]{0,24}(扩展|扩大|拓展|延伸|推广)(至|到)$/u;
/** A clause after the goods' destination saying the measure leaves them out (…的鲜活产品，不适用本通道). */
const NOT_COVERED = /^[^。；]{0,30}[，,]\s*(不适用|不纳入|不属于|暂不适用)/u;
/** A later plan governs the rest of its sentence (下一步将…，并积极拓展A市场). */
const PLAN_SCOPE = /(下一步|下阶段|明年|今后|将来|后续|未来)/u;
/** What is settled only by a later notice (…，届时另行通知) or once something else is done (待…确认后纳入第二批). */
const LATER_NOTICE = /届时另行(通知|公布|公告|安排|明确)|待[^。；]{1,30}后[^。；]{0,6}(纳入|列入|安排|开通|适用)/u;

/**
 * The role of the country at [start, end) in its sentence: 'destination' (of the goods, of their
 * import requirements, the partner of a mutual recognition), another role (why it is no market),
 * or null (no role read: the export cue of the sentence decides, then `notAMarket`).
 */
function roleInSentence(text: string, start: number, end: number, v: Vocabulary): string | null {
  // A question asks about a market (出口台湾地区的…能否参照办理？); the answer says whether it is one.
  if (/[？?]\s*$/u.test(text)) return 'named in a question';
  const before = beforeEnumeration(text.slice(0, start), v);
  const name = text.slice(start, end);
  // A country the goods pass through is that wherever the sentence names it (飞往A，在A中转后运抵B),
  // unless this mention is itself what the goods are sold to (主要出口A，部分经A中转至B).
  // …and so is every country of an enumeration the transit word closes (经过A、B等过境国家).
  if (TRANSIT_AFTER.test(text.slice(end)) || TRANSIT_AFTER.test(afterEnumeration(text.slice(end), v))) return 'transit (in the sentence)';
  // A transit cue before the enumeration (过境蒙古国、俄罗斯运抵德国) wins over the destination after it.
  if (v.marketRules.transit.test(before.trimEnd())) return 'transit or origin (enumeration)';
  const plan = text.slice(0, start).search(PLAN_SCOPE);
  if (plan >= 0) return 'later plan (sentence)';
  // …and so does a decision put off to a later notice or condition (…，届时另行通知; 越南市场待…确认后，纳入第二批).
  if (LATER_NOTICE.test(text.slice(end))) return 'later plan (sentence)';
  // A market a page plans to extend to (拟将…市场由香港、澳门扩展至新加坡) is a plan; the ones extended from are not.
  if (EXTENDED_TO.test(text.slice(0, start))) return 'later plan (extended to)';
  // Goods for a destination the measure leaves out (出境至香港的鲜活产品，不适用本通道) go there without it.
  if (NOT_COVERED.test(text.slice(end))) return 'destination of goods the measure leaves out';
  if (SOLD_TO.test(text.slice(0, start))) return 'destination';
  if (TRANSIT_WORDS.some((w) => text.includes(name + w))) return 'transit (in the sentence)';
  // A country name that begins a product's name (荷兰豆) is the product's.
  const product = v.productDict.scan(text.slice(start, end + 6))[0];
  if (product?.start === 0 && product.end > end - start) return 'part of a product name';
  // A country right before a product it names (巴西大豆) is where those goods come from.
  if (v.productDict.scan(text.slice(end, end + 8))[0]?.start === 0) return 'origin of the goods';
  // …and so is one the goods are made in (德国产越野车, 越南产肉桂): 产 right after it.
  if (MADE_IN.test(text.slice(end))) return 'origin of the goods';
  if (MADE_IN_EN.test(before)) return 'origin of the goods';
  if (DESTINATION_PREDICATE.test(before.trimEnd()) || DESTINATION_PREDICATE.test(text.slice(0, start))) return 'destination';
  if (DESTINATION_CITY.test(text.slice(0, start).trimEnd()) || BUYERS_BEFORE.test(before)) return 'destination';
  if (MARKET_AFTER.test(afterEnumeration(text.slice(end), v))) return 'destination';
  if (ROUTE_FROM.test(text.slice(0, start)) && ROUTE_AFTER.test(text.slice(end))) return 'destination';
  if (HEADING_TO.test(before.trimEnd()) && !TRAVELLERS.test(text)) return 'destination';
  // Buyers the measure is run with (与A、B的进口商开展试点), not ones visited (走访A的采购商).
  if (RECOGNITION_PARTNER.test(text.slice(0, before.length + 1)) && BUYERS_AFTER.test(afterEnumeration(text.slice(end), v))) return 'destination';
  if (MATCHED_TO.test(before) && REQUIREMENTS_OF.test(afterEnumeration(text.slice(end), v))) return 'destination';
  if (RECOGNITION_PARTNER.test(text.slice(0, before.length + 1)) && /互认/u.test(afterEnumeration(text.slice(end), v).split(/[，。；]/u)[0]!))
    return 'destination';
  // Whose bodies accept the documents (可直接被A、B有关机构认可): the partners the goods' papers go to.
  if (/被$/u.test(before.trimEnd()) && RECOGNISED_BY.test(afterEnumeration(text.slice(end), v))) return 'destination';
  if (STANDARD_OF.test(before) && /^的?(标准|限量)/u.test(text.slice(end))) return 'a standard referred to';
  return null;
}

/** The text after a country with the rest of its enumeration taken off. */
function afterEnumeration(after: string, v: Vocabulary): string {
  let s = after;
  for (let guard = 0; guard < 12; guard++) {
    const t = s.replace(/^(、|和|及|与|以及|或|,\s*|\s+and\s+|\s+or\s+|\s+|the\s+)/u, '');
    const first = v.countryDict.scan(t)[0];
    if (t !== s) {
      s = t;
      continue;
    }
    if (first && first.start === 0) {
      s = t.slice(first.end);
      continue;
    }
    break;
  }
  return s;
}

export function findMarkets(title: string, sentences: Sentence[], tables: Table[], v: Vocabulary): { markets: MarketRef[]; explain: Explanation[] } {
  const found = new Map<string, Explanation>();
  const excluded: Explanation[] = [];
  // On a letter or a question, the countries the writer says its company trades with are the
  // writer's business, not a market the page opens; they are that wherever the page names them.
  // (A letter laid out as a table, 留言内容 | 我公司…销往日本, is read the same way.)
  const texts = [...sentences.map((s) => s.text), ...tables.flatMap((t) => [...t.header, ...t.rows.flat()])];
  const letter = texts.some((t) => LETTER.test(t));
  const writers = new Set<string>();
  if (letter) for (const t of texts) if (FIRST_PERSON.test(t)) for (const h of v.countryDict.scan(t)) for (const c of h.value ?? []) writers.add(c);
  const scan = (text: string, offset: number, needCue: boolean, rule: string) => {
    const cue = !needCue || v.marketRules.exportCue.test(text);
    const corrected = inlineCorrections(text);
    for (const h of v.countryDict.scan(text)) {
      const codes = h.value;
      if (!codes || codes.length === 0) continue;
      const role = roleInSentence(text, h.start, h.end, v);
      // A name that carries its direction (供港, 输澳) is a destination by itself.
      if (!cue && !DIRECTED.test(h.name) && role !== 'destination') continue;
      const why = corrected.some((c) => h.start >= c.fromStart && h.end <= c.fromEnd)
        ? 'corrected away'
        : codes.some((c) => writers.has(c))
          ? "the writer's own trade"
          : role && role !== 'destination'
            ? role
            : role !== 'destination' && RULES_OF.test(text.slice(h.end))
              ? 'the maker of a rule (欧盟电池法规)'
              : notAMarket(text, h.start, v);
      const position = offset < 0 ? -1 : offset + h.start;
      if (why) {
        excluded.push({ field: 'markets', value: codes.join(','), rule: `excluded: ${why}`, keyword: h.name, position });
        continue;
      }
      for (const code of codes)
        if (!found.has(code))
          found.set(code, {
            field: 'markets',
            value: code,
            rule: role === 'destination' ? `${rule} (destination of the goods)` : rule,
            keyword: h.name,
            position,
          });
    }
  };
  scan(title, -1, true, 'country named with an export cue in the title');
  let heading = false;
  for (const [k, s] of sentences.entries()) {
    // After the lead, an act completed earlier this year (今年3月，…已完成首票…，运往香港) is a look back.
    if (k > 0 && EARLIER_THIS_YEAR.test(s.text) && DONE.test(s.text)) continue;
    const rule = heading ? 'country named under a heading with an export cue' : 'country named in a sentence with an export cue';
    if (s.statistics) {
      // A statistics sentence reports trade; it opens no market, except a clause naming where the
      // goods of the measure are mainly sold (…同比增长14.7%，主要销往A、B).
      // (A sentence opened as statistics, 据统计…, is trade figures through and through.)
      const at = /^(据统计|统计显示|数据显示)/u.test(s.text.trim()) ? -1 : s.text.search(MAINLY_SOLD);
      if (at >= 0) scan(s.text.slice(at), s.start + at, false, 'country the goods are mainly sold to, in a statistics sentence');
    } else if (!s.past) scan(s.text, s.start, !heading, rule);
    else {
      // A look back (近年来, 此前) covers what follows it: the clauses before it still speak now.
      // An example cited (借鉴, 探索了经验) makes the whole sentence about that example.
      // Clauses set apart by semicolons ((一)…；(二)…) are points of their own: a look back in one
      // does not cover the next. (A point naming a year may be the earlier year's: it stays out.)
      let at = 0;
      for (const part of s.text.split('；')) {
        const here = at;
        at += part.length + 1;
        if (!v.context.past.test(part) && !/(19|20)\d{2}年/u.test(part)) {
          if (part !== s.text) scan(part, s.start + here, !heading, rule);
          continue;
        }
        const m = v.context.pastExample.test(part) ? null : v.context.pastTime.exec(part);
        if (m && m.index > 0) scan(part.slice(0, m.index), s.start + here, !heading, rule);
      }
    }
    heading = s.text.trim().length <= 10 && v.marketRules.exportCue.test(s.text);
  }
  for (const t of tables) {
    if (isCorrectionTable(t)) {
      for (const c of tableCorrections([t])) if (v.marketRules.columns.some((x) => c.item.includes(x))) scan(c.to, -1, false, `corrected value of "${c.item}"`);
      continue;
    }
    const cols = t.header.map((h, i) => (v.marketRules.columns.some((c) => h.includes(c)) ? i : -1)).filter((i) => i >= 0);
    for (const row of t.rows) for (const i of cols) for (const line of (row[i] ?? '').split('\n')) scan(line, -1, false, `table column "${t.header[i]}"`);
    // Any other cell that is prose (主要运往澳大利亚、新西兰) is read as a sentence: a destination
    // predicate there names a market as it would in the text.
    for (const row of t.rows) row.forEach((cell, i) => !cols.includes(i) && scan(cell, -1, true, 'a table cell with an export cue'));
    // A row whose short cell names markets (有明确的出口目标市场 | 如日本、韩国) holds them in the cells after it.
    for (const row of t.rows) {
      const at = row.findIndex((cell, i) => !cols.includes(i) && cell.length <= 20 && v.marketRules.columns.some((c) => cell.includes(c)));
      if (at >= 0) for (const cell of row.slice(at + 1)) scan(cell, -1, false, 'a table row about markets');
    }
    // A key-value table (主要市场 | 港澳台地区、日本): the row whose key names markets holds them.
    if (!cols.includes(0))
      for (const [key, value] of keyValueRows(t) ?? []) if (v.marketRules.columns.some((c) => key.includes(c))) scan(value, -1, false, `table row "${key}"`);
  }
  return { markets: [...found.keys()].map((id) => ({ id })), explain: [...found.values(), ...excluded] };
}
