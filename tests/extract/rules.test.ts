import { describe, expect, it } from 'vitest';
import { enc, extract, gaccPage, T, vocab } from './helpers.ts';
import { extractArticle, isExtractError } from '../../scrapers/extract/index.ts';
import { localPlaces, notAProduct } from '../../scrapers/extract/products.ts';
import { splitSentences } from '../../scrapers/extract/sentences.ts';

const ids = (xs: { id: string | null }[]) => xs.map((x) => x.id);

describe('relevance', () => {
  it.each([
    [T, ['正文。'], true, 'the action in the title'],
    ['关于某事的通知', ['为落实2026年促进跨境贸易便利化专项行动部署，现通知如下。'], true, 'the action in the body'],
    [
      '关于修改某公告部分条款的公告',
      ['为进一步扩大今年促进跨境贸易便利化专项行动改革受益面，在借鉴某港有关做法的基础上，决定对原公告作如下修改。'],
      true,
      'the action as the purpose the page serves (为进一步扩大…专项行动改革受益面，): an example cited after it is how, not whose',
    ],
    ['苏州首票出口', ['速冻毛豆按“一品一策”要求出口。'], true, 'a distinctive measure keyword'],
    [
      '前5个月我国货物贸易进出口保持稳定增长',
      ['据海关统计，今年前5个月，我国货物贸易进出口总值同比增长3.6%。', '发言人表示，随着今年促进跨境贸易便利化专项行动深入推进，口岸通关效率持续提升。'],
      false,
      'with no measure on the page, the action named as a circumstance (随着…深入推进) is the backdrop of another subject',
    ],
    [
      '某地进出口数据发布',
      ['今年前5个月，某地出口增长5%。', '随着今年促进跨境贸易便利化专项行动深入推进，某海关在港区推行“两步申报”。'],
      true,
      'the same circumstance beside a measure put in place is the action at work',
    ],
    [
      '某海关2026年公开遴选公务员公告',
      ['报名人员应当具备下列条件：具有两年以上基层工作经历。熟练掌握“两步申报”“提前申报”等通关业务的，同等条件下优先。'],
      false,
      'a notice selecting civil servants is recruitment, whatever measures its conditions name',
    ],
    [
      '某海关召开口岸营商环境工作推进会',
      [
        '会议指出，今年海关总署在45个城市开展促进跨境贸易便利化专项行动。',
        '会议要求，一是深入研究“一品一策”等精准服务模式；二是探索推进“提前申报”“抵港直装”等业务模式，条件成熟时再报批实施。',
      ],
      false,
      'the action named, then every measure only as a plan: nothing is put in place',
    ],
    [
      '某海关启动“送政策上门”活动',
      ['某海关启动“关长送政策上门”活动。', '活动面对面宣讲原产地规则以及“提前申报”“两步申报”等通关便利政策。'],
      false,
      'measures named as the topic of a lecture (宣讲…等通关便利政策) are no measures put in place',
    ],
    [
      '某海关与某市人民政府召开口岸工作联席会议',
      ['会议指出，2026年促进跨境贸易便利化专项行动已经启动，试点城市扩大到45个。', '某市要积极争取纳入下一批试点城市。'],
      false,
      'a joint working meeting that names the action and puts no measure in place',
    ],
    [
      '某海关与某市人民政府召开口岸工作联席会议',
      ['会议宣布，按照今年促进跨境贸易便利化专项行动部署，自5月1日起在某港推行“抵港直装”。'],
      true,
      'a joint working meeting that puts a measure in place',
    ],
    [
      '某海关开展加工贸易企业“一企一策”帮扶活动',
      ['为帮助加工贸易企业降低合规成本，某海关组织专班走访企业，梳理手册核销、深加工结转等环节的问题。'],
      false,
      "a measure keyword in another regime (加工贸易企业“一企一策”) is that regime's help",
    ],
    [
      '某海关开展加工贸易企业“一企一策”帮扶活动',
      ['按照今年促进跨境贸易便利化专项行动部署，某海关对出口食品加工贸易企业实施“一企一策”前置指导。'],
      true,
      'the same title on a page that puts the action to work is relevant',
    ],
    [
      '某海关召开专题会研究推进航空港区跨境贸易便利化工作',
      [
        '会议认为，今年促进跨境贸易便利化专项行动已在全国45个城市部署实施，外贸企业对“生鲜集拼”“一品一策”等措施关注度高。',
        '会议提出，要积极争取纳入后续批次试点。',
      ],
      false,
      'measures named as what firms pay attention to (…等措施关注度高) are topics: a meeting that studies puts nothing in place',
    ],
    [
      '某海关“船边直提”“两步申报”政策问答（专项行动热点问题第二期）',
      [
        '今年促进跨境贸易便利化专项行动开展以来，某海关陆续收到企业关于“船边直提”的咨询。',
        '问：哪些企业可以申请？',
        '答：海关信用等级为一般信用及以上的企业。',
      ],
      true,
      'a quoted measure and a bracketed 专项行动 in the title (“两步申报”政策问答（专项行动…）) name no other campaign',
    ],
    ['关于扩大退货中心仓试点的公告', ['在综合保税区内设置退货中心仓，便利企业。'], false, 'only a generic keyword (综合保税区)'],
    ['某海关启动2026年打击农产品走私专项行动', ['为期6个月的专项行动。'], false, 'another 专项行动'],
    ['某海关行政处罚决定书', ['当事人系“一品一策”试点企业，本关决定对当事人作出如下行政处罚：罚款。'], false, 'a penalty quoting a keyword'],
    ['2025年促进跨境贸易便利化专项行动工作总结', ['2025年专项行动期间推出“一品一策”。'], false, 'a review of an earlier edition'],
    ['关于某事的通知', ['各地可借鉴2025年“两步申报”的经验做法。'], false, 'a measure cited only as earlier experience'],
    [
      '关于开展出口鲜果“绿色通道”的通知',
      ['今年专项行动部署后，本关对试点城市出口鲜果优先查验、快速通关。'],
      true,
      "a paraphrase of this year's action in a facilitation sentence",
    ],
    ['关于开展专项整治的通知', ['今年专项行动聚焦打击走私冻品，口岸通关环节加强查缉。'], false, 'a paraphrase naming another campaign'],
    [
      '“山城”通关再提速：专项行动措施落地两个多月',
      ['今年促进跨境贸易便利化专项行动启动以来，某海关在果园港推行7×24小时预约通关。'],
      true,
      "a quoted nickname before a headline's colon (“山城”通关再提速：) does not name the title's 专项行动: the lead names it as this action",
    ],
    [
      '某海关部署开展2026年港口收费专项治理行动',
      ['此次专项行动聚焦沿海口岸，重点清理查验配合、堆存等环节的收费，推动跨境贸易便利化。'],
      false,
      'a title naming another campaign with words inside 专项…行动 (专项治理行动): 此次专项行动 is that one',
    ],
    ['某海关2026年信息化运维服务采购项目中标公告', ['项目服务于跨境贸易便利化专项行动相关系统。'], false, 'procurement, even when it names the action'],
    ['关于开展AEO高级认证企业“一企一策”信用培育的通知', ['对拟申请高级认证的企业实行“一企一策”培育。'], false, 'a credit programme reusing a measure name'],
    [
      '关于进口冷冻牛肉检疫要求的公告',
      ['进口冷冻牛肉应符合以下检疫要求，并实行“两步申报”。'],
      false,
      'an import notice that puts no measure of the action in place',
    ],
    [
      '关于公布出口食品生产企业备案名单的公告',
      ['现将第三批出口食品生产企业备案名单予以公布，“一品一策”另行通知。'],
      false,
      'a list of registered enterprises, not pilots',
    ],
    ['2026年1-5月口岸进出口统计数据发布', ['专项行动试点城市出口增长12%。'], false, 'statistics'],
    [
      '某地关于开展外贸高质量发展“十五五”专项规划编制工作的通知',
      ['规划编制要认真总结促进跨境贸易便利化专项行动的成效，研究将“一品一策”等做法纳入规划。'],
      false,
      'drafting a long-term plan (专项规划编制) names measures as goals',
    ],
    [
      '某海关关于出口业务参与条件及办理流程的公告',
      ['某海关已于2026年4月在某综合保税区启动出口“生鲜集拼”业务，作为落实2026年促进跨境贸易便利化专项行动的举措之一。', '现将参与条件公告如下。'],
      true,
      "a measure started earlier in the page's own year (已于2026年4月) is this year's",
    ],
    [
      '某海关与邻国某省海关举行第二季度工作会晤',
      ['会上，中方介绍了今年开展的促进跨境贸易便利化专项行动有关情况，双方同意研究探讨单证无纸化交换的可行性。'],
      false,
      'talks between two customs offices (会晤) that only brief on the action',
    ],
    [
      '某海关12360热线热点问题解答（第3期）',
      [
        '问：某县企业能否申请“一品一策”？',
        '答：“一品一策”是今年促进跨境贸易便利化专项行动在试点城市开展的服务。某县不在今年专项行动试点城市之列，该服务目前在某海关关区不适用。',
      ],
      true,
      'a hotline answer that says where the action does not apply',
    ],
    [
      '某海关公布首批生鲜集拼出口试点企业',
      ['为落实今年促进跨境贸易便利化专项行动部署，某海关参考兄弟海关开展集拼出口的经验，在某地组织开展生鲜集拼出口试点。'],
      true,
      'the action as the frame of what the page does; the example cited later in the sentence is how',
    ],
    [
      '某海关召开跨境贸易便利化工作座谈会',
      ['会议认为，今年促进跨境贸易便利化专项行动对试点城市提出了更高要求，要认真学习先行城市的经验做法。'],
      false,
      "the action named beside an example to learn from: someone else's action",
    ],
    [
      '关于进口榴莲能否适用“绿色通道”的留言答复',
      [
        '留言内容：听说今年专项行动推出了农产品“绿色通道”，请问进口榴莲能否享受？',
        '答复内容：促进跨境贸易便利化专项行动中的“绿色通道”措施面向出口农产品，不适用于进口水果。',
      ],
      false,
      "an asker's hearsay and an answer that the action does not cover the subject",
    ],
    [
      '关于进口榴莲能否适用农产品“绿色通道”的咨询答复',
      [
        '问：听说今年海关开展促进跨境贸易便利化专项行动，对农产品开辟“绿色通道”，请问进口水果能不能走“绿色通道”？',
        '答：专项行动中的农产品“绿色通道”措施，面向的是出口鲜活农产品，对其实行优先查验、快速放行，进口水果不适用该措施。',
      ],
      false,
      'the same answer with the import named later in its sentence (…，进口水果不适用该措施)',
    ],
    [
      '某海关关于公布综合保税区保税维修业务“白名单”企业（第三批）的公告',
      ['为规范关区综合保税区保税维修业务管理，某海关对保税维修企业实行“白名单”管理。', '现将第三批纳入“白名单”的企业名单公布如下。'],
      false,
      "another line of business's list (保税维修业务“白名单”) is not the bonded-testing whitelist, in the title or the body",
    ],
    [
      '某海关关于公布综合保税区保税检测业务“白名单”企业（第三批）的公告',
      ['为规范关区综合保税区保税检测业务管理，某海关对保税检测企业实行“白名单”管理。', '现将第三批纳入“白名单”的企业名单公布如下。'],
      true,
      "the measure's own line of business (保税检测业务“白名单”) is",
    ],
    [
      '某海关调研内陆“一地一策”绿色通道建设工作',
      ['6月23日，某海关关长一行赴国际陆港，就出口农食产品“一地一策”内陆绿色通道建设工作开展调研，要求抓紧研究制定建设方案。'],
      false,
      'a research visit (调研) studies a measure: it puts nothing in place',
    ],
    [
      '某海关召开上半年工作推进会',
      ['会议要求，下半年要主动对接促进跨境贸易便利化专项行动部署，研究推动申报后续批次试点。'],
      false,
      "a meeting's requirements for later: a plan",
    ],
    ['某海关通报3起出口锂电池瞒报危险品典型案例', ['企业可关注今年专项行动中出口锂电池检验监管优化措施的适用条件。'], false, 'cases of false declaration'],
    [
      '2026年一季度某省外贸进出口情况',
      ['一季度全省进出口增长11%。', '随着促进跨境贸易便利化专项行动深入实施，通关效率持续提升。'],
      false,
      'a statistics release by its title form, the action named in passing',
    ],
    [
      '前三季度某省水产品出口同比增长9%',
      ['下一步将结合跨境贸易便利化专项行动，研究支持更多产品出口。'],
      false,
      'statistics, and the action named only as a plan',
    ],
    ['回眸2025：某海关便利化工作成效', ['促进跨境贸易便利化专项行动推出12项措施。'], false, 'a review of an earlier year (year without 年)'],
    [
      "Review: Last Year's Cross-border Trade Facilitation Action Cut Clearance Times",
      ['A review of the cross-border trade facilitation special action found that clearance times fell in the pilot cities.'],
      false,
      'a review of an earlier year named relative to the page (last year’s)',
    ],
    ['去年跨境贸易便利化专项行动回顾', ['促进跨境贸易便利化专项行动推出12项措施。'], false, 'a review of an earlier year (去年)'],
    [
      '某海关与某省商务厅签署口岸合作备忘录',
      ['备忘录提出，双方将共同研究扩大开放的可行性，条件成熟时推动“提前申报”“两步申报”等改革在省内更多口岸扩大应用。'],
      false,
      'a measure pushed only when conditions are ripe (条件成熟时推动) is a plan',
    ],
    [
      '市场采购贸易出口实现全流程无纸化 某市同步落地电子签名跨境互认',
      ['作为今年促进跨境贸易便利化专项行动的重点任务，某海关将随附单证全部改为电子化传输。'],
      true,
      'market procurement (市场采购) is a trade mode, not a procurement notice',
    ],
    [
      '某海关与某省商务厅举行年度工作会商',
      ['双方商定，将共同汇报外贸发展需求，适时推动特色产品参照“一品一策”模式开展出口前风险监测。'],
      false,
      'a measure pushed at a suitable time (适时推动) is a plan',
    ],
    [
      '关于举办“便利通关”主题短视频征集活动的通知',
      ['为全面展示今年促进跨境贸易便利化专项行动成效，决定举办主题短视频征集活动。', '作品可围绕“一品一策”“生鲜集拼”等措施创作。'],
      false,
      'a call for publicity videos about the action is a contest',
    ],
    [
      '某海关召开座谈会研究特色农产品出口便利化工作',
      ['会上，某海关有关部门负责人介绍了今年促进跨境贸易便利化专项行动在试点城市推出的“一品一策”等精准服务措施。'],
      false,
      'what a speaker briefs on (介绍了…专项行动在试点城市推出的…) is not put in place by the meeting',
    ],
    [
      '关于进口燕窝等商品试行分类管理的公告',
      ['按照今年促进跨境贸易便利化专项行动部署，对进口“药食同源”商品实行分类管理。'],
      true,
      'an import notice that puts a measure of the action in place (a soft class)',
    ],
    [
      '某海关召开冷链监管推进会',
      ['通报打击冻品走私专项行动开展情况。', '对“船边直提”作业中的异常箱及时布控。'],
      false,
      'a page about another campaign, with only a measure keyword',
    ],
    ['关于开展2026年“某货出海”拓市场专项行动的通知', ['对重点外贸企业实行“一企一策”帮扶。'], false, 'a campaign with a quoted name of its own'],
    [
      '某海关启动2026年“某某绿盾”边境口岸生物安全专项行动',
      ['此次专项行动为期6个月，对入境物品实施严格检疫，保障口岸通关便利化。'],
      false,
      'a campaign whose quoted name stands a few words before 专项行动',
    ],
    [
      '专项行动实施满百日 某关区通关便利化措施落地见效',
      ['自今年3月某市成为促进跨境贸易便利化专项行动新增试点城市以来，海关推动各项改革措施落地。'],
      true,
      'a hundred days of this action (满百日) is no other hundred-day campaign',
    ],
    [
      '某海关对进口“药食同源”商品实施分类管理 专项行动又一举措在邕落地',
      ['为落实今年促进跨境贸易便利化专项行动部署，某海关自6月1日起对进口“药食同源”商品实施分类管理。'],
      true,
      "a quoted measure name across a headline's break from 专项行动 is no campaign's name",
    ],
    [
      '关于某关区通关业务系统停机维护期间暂停办理部分业务的公告',
      ['维护期间，暂停受理报关单（含提前申报、两步申报）的申报。'],
      false,
      'a system maintenance pause',
    ],
    ['某海关关于公开征集跨境贸易便利化改革举措意见建议的公告', ['征集内容：对“提前申报”“两步申报”等模式拓展应用的建议。'], false, 'a call for suggestions'],
    [
      '某海关关于公开征集2027年跨境贸易便利化改革需求的公告',
      ['征集范围包括对“提前申报”“两步申报”等模式的改进建议。'],
      false,
      "a call for next year's reform ideas that lists measures (a later year)",
    ],
    ['某海关检测设备购置项目成交公示', ['用于“一品一策”风险监测样品的快速筛查。'], false, 'a procurement result (成交)'],
    [
      '中欧班列智能审图上线首月放行提速',
      ['作为今年专项行动在成都的一项创新举措，海关上线智能审图系统。'],
      true,
      "this year's action named by paraphrase without facilitation words",
    ],
    [
      '某海关启动2026年出口茶叶品质提升专项行动',
      ['为期6个月的专项行动期间，对出口茶叶企业实行“一企一档”管理。'],
      false,
      'a campaign with an unquoted name of its own',
    ],
    [
      '某海关深入开展企业守法培育专项行动',
      ['今年以来，某海关深入开展企业守法培育专项行动，口岸通关秩序持续向好。'],
      false,
      'another campaign named after a verb of carrying out',
    ],
    ['关于某事的通知', ['今年以来，某海关认真落实专项行动，在试点城市推行农产品“绿色通道”。'], true, "this year's action followed, with no name of its own"],
    [
      '某海关2026年第2批干部任前公示',
      ['该同志牵头推进本地区跨境贸易便利化专项行动有关工作，拟任某海关副关长。'],
      false,
      'a personnel notice whose CV names the action',
    ],
    [
      '关于某事的通知',
      ['近年来，本关推动促进跨境贸易便利化专项行动有关措施在本地落地。', '现就窗口调整通知如下。'],
      false,
      'the action only in a look back over years',
    ],
    ['某海关关于某措施（征求意见稿）公开征求意见的通知', ['征求意见稿提出在港区推行“船边直提”。'], false, 'a consultation draft puts nothing in place'],
    ['关于某事的通知', ['本关拟提出：在港区推行“船边直提”；对出口货物实施“提前申报”。'], false, 'measures named only after a frame of intention'],
    [
      '某海关为山区蜂蜜出口开通“绿色通道”',
      ['当天首批蜂蜜在服务站完成检验放行。'],
      true,
      "a generic keyword as the object of the title's putting in place, in the measure's direction",
    ],
    ['某海关为茶叶企业开通“绿色通道”', ['企业可在服务站办理业务。'], false, 'the same without the export direction the measure belongs to'],
    ['国务院关于同意设立某某综合保税区的批复', ['同意设立某某综合保税区。'], false, 'an approval: what another body is allowed to set up'],
    ['谨防不法机构冒用海关名义收费', ['有机构以专项行动试点企业遴选为名推销“一品一策认证”。'], false, 'a warning that quotes measure names'],
    // A measure of one trade direction, in text about the other: the nearest stated direction decides.
    ['某海关举办枸杞等“药食同源”产品出口培训会', ['企业围绕出口标准进行了交流。'], false, 'an import measure keyword in an export title'],
    [
      '某地枸杞及“药食同源”产品国际推介会举办',
      ['来自12个国家和地区的采购商与企业开展洽谈。'],
      false,
      'goods promoted to buyers abroad (国际推介) are exports: an import measure keyword names no measure',
    ],
    [
      '出口某果企业常见问题解答',
      ['问1：某果属于“药食同源”物质吗？', '答：属于。'],
      false,
      'an import measure keyword in a line without direction, under an export title',
    ],
    ['关于某事的公告', ['对进口“药食同源”商品实施分类管理。'], true, 'the same keyword in its own direction'],
    [
      '某海关关于公开聘请社会监督员的公告',
      ['监督员对2026年促进跨境贸易便利化专项行动各项措施的落实情况进行监督。'],
      false,
      'a recruitment notice naming the action as what is supervised',
    ],
    ['某海关召开工作推进会', ['会议要求，结合实际，谋划推进“提前申报”在陆港扩大应用。'], false, 'a meeting that only plans a measure'],
    ['某海关关于在某县开通出口鲜果“绿色通道”的公告', ['对纳入的鲜果优先查验。'], true, 'a notice whose subject (关于…的公告) puts a generic keyword in place'],
    // What the page does, read from the role of the mention: the head of the title, the frame of a clause.
    [
      '某局2026年促进跨境贸易便利化专项行动宣传服务项目成交结果公告',
      ['成交金额：人民币20万元。'],
      false,
      "a procurement whose object serves the action: the title's head comes after the action's name",
    ],
    ['关于在跨境贸易便利化专项行动试点城市开展单证电子化应用的通知', ['现将有关事项通知如下。'], true, 'the same action name where no class follows it'],
    [
      '某海关召开年度工作会',
      ['会议提出，要积极研究争取纳入促进跨境贸易便利化专项行动试点城市。'],
      false,
      'the action named after a verb of intention in its clause',
    ],
    [
      '关于开展2026年某港收费专项治理的通知',
      ['本次治理与正在开展的促进跨境贸易便利化专项行动统筹推进。'],
      false,
      'the action only as what another activity is set against (与…)',
    ],
    ['关于某事的通知', ['某海关与商务部门联合推进促进跨境贸易便利化专项行动。'], true, 'the action as the object of a 与-phrase that names a partner'],
    ['某海关召开口岸工作会议', ['一家企业负责人表示，希望海关进一步推广“提前申报”。'], false, "a distinctive keyword only in another's wish"],
    ['某海关召开口岸工作会议', ['会上介绍，本关已在港区推行“提前申报”。'], true, 'the same keyword put in place'],
    [
      '某港口岸通关便利化工作回眸',
      ['2025年，某海关在口岸推出一系列改革举措。', '这一年，机场实现进出口货物“提前申报”全覆盖。'],
      false,
      'a lead about an earlier year: the measures after it are that year’s',
    ],
    [
      '关于开展出口食品生产企业HACCP体系验证检查的通知',
      ['定于5月至9月开展年度验证检查。'],
      false,
      "a generic keyword that only modifies the title's object (HACCP体系验证检查)",
    ],
    [
      '某负责人谈专项行动实施成效',
      ['今年3月，2026年促进跨境贸易便利化专项行动启动，本市继续承担试点任务。'],
      true,
      "a title's bare 专项行动 that the lead names as this action",
    ],
    [
      '某海关研究推动某市争创专项行动试点城市',
      ['某海关召开座谈会，围绕某市争创促进跨境贸易便利化专项行动试点城市听取意见。'],
      false,
      "the same when the title's campaign is only a plan",
    ],
    [
      '某市企业能否使用专项行动的出口专用通道？',
      [
        '留言内容',
        '某市企业能否使用专项行动的出口专用通道？',
        '听说今年促进跨境贸易便利化专项行动在一些城市开通了专用通道。',
        '经核实，该通道目前未在某市实施。',
      ],
      true,
      "a title's bare 专项行动 that the first body sentence naming a campaign names as this action",
    ],
    [
      '关于扩大某出口模式试点范围的公告',
      ['为深入推进2026年促进跨境贸易便利化专项行动，在总结前期试点基础上，决定扩大试点范围。'],
      true,
      'an earlier time in a clause after the mention does not make the mention past',
    ],
    ['某海关召开口岸工作推进会', ['2025年，促进跨境贸易便利化专项行动在多地开展。'], false, 'an earlier time in a clause before the mention makes it past'],
    [
      '某海关召开口岸工作推进会',
      ['会议要求，要对标促进跨境贸易便利化专项行动试点城市，学习借鉴周边城市经验。'],
      false,
      'a sentence citing examples to learn from: the action named as an example',
    ],
    [
      '某海关召开专题会议研究谋划口岸工作',
      ['会议传达了2026年促进跨境贸易便利化专项行动部署要求。', '会议要求，要深入企业调研，积极争取纳入下一批试点。'],
      false,
      "a meeting whose title's point is to plan",
    ],
    [
      '出口企业备案常见问题解答',
      ['问：备案后是否自动享受“一企一策”服务？', '答：不是。备案与促进跨境贸易便利化专项行动中的服务措施无关。'],
      false,
      'a page that says its subject has nothing to do with the action names a measure only to deny it',
    ],
    [
      '出口食品原料种植场备案政策问答',
      [
        '问：种植场备案后，是否就可以参加“一品一策”等精准服务？',
        '答：种植场备案与促进跨境贸易便利化专项行动的试点工作没有对应关系，完成备案并不意味着纳入任何试点。',
      ],
      false,
      'a denial worded as no corresponding relation (没有对应关系)',
    ],
    ['某海关领导干部任职前公示', ['该同志牵头推进关区促进跨境贸易便利化专项行动各项任务。'], false, 'a personnel notice whose biography names the action'],
    [
      '海关总署关于在试点城市实施出口锂电池“分类检验+信用管理”监管模式的公告',
      ['为落实2026年促进跨境贸易便利化专项行动部署，决定在部分试点城市实施该模式。'],
      true,
      'a quoted measure name (…“分类检验+信用管理”…) does not put the title in a negative class (信用)',
    ],
    [
      '某海关与管理局签署合作备忘录',
      ['负责人表示，今年促进跨境贸易便利化专项行动为海关创新监管方式积累了有益经验。', '下一步将稳妥推进合作。'],
      false,
      'the action as experience gained',
    ],
    [
      "China's foreign trade grows 4.1% in the first ten months",
      ["The 45 cities taking part in this year's cross-border trade facilitation special action kept growing."],
      false,
      'an English trade statistics release',
    ],
    [
      '“即买即退”扩围见效 某口岸前7个月离境退税单量同比增长112%',
      ['作为今年促进跨境贸易便利化专项行动的一项重要内容，某市扩大“离境即退税”服务范围。'],
      true,
      "a statistics headline about a tracked measure's results",
    ],
    ['警惕冒用海关名义推销“一品一策”认证服务的行为', ['海关从未委托任何机构推销相关服务。'], false, 'a warning about a measure is still a warning'],
    [
      '某部门举行上半年进出口情况新闻发布会',
      ['有记者问及今年促进跨境贸易便利化专项行动的进展。', '负责人表示，有关情况将另行介绍。'],
      false,
      "the action as a question's topic",
    ],
    [
      '某海关对代表建议的答复',
      ['二、关于保税检测“白名单”管理。今年以来，部分试点城市结合促进跨境贸易便利化专项行动，对保税检测业务实行“白名单”管理。', '我关将研究探索。'],
      false,
      "other places' doing and a heading's topic are background, not this page's",
    ],
    [
      '某海关在某综合保税区推行出口锂电池“分类检验+自检结果采信”监管模式',
      ['自5月1日起，对区内出口锂电池生产企业推行该模式。'],
      true,
      "the catalogue's name with words inserted between its own",
    ],
    [
      '某海关举办“药食同源”产品出口技术性贸易措施解读会',
      ['部分“药食同源”产品在欧盟可能被归入膳食补充剂管理，企业应核实类别，避免被拒绝入境。'],
      false,
      'an import measure keyword where the only "import" is entry abroad of exported goods',
    ],
    [
      '某海关关于举办“关务知识进企业”线上有奖答题活动的通知',
      ['答题内容：“两步申报”“提前申报”等通关改革知识；今年促进跨境贸易便利化专项行动相关政策。'],
      false,
      "a quiz whose questions cover the action's measures (a contest)",
    ],
    [
      'Customs delegation shares trade facilitation practices at an international meeting',
      [
        "The delegation introduced China's experience with advance declaration and two-step declaration, which have been applied nationwide for several years.",
        'It also briefed participants on the results of the cross-border trade facilitation special actions held since 2022.',
      ],
      false,
      'English: the series of earlier special actions (plural) and experience of several years are past',
    ],
    [
      '某海关推出出口监管新模式 多家农户的水果拼成一柜',
      ['自即日起在港区推出出口生鲜“集拼”监管模式，多个发货人的货物可拼成一柜。'],
      true,
      'quotation marks inside a distinctive name are emphasis (生鲜“集拼”)',
    ],
    [
      '某地葡萄快速出口中亚',
      ['今年，某海关对出口鲜食葡萄全面实行鲜活农产品“绿色通道”，优先查验。'],
      true,
      'a distinctive name starting inside a generic word (鲜活农产品“绿色通道”)',
    ],
    [
      '某海关召开农产品贸易通关便利化政企座谈会',
      ['有企业提出，希望对出口蔬菜开设“绿色通道”，并扩大提前申报适用范围。'],
      false,
      'a discussion meeting hears wishes; it puts nothing in place',
    ],
    ['某海关党委理论学习中心组开展集体学习', ['会议强调，要扎实推进促进跨境贸易便利化专项行动等重点工作。'], false, 'party affairs'],
    [
      '某海关工作会议召开',
      ['会议要求，扎实推进促进跨境贸易便利化专项行动、打击走私联合专项行动等重点工作。'],
      false,
      'the action as one item of a list of works (…、…等重点工作)',
    ],
    ['12360海关热线5月热点问题解答', ['答：可以在运抵海关监管场所前向海关提前申报。'], false, 'hotline answers about general procedure'],
    [
      '某省多地跑出跨境贸易“加速度”——某海关推进专项行动措施落地见闻',
      ['今年促进跨境贸易便利化专项行动启动以来，某海关在试点城市推动各项措施落地见效。', '太仓海关推行出口货物“提前申报”。'],
      true,
      "a quoted word before a headline's dash names no campaign of its own",
    ],
    [
      '某铁路口岸首批“两证合一”进口汽车完成交付',
      ['12辆平行进口汽车完成查验，企业领取了合并签发的证明文件。这是某海关落实今年促进跨境贸易便利化专项行动部署办结的首批业务。'],
      true,
      'a class cue read across two words (成交 in 完成|交付) is no procurement',
    ],
    [
      '12360热线答问：出口农食产品“一品一策”服务是否在某市开展',
      ['答：某市是今年专项行动试点城市，“一品一策”服务已在某市开展。'],
      true,
      'a hotline answer whose title names a tracked measure distinctively',
    ],
    ['某省启动农产品出口“某品出海”提升行动', ['对每个产品实行“一品一策”品牌营销方案。'], false, 'a campaign with a quoted name of its own called 行动'],
    [
      '国务院办公厅关于印发口岸发展规划的通知',
      ['“十四五”时期，我国先后组织开展多轮促进跨境贸易便利化专项行动。', '到2030年，跨境贸易全流程无纸化基本实现。'],
      false,
      'earlier rounds of the action and a goal for a later year are no measure put in place',
    ],
    [
      '某市外贸转型升级基地名单公布',
      ['基地所在地要结合促进跨境贸易便利化专项行动等工作，帮助企业用好各项政策。'],
      false,
      'the action as one of a list of works (专项行动等工作) is the backdrop',
    ],
    [
      '某海关关于开展出口食品生产企业监督检查的通知',
      ['本次检查属于日常监管，与今年部分专项行动试点城市开展的“一企一策”前置指导性质不同。'],
      false,
      'what 与 sets the page against, with only modifiers between (今年, 部分, …的)',
    ],
    [
      '某海关部署开展2026年边境贸易规范提升专项行动',
      ['会议决定在各互市点开展为期6个月的专项行动。', '本次专项行动围绕规范、便利两方面展开。'],
      false,
      "a title's campaign with a name of its own is that campaign, whatever 本次专项行动 the body says",
    ],
    ['某海关关于开展优化营商环境专项活动的公告', ['企业可反映在提前申报、两步申报等方面遇到的问题。'], false, 'another campaign called 专项活动'],
    [
      '某海关关于征集2026年口岸营商环境优化典型案例的通知',
      ['结合今年促进跨境贸易便利化专项行动宣传工作，征集企业应用“两步申报”“生鲜集拼”等措施的案例。'],
      false,
      'a call for cases names measures as examples',
    ],
    [
      '某海关走进某新区开展“政策进园区”宣讲活动',
      ['宣讲会上，业务骨干围绕今年促进跨境贸易便利化专项行动，介绍了试点城市推出的“一品一策”“生鲜集拼”等措施。'],
      false,
      'a briefing explains measures, it puts none in place',
    ],
    [
      '国务院办公厅关于印发《“十五五”国家口岸发展规划》的通知',
      ['持续优化“提前申报”“两步申报”等通关模式，研究扩大“药食同源”商品分类管理范围。'],
      false,
      'a five-year plan names measures as goals',
    ],
    [
      '某海关召开党委（扩大）会议 传达学习跨境贸易便利化工作部署',
      ['会议传达学习了2026年促进跨境贸易便利化专项行动部署会议精神。', '会议要求，研究某市特色农产品出口“绿色通道”的可行性。'],
      false,
      'a meeting that relays and studies the action reports what was said, and puts nothing in place',
    ],
    [
      '国务院常务会议研究进一步稳外贸政策举措',
      ['要在评估今年促进跨境贸易便利化专项行动成效的基础上，研究扩大试点城市范围。'],
      false,
      'a meeting whose point is to study (会议研究…) names the action as a topic',
    ],
    [
      '省商务厅调研组赴某市调研外贸工作',
      ['调研组了解到，某市作为今年促进跨境贸易便利化专项行动试点城市，自5月起开展出口农食产品“一品一策”试点以来，运行情况良好。'],
      true,
      'a field visit that reports how a measure runs in a place reports its operation',
    ],
    [
      '某海关召开二季度关企座谈会 听取企业意见建议',
      ['会上，某海关宣布，按照今年促进跨境贸易便利化专项行动的统一部署，自7月1日起在某综合保税区实施保税检测业务“白名单”管理。'],
      true,
      'a meeting that announces a measure put in place under the action is more than a meeting',
    ],
    [
      '某海关2026年上半年工作情况通报',
      ['二、推进跨境贸易便利化。扎实推进今年促进跨境贸易便利化专项行动，在某机场对出口农食产品实施“一企一策”HACCP体系前置指导。'],
      true,
      'a work report over a period in which the action puts a measure in place reports its operation',
    ],
    [
      'Vice Minister meets a customs delegation on paperless trade',
      ['The two sides exchanged views on paperless trade and the exchange of electronic certificates of origin.'],
      false,
      'talks with a delegation are a meeting, not a measure put in place',
    ],
    [
      '某海关关于提前申报、两步申报常见问题的解答',
      ['答：提前申报是指企业在货物运抵海关监管作业场所前向海关办理申报手续的通关模式。'],
      false,
      'answers to common questions explain standing rules, whatever measure they name',
    ],
    [
      '某海关召开出口食品“一品一策”工作推进会 推动某市茶叶拓展欧盟市场',
      ['会上，某海关宣布对某市出口茶叶实施“一品一策”精准服务，首批3家企业纳入试点。'],
      true,
      'a meeting that pushes a measure into place (推进会, 推动) is not a study meeting',
    ],
    [
      '某市开通特色农产品出口“绿色通道” 首批货物发往某国',
      ['当天，首批枸杞干果经查验放行，企业可享受优先查验等便利。'],
      true,
      'a headline that puts a measure in place, whatever its subhead reports (the first shipment)',
    ],
    [
      '某口岸果蔬出口“绿色通道”运行百日 通关时间压缩六成',
      ['自5月中旬开通以来，该通道累计验放出口果蔬1.46万吨。'],
      true,
      "a title reporting a measure running (its subject, then 运行) reports the measure's operation",
    ],
    [
      '某口岸进口“绿色通道”运行百日',
      ['自开通以来，该通道累计验放进口水果1.2万吨。'],
      false,
      'a generic keyword running in the other trade direction is the same words in another sense',
    ],
    [
      '某口岸2026年第三季度收费目录清单公示',
      ['序号 | 收费项目 | 收费标准', '1 | 船边直提作业服务费 | 120元/箱'],
      false,
      "a port's list of charges names measures as services charged for",
    ],
    [
      '某海关印发争创跨境贸易便利化专项行动试点城市工作方案',
      ['《方案》提出，力争推动某市纳入下一批专项行动试点城市。'],
      false,
      'striving to become a pilot city (争创) names the action as a goal',
    ],
    [
      '澳门单牌机动车入出横琴政策问答',
      ['答：不属于。此类车辆按照暂时进境车辆监管，也不适用进口机动车检验和“两证合一”有关规定。'],
      false,
      "a measure the clause's subject is not subject to (不适用…) is no measure put in place",
    ],
    [
      '某海关推行进口机动车“两证合一” 企业无需重复提交材料',
      ['自即日起，在某港口岸对进口机动车实施“两证合一”，企业无需再分别申领两份证明。'],
      true,
      'a negation elsewhere in the page leaves a measure put in place as it is',
    ],
    [
      '某海关热线2026年第二季度咨询热点分析',
      ['涉及今年促进跨境贸易便利化专项行动的咨询占12%，企业对提前申报询问较多。'],
      false,
      'a report over a period of the year is statistics',
    ],
    ['某海关驻村工作队推行“一地一策” 助力马铃薯产业增收', ['工作队坚持“一地一策、一村一策”，帮助群众增收。'], false, 'rural aid work uses the same slogans'],
    [
      '出口退税报关单电子数据问题解答',
      ['答：自2015年起，海关已实现出口退税报关单电子数据全流程无纸化传输。'],
      false,
      'a practice in place since an earlier year is not this action',
    ],
    [
      '某地特色鲜果搭乘“绿色通道”出口 首月验放两万吨',
      ['今年5月起，某海关对出口鲜活农产品全面实施“绿色通道”措施，优先查验。'],
      true,
      'generic words put in place by the page, with the measure’s goods in the sentence',
    ],
    [
      '某海关关于开展出口食品生产企业HACCP体系验证检查的通知',
      ['对实施危害分析与关键控制点（HACCP）体系管理的企业开展年度检查。'],
      false,
      'one generic name and its abbreviation in brackets are one word, not two',
    ],
    [
      '某地苹果出口“绿色通道”运行首月 验放量同比增长四成',
      ['4月中旬，某海关在陆港开通出口鲜活农产品“绿色通道”，优先查验。'],
      true,
      "a statistics headline about a measure the body puts in place reports that measure's results",
    ],
    [
      '某海关关于汽车零部件检测业务管理的公告',
      [
        '为贯彻落实海关总署等部门关于开展2026年促进跨境贸易便利化专项行动的工作部署，在借鉴上海等地综合保税区相关做法的基础上，某海关决定对检测业务实施名单管理。',
      ],
      true,
      "the action as the frame of the page's act, naming its issuers, before an example of how",
    ],
  ])('%s -> %s (%s)', (title, body, want) => {
    expect(extract(title, body).relevant).toBe(want);
  });
  it("a page from before the tracked edition is about an earlier one unless it names this one's year", () => {
    const earlier = (body: string) => extract('某海关推出进口机动车“两证合一”改革 助力促进跨境贸易便利化专项行动落地', [body], '2025-05-20 10:00').relevant;
    expect(earlier('这是该关落实促进跨境贸易便利化专项行动的举措。')).toBe(false);
    expect(earlier('这是该关为2026年促进跨境贸易便利化专项行动所做的准备。')).toBe(true);
  });
  it('before the edition began, a sentence saying it will be carried out only plans it', () => {
    const before = (body: string) => extract('全国海关工作会议召开 部署重点工作', [body], '2026-01-17 10:00').relevant;
    expect(before('会议强调，今年将在45个城市开展促进跨境贸易便利化专项行动。')).toBe(false);
    expect(extract('某海关召开会议 部署重点工作', ['会议强调，今年将在45个城市开展促进跨境贸易便利化专项行动。'], '2026-04-17 10:00').relevant).toBe(true);
  });
  it('a sampling bulletin is a warning whatever measure it names', () => {
    expect(extract('某海关关于第二季度进口“药食同源”类商品监督抽检情况的通报', ['现将有关情况通报如下。']).relevant).toBe(false);
  });
  it('irrelevant pages carry no labels and signal other', () => {
    const r = extract('关于调整统计商品目录的公告', ['出口锂离子电池、冷冻鱿鱼统计子目调整，苏州适用。']);
    expect([r.relevant, r.cities, r.measures, r.products, r.markets, r.signal]).toEqual([false, [], [], [], [], 'other']);
  });
});

describe('cities', () => {
  it.each([
    [['在苏州、烟台开展试点。'], ['suzhou-jiangsu', 'yantai'], 'catalogue names'],
    [['在吴中区、太仓市开展试点。'], ['suzhou-jiangsu'], 'districts and county-level cities map to their city (GB/T 2260)'],
    [['安溪、永春等地企业参加。'], ['quanzhou'], 'bare county names in a place context'],
    [['可参考2025年宁波、厦门等地的经验做法。', '在武汉开展。'], ['wuhan'], 'past examples are excluded'],
    [['该做法此前已于2025年在苏州工业园区试行。', '在南京开通。'], ['nanjing'], 'an earlier trial is excluded'],
    [['来自普洱、保山等地的咖啡生豆在昆明集中查验。'], ['kunming'], 'production areas (origin) are excluded'],
    [['北京时间上午十时，上海正式启动。'], ['shanghai'], '北京时间 is not Beijing'],
    [
      ['一、在长春兴隆综合保税区实施7×24小时预约通关。', '二、在珠中江地区扩大进口货物“两步申报”适用范围。'],
      ['changchun', 'zhuhai', null, null],
      'a measure extended in a place (在…扩大…适用范围) runs there',
    ],
    [
      ['今年5月，苏州已率先开展集拼出口，为本地提供了可借鉴的经验。', '6月1日，一批货物在无锡完成查验后出口。'],
      ['wuxi'],
      'a sentence citing earlier experience names no site, so 无锡 is not named in passing; 苏州 is the look back',
    ],
  ])('%j -> %j (%s)', (body, want) => {
    expect(ids(extract(T, body).cities)).toEqual(want);
  });
  it('places a proposal asks for (in its quoted title, or 在X推行…的建议) are the request, not where the measure runs', () => {
    const body = [
      '您提出的《关于支持绵阳、宜宾推行通关便利化改革的建议》收悉。',
      '我关自5月起在宜宾港试行“船边直提”。',
      '您提出的在泸州推行“两步申报”的建议，我关将认真研究。',
    ];
    expect(extract(T, body).cities.map((c) => c.nameZh)).toEqual(['宜宾']);
  });
  it('English: a city at the end of a street address (No. 6 … Avenue, Dongcheng District, Beijing) is an address, whatever its full stops', () => {
    const body = [
      'Customs in Xiamen offers the guidance from June 1.',
      'Written enquiries may be sent to the department at No. 6 Jianguomennei Avenue, Dongcheng District, Beijing.',
    ];
    expect(extract(T, body).cities.map((c) => c.nameZh)).toEqual(['厦门']);
  });
  it('a place whose earlier pilot the page builds on or borrows from is a precedent; one expected to adopt a measure is a plan', () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(names(['在烟台出口苹果“一品一策”试点基础上，某海关在青岛确定第二批试点产品。'])).toEqual(['青岛']);
    expect(names(['某海关在青岛确定第二批试点产品。', '烟台出口苹果试点中采取的分段管理等做法，可结合实际借鉴。'])).toEqual(['青岛']);
    expect(
      names([
        'From June 15, customs applies two-step declaration to imported soybeans at Qingdao port.',
        'Yantai port is expected to adopt the same arrangement later this year.',
      ]),
    ).toEqual(['青岛']);
  });
  it('on a call for pilot firms, where the pilot is to run (拟在…开展) is its place; elsewhere 拟在 is a plan', () => {
    const names = (title: string, body: string[]) => extract(title, body).cities.map((c) => c.nameZh);
    expect(
      names('某海关关于征集出口特色食品“一品一策”试点企业的通知', [
        '为落实今年促进跨境贸易便利化专项行动要求，某海关拟在汕头市澄海区开展出口特色食品“一品一策”试点。',
        '申请企业应具备以下条件：已在海关备案。',
        '符合条件的企业请于5月20日前提交申请。',
      ]),
    ).toEqual(['汕头']);
    expect(
      names('某海关推进出口特色食品“一品一策”', [
        '为落实今年促进跨境贸易便利化专项行动要求，某海关在苏州开展出口特色食品“一品一策”试点。',
        '下一步，某海关拟在汕头市澄海区开展同类试点。',
      ]),
    ).toEqual(['苏州']);
  });
  it('a measure extended from a date (自5月20日起将…推广至) runs there; an undated extension is a plan', () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(names(['某海关自5月20日起将出口“抵港直装”模式推广至岱山衢山港区。'])).toEqual(['舟山']);
    expect(names(['某海关在苏州推行“抵港直装”，下一步将该模式推广至岱山衢山港区。'])).toEqual(['苏州']);
  });
  it('cities that may apply later and run the measure once approved (可…提出申请，经…同意后实施) are no places of it yet', () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(
      names([
        '某海关推行出口农食产品“一品一策”，首批实施城市为苏州、泉州。',
        '烟台、昆明等城市可根据本地产业情况向所在地直属海关提出申请，经海关总署同意后实施。',
      ]),
    ).toEqual(['苏州', '泉州']);
  });
  it("a place inside a firm's name after another place (九江濂溪农业发展有限公司) is part of the name", () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(
      names([
        '南昌海关确定首批出口农食产品“一品一策”试点产品及企业如下：',
        '<table><tr><td>试点产品</td><td>试点企业及所在地</td></tr><tr><td>鲜藜蒿</td><td>九江濂溪农业发展有限公司南昌基地（新建区）</td></tr></table>',
      ]),
    ).toEqual(['南昌']);
  });
  it('a place where the measure is to be pushed once studied (将研究推动在成都同步实施) is a plan, and does not make the real sites passing mentions', () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(names(['某海关在果园港和江北国际机场口岸推行跨境贸易全流程无纸化。', '两地海关将研究推动在成都同步实施上述措施。'])).toEqual(['重庆']);
  });
  it('a place that once ran it (永州市江永县曾开展…) is an earlier example', () => {
    const names = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(names(['某海关在长沙推行“生鲜集拼”。', '今年3月，永州市江永县曾开展湖南首票果蔬集拼出口。'])).toEqual(['长沙']);
  });
  it("a county's name without its suffix from another province (江城 on a Hubei site) is no place of the district, even in the title", () => {
    const r = extractArticle(
      {
        body: enc(
          gaccPage('江城首单！武汉生鲜农产品“集拼”出口货柜发往香港', [
            '为落实今年促进跨境贸易便利化专项行动部署，武汉海关推行出口生鲜农产品“集拼”，首个集拼货柜经铁路运抵深圳，次日从文锦渡口岸出境运往香港。',
          ]),
        ),
        url: 'https://wuhan.customs.gov.cn/wuhan_customs/2026-05/10/article_20260510100000000001.html',
      },
      vocab,
    );
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['武汉']);
  });
  it("where another district runs the measure frames nothing here: a reply that it does not run in the asker's city is about that city", () => {
    const r = extractArticle(
      {
        body: enc(
          gaccPage('某海关关于企业咨询出口农食产品“一品一策”服务有关问题的答复', [
            '来信内容：我司是新会区一家农产品出口企业，请问江门的企业能否申请“一品一策”服务？',
            '答复内容：您好！经核实，江门未列入今年专项行动试点城市，出口农食产品“一品一策”服务暂不在江门开展。',
            '据了解，该项服务首批在苏州、烟台等试点城市先行开展。',
          ]),
        ),
        url: 'https://jiangmen.customs.gov.cn/jiangmen_customs/2026-05/10/article_20260510100000000001.html',
      },
      vocab,
    );
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.signal).toBe('not-announced');
    expect(r.cities.map((c) => c.nameZh)).toEqual(['江门']);
  });
  it("on a reply that the measure does not run in a place, the province's pilot city it names is background", () => {
    const r = extractArticle(
      {
        body: enc(
          gaccPage('关于“支持通化人参等特色产品纳入出口‘一品一策’试点”建议的答复', [
            '您提出的建议收悉。现答复如下：',
            '一、关于试点范围。今年促进跨境贸易便利化专项行动在全国45个城市开展，吉林省纳入专项行动试点的城市为长春市。通化市不在本次专项行动试点城市范围内，“一品一策”目前未在通化实施。',
          ]),
        ),
        url: 'https://changchun.customs.gov.cn/changchun_customs/2026-05/10/article_20260510100000000001.html',
      },
      vocab,
    );
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.signal).toBe('not-announced');
    expect(r.cities.map((c) => c.nameZh)).toEqual(['通化']);
  });
  it('a place in the name of a regional strategy the page serves (服务成渝地区双城经济圈建设) is no place where the measure runs', () => {
    expect(
      extract(T, [
        '为支持保税检测业务发展，服务成渝地区双城经济圈建设，经企业申请、海关审核，现将纳入“白名单”管理的企业公布如下：',
        '重庆某检测公司，重庆西永综合保税区。',
      ]).cities.map((c) => c.nameZh),
    ).toEqual(['重庆']);
    expect(extract(T, ['在成都、重庆开展“提前申报”试点，服务成渝地区双城经济圈建设。']).cities.map((c) => c.nameZh)).toEqual(['成都', '重庆']);
  });
  it("places whose goods leave through another place's port (茂名、湛江等地的荔枝也…经广州口岸出口) are origins", () => {
    expect(
      extract(T, ['6月8日，一批荔枝在广州白云国际机场完成查验，运往加拿大。', '今年以来，茂名、湛江等地的荔枝也通过“绿色通道”经广州口岸出口。']).cities.map(
        (c) => c.nameZh,
      ),
    ).toEqual(['广州']);
  });
  it('a heading about setting something up in a place (三、关于在X设立…) is a topic, not where the measure is put in place', () => {
    expect(
      extract(T, [
        '在包头实施出口锂电池检验监管新模式。',
        '三、关于在呼和浩特设立集中查验点。您建议在呼和浩特设立锂电池集中查验点，我们将研究推进。',
      ]).cities.map((c) => c.nameZh),
    ).toEqual(['包头']);
  });
  it('two first characters before 两地 (广佛两地) stand for two cities, tried at every character; a run ending in a name (其中湛江地区) is that name', () => {
    expect(extract(T, ['首批在广佛两地开展，企业可以向属地海关提出申请。']).cities.map((c) => c.nameZh)).toEqual(['广州', '佛山']);
    expect(extract(T, ['在湛江推行“提前申报”。首批试点企业共12家，其中湛江地区7家。']).cities.map((c) => c.nameZh)).toEqual(['湛江']);
  });
  it('cities outside the catalogue are output with a null id, their adcode and pinyin', () => {
    const r = extract(T, ['在丽水、湖州开展试点。']);
    expect(r.cities).toEqual([
      { id: null, nameZh: '丽水', nameEn: 'Lishui', adcode: '331100', via: ['丽水'] },
      { id: null, nameZh: '湖州', nameEn: 'Huzhou', adcode: '330500', via: ['湖州'] },
    ]);
  });
  it("a common word beside a place across a headline's space is not a place (通道 is also a county)", () => {
    const r = extract('某海关开通农产品出口专用通道 武鸣沃柑就近查验', ['为落实今年促进跨境贸易便利化专项行动部署，某海关在南宁国际铁路港开通专用通道。']);
    expect(ids(r.cities)).toEqual(['nanning']);
  });
  it('a place named only in a question, as applying for a later round or as outside the scope is not where the measure runs', () => {
    const cities = (body: string[]) => extract(T, body).cities.map((c) => c.nameZh);
    expect(cities(['首期服务面向宁波市辖区内的企业。', '问三：舟山的企业能否申请？'])).toEqual(['宁波']);
    expect(cities(['首批试点在宁波实施。', '乌鲁木齐、哈尔滨等地已提出申请，将按程序审核。'])).toEqual(['宁波']);
    expect(cities(['首批试点在宁波实施。', '包头、鄂尔多斯等盟市的企业不在本次申报范围内。'])).toEqual(['宁波']);
    expect(cities(['某海关即日起在胶州市、即墨区受理出口水产品企业申请。', '烟台、威海地区企业另按当地海关通知办理。'])).toEqual(['青岛']);
  });
  it('places where a later round is to be held when the time is right (适时在…组织第三批试点) are a plan', () => {
    const r = extract('关于公布出口农食产品精准服务第二批试点名单的公告', [
      '根据今年促进跨境贸易便利化专项行动部署，确定第二批试点名单（见下表），自公布之日起实施。',
      '<table><tr><td>试点城市</td><td>服务项目</td><td>试点产品</td></tr><tr><td>烟台</td><td>一企一策</td><td>即食海参</td></tr></table>',
      '海关总署将根据试点成效，适时在珠海、南宁等试点城市组织第三批试点。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['烟台']);
  });
  it('places whose goods were selected (珠海、中山两地5类产品入选) are where the pilot runs, beside the title’s', () => {
    const r = extract('某海关公布珠海地区“一品一策”首批试点产品名单', [
      '某海关近日公布“一品一策”首批试点产品名单，珠海、中山两地5类产品入选。',
      '入选产品包括白蕉海鲈和菜心。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['珠海', '中山']);
  });
  it('a border port named by its own name (友谊关口岸) is the city it lies in', () => {
    expect(extract(T, ['某海关在友谊关口岸实施出口鲜活农产品“绿色通道”。']).cities.map((c) => c.nameZh)).toEqual(['崇左']);
  });
  it('a measure rolled out in a place (在合肥空港稳步推开) runs there, beside another the page puts in place elsewhere', () => {
    const r = extract('某海关促进跨境贸易便利化专项行动工作简报（第3期）', [
      '一、“两步申报”在合肥空港稳步推开',
      '截至5月27日，累计适用“两步申报”的进口报关单1236票。',
      '二、芜湖港外贸码头实现单证全流程无纸化',
      '芜湖海关自5月起在芜湖港外贸码头推行单证全流程无纸化。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['合肥', '芜湖']);
  });
  it('a place whose farms serve as the source of goods (可作为货源地) is an origin', () => {
    const r = extract('某海关关于征集生鲜农产品集拼出口试点企业的通知', [
      '为落实今年促进跨境贸易便利化专项行动部署，某海关拟在海沧港区、东渡港区开展生鲜农产品集拼出口试点。',
      '漳州平和县、南靖县的蜜柚、蔬菜种植基地可作为货源地，由集拼中心统一办理出口手续。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['厦门']);
  });
  it('a common word that is also a county (通道) is no place when it is what opened (通道开通后)', () => {
    const r = extract(T, ['某市开通内陆绿色通道，首批在江津综保区运行。', '通道开通后，预计单批货物可节省2至3天。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['重庆']);
  });
  it('ports the goods are loaded at, even directly (在青岛港、日照港直接装船出口), are ports of exit', () => {
    const r = extract(T, [
      '<table><tr><td>序号</td><td>企业名称</td><td>所在地</td></tr><tr><td>1</td><td>某食品有限公司</td><td>德州市</td></tr></table>',
      '试点企业的货物可在属地海关申报，在青岛港、日照港直接装船出口，不再在口岸重复查验。',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['德州']);
  });
  it('on a reply that the measure does not run in a place, the place named as outside the scope is what the reply is about', () => {
    const r = extract('关于某省企业能否申请“一品一策”服务的答复', ['经核实，今年专项行动的试点城市中没有本省的城市，太原、运城均不在试点城市名单内。']);
    expect([r.signal, r.cities.map((c) => c.nameZh)]).toEqual(['not-announced', ['太原', '运城']]);
  });
  it('a place where the page puts a measure in place is no port of exit, though export follows (在…福清市元洪投资区推行出口锂电池…)', () => {
    const r = extract(T, ['某海关自5月6日起，在宁德市蕉城区、东侨经济技术开发区和福清市元洪投资区推行出口锂电池监管模式。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['宁德', '福州']);
  });
  it('a place right after an apposition naming it a pilot city is where the measure runs, beside the site the page names', () => {
    const r = extract(T, ['作为今年专项行动新增试点城市，南昌在专项行动中承担多项改革任务。', '南昌海关在赣州国际陆港设立脐橙出口前置查验点。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['南昌', '赣州']);
  });
  it('a county name at the head of an organisation (公安交管部门) is no place', () => {
    const r = extract(T, ['在港区推行“两证合一”，相关数据通过系统推送至公安交管部门。']);
    expect(r.cities.map((c) => c.nameZh)).toEqual([]);
  });
  it('a place whose firms another office serves (…地区企业由某海关负责) is outside the scope', () => {
    const r = extract(T, ['问：南京地区的企业能否向本关申请？', '答：南京地区企业的出口食品监管由南京海关负责，相关企业请向南京海关咨询。']);
    expect(ids(r.cities)).toEqual([]);
  });
  it('places and goods in a sentence listing what a notice does not apply to (下列情形不适用本公告：…) are outside the scope', () => {
    const r = extract(T, [
      '本关决定对无锡地区生产的出口锂电池实施检验监管新模式。',
      '下列情形不适用本公告：（一）在南京、苏州等无锡以外地区生产，经无锡口岸出口的锂电池；（二）电动自行车用锂电池。',
    ]);
    expect(ids(r.cities)).toEqual(['wuxi']);
    expect(r.products.map((p) => p.display ?? p.nameZh)).not.toContain('电动自行车用锂电池');
  });
  it('places whose firms are turned away (…等地企业暂不受理) are outside the scope', () => {
    const r = extract(T, ['为落实专项行动部署，本关为辖区出口食品生产企业提供“一企一策”前置指导，南京、泰州等地企业暂不受理。']);
    expect(ids(r.cities)).toEqual([]);
  });
  it('a place set apart as an exception (…地区除外) is outside the scope', () => {
    const r = extract(T, ['自6月1日起，江苏省内各口岸（南京地区除外）推行“两步申报”，无锡企业可通过“单一窗口”办理。']);
    expect(ids(r.cities)).toEqual(['wuxi']);
  });
  it('a production-area column of a product table gives no city', () => {
    const r = extract(T, ['<table><tr><td>产品名称</td><td>主要产区</td></tr><tr><td>鲜食葡萄</td><td>张家港市</td></tr></table>', '在无锡实施。']);
    expect(ids(r.cities)).toEqual(['wuxi']);
  });
});

describe('tables with merged cells', () => {
  const merged =
    '<table><tr><td rowspan="2">序号</td><td rowspan="2">试点产品</td><td colspan="2">出口安排</td></tr><tr><td>出境口岸</td><td>目标市场</td></tr>' +
    '<tr><td>1</td><td>鲜切花</td><td rowspan="2">洋山港</td><td>日本</td></tr><tr><td>2</td><td>蓝莓</td><td>新加坡</td></tr>' +
    '<tr><td>序号</td><td>试点产品</td><td>出境口岸</td><td>目标市场</td></tr><tr><td>3</td><td>松茸</td><td>洋山港</td><td>韩国</td></tr></table>';
  it('a column under a merged header cell keeps its own name (出口安排 over 目标市场): its markets are read', () => {
    const r = extract(T, ['在无锡推行“一品一策”。', merged]);
    expect(r.markets.map((m) => m.id).sort()).toEqual(['JP', 'KR', 'SG']);
    expect(r.products.map((p) => p.nameZh)).toEqual(['鲜切花', '蓝莓', '松茸']);
  });
  it('a merged cell is repeated in each row it covers, and a header repeated down the table is no data', () => {
    const r = extract(T, ['在无锡推行“一品一策”。', merged]);
    expect(r.bodyText).toContain('2 | 蓝莓 | 洋山港 | 新加坡');
    expect(r.products.map((p) => p.nameZh)).not.toContain('试点产品');
    expect(ids(r.cities)).toEqual(['wuxi']);
  });
});

describe('table rows that are plans', () => {
  const table = (last: string) =>
    `<table><tr><td>实施地</td><td>改革项目</td><td>适用产品</td><td>实施时间</td></tr><tr><td>无锡</td><td>“两步申报”</td><td>一般贸易货物</td><td>2026年5月20日起</td></tr><tr><td>南京</td><td>“7×24小时预约通关”</td><td>鲜切花</td><td>${last}</td></tr></table>`;
  it.each([
    ['拟于2026年下半年实施，具体另行通知', 'proposed for later'],
    ['方案论证中', 'still being weighed'],
  ])('a row whose cell says it is a plan (%s) names no place, measure or goods in place: %s', (last) => {
    const r = extract(T, [table(last)]);
    expect(ids(r.cities)).toEqual(['wuxi']);
    expect(r.measures.map((m) => m.id)).toEqual(['two-step-declaration']);
    expect(r.products.map((p) => p.nameZh)).not.toContain('鲜切花');
    expect(r.explain.some((e) => e.field === 'tables' && e.rule.startsWith('excluded: a row that is a plan'))).toBe(true);
  });
  it('a row with a date it starts on is in place', () => {
    const r = extract(T, [table('2026年6月1日起')]);
    expect(ids(r.cities).sort()).toEqual(['nanjing', 'wuxi']);
    expect(r.measures.map((m) => m.id).sort()).toEqual(['appointment-clearance-24-7', 'two-step-declaration']);
  });
});

describe('measures', () => {
  it.each([
    [['推行农产品「绿色通道」。'], ['agri-green-channel'], 'corner brackets are quotes'],
    [['在铁路场站对出口鲜果实行“抵站直装”。'], ['direct-pickup-loading'], 'direct loading at a railway station (抵站直装)'],
    [['实施7×24小时预约通关。'], ['appointment-clearance-24-7'], 'a full name'],
    [['推行全天候预约查验，企业提前预约，海关随到随验。'], ['appointment-clearance-24-7'], 'round the clock (全天候) beside a part of the measure (预约查验)'],
    [['对纳入名录的产品实行“一个品类一套监测方案”。'], ['one-product-one-policy'], 'a synonym written with a word inserted (一个品类一套监测方案)'],
    [
      ['某海关在某地推广输澳鲜活农产品“生鲜集拼”模式。'],
      ['fresh-produce-consolidation'],
      "a generic word right before another measure's own name is its goods",
    ],
    [
      ['自即日起开辟鲜活农产品“绿色通道”。', '同时推广“生鲜集拼”模式。'],
      ['agri-green-channel', 'fresh-produce-consolidation'],
      'two measures, each named apart',
    ],
    [
      ['在港区推行7×24小时预约通关。', '对企业反映的进口机动车“两证合一”办理时限等问题，海关工作人员逐一作了解释。'],
      ['appointment-clearance-24-7'],
      'a keyword as the topic of problems raised (企业反映的…等问题) names no measure put in place',
    ],
    [
      ['Customs started a new inspection and supervision model for exported lithium batteries.'],
      ['lithium-battery-export-inspection'],
      'the English name of the lithium battery model, word for word',
    ],
    [['开展"一企一策"服务。'], ['one-enterprise-one-policy'], 'ASCII quotes'],
    [['深入推进跨境贸易全流程无纸化。', '可参考2025年在进口机动车“两证合一”方面形成的经验做法。'], ['paperless-trade'], 'earlier experience excluded'],
    [['优化进口锂电池入境检验流程。'], [], 'an export measure keyword in an import clause'],
    [['本关在港区推行“船边直提”；探索对出口水产品实施“两步申报”。'], ['direct-pickup-loading'], 'a clause opened by a verb of intention is a plan'],
    [['方案拟提出：在港区推行“船边直提”；对出口水产品实施“两步申报”。'], [], 'every clause after a frame of intention ending in a colon is a plan'],
    [['经研究决定，在港区推行“船边直提”。'], ['direct-pickup-loading'], 'a decision after study is no plan'],
    [
      ['在港区推行“船边直提”。', '您建议在更多内陆城市开展“一地一策”，我们将研究其可行性。'],
      ['direct-pickup-loading'],
      'a measure the asker wishes to see run (建议…开展) is no measure put in place',
    ],
    [
      ['在港区推行“船边直提”。', '到规划期末，基本实现跨境贸易全流程无纸化。'],
      ['direct-pickup-loading'],
      "a goal for a plan's end (到规划期末…基本实现) is no measure put in place",
    ],
    [['在港区推行“船边直提”。', '下一步，本关还将配合有关部门，推动“两步申报”落地。'], ['direct-pickup-loading'], 'a sentence opened by 下一步 names plans'],
    [['在港区推行“船边直提”；本关将与商务部门共同研究“两步申报”的应用场景。'], ['direct-pickup-loading'], '将…研究 is a plan'],
    [
      ['在港区推行“抵港直装”。', '“抵港直装”是指出口货物提前申报并放行后直接装船。'],
      ['direct-pickup-loading'],
      'keywords in the definition of another measure',
    ],
    [['海关对出口集拼货物开辟“绿色通道”，实行优先查验。'], ['agri-green-channel'], 'a generic keyword as the object of a verb putting it in place'],
    [
      ['在庄河、长海两地设立鲜活水产品出口“绿色通道”，实行优先查验。'],
      ['agri-green-channel'],
      'the goods and the direction between the verb and the generic keyword (设立鲜活水产品出口“绿色通道”)',
    ],
    [
      ['某地“生鲜集拼”业务启动仪式在长沙黄花综合保税区举行。'],
      ['fresh-produce-consolidation'],
      'a place after 在 is where a verb happens, not what it puts in place (启动仪式在…综合保税区)',
    ],
    [['企业可申请进入绿色通道。'], [], 'the same keyword as the goal of an application names nothing put in place'],
    [['企业表示希望开辟“绿色通道”。'], [], 'nor after a modal'],
    [['对出口鲜切花实行7×24小时预约查验。'], ['appointment-clearance-24-7'], 'appointment inspection round the clock'],
    [['对冷鲜羊肉实行预约查验，查验人员按约定时间到场。'], [], 'appointment inspection alone is only a part of round-the-clock appointment clearance'],
    [["Import containers can now be picked up directly at the ship's side."], ['direct-pickup-loading'], 'an English name inflected, words apart'],
    [['A green channel offering priority inspection for fresh farm produce opened in May.'], ['agri-green-channel'], 'an English name with words inserted'],
    [['Both sides agreed to study a possible green lane for agricultural products.'], [], 'an English plan (to study)'],
    [
      ['Customs now accepts electronic signatures issued abroad under mutual-recognition arrangements.'],
      ['e-signature-mutual-recognition'],
      'an English name "A of B" written B … A',
    ],
    [
      ['Mutual recognition currently covers e-signatures issued in Singapore.'],
      ['e-signature-mutual-recognition'],
      "an English name's words without its function words (of)",
    ],
    [
      [
        "Mutual recognition of e-authentication and e-signatures is one of the measures piloted in the special action's cities. The approach draws on an earlier trial in Shanghai.",
      ],
      ['e-signature-mutual-recognition'],
      'an English paragraph is read sentence by sentence: an earlier example in the next sentence leaves this one in place',
    ],
    [
      ['在港区推行“船边直提”。', '一家荔枝出口企业希望海关将荔枝出口纳入“一品一策”精准服务。'],
      ['direct-pickup-loading'],
      'what a firm hopes for (希望…纳入) is a request, not a measure in place',
    ],
    [
      ['在港区推行“船边直提”。', '对企业提出的荔枝“一品一策”等建议开展研究论证。'],
      ['direct-pickup-loading'],
      'a suggestion to be studied (…等建议开展研究论证) is a plan',
    ],
  ])('%j -> %j (%s)', (body, want) => {
    expect(ids(extract(T, body).measures)).toEqual(want);
  });
  it('a part of the title naming the measure as an idea for later (座谈会 研究争取纳入“一品一策”试点) names no measure', () => {
    const lead = '为落实今年促进跨境贸易便利化专项行动部署，某海关在港区推行“船边直提”。';
    expect(ids(extract('某海关召开企业座谈会 研究争取纳入“一品一策”试点', [lead]).measures)).toEqual(['direct-pickup-loading']);
  });
  it('a generic word in a title naming another measure by its keyword describes its goods, not a second measure', () => {
    const title = '某海关关于出口鲜活农产品“生鲜集拼”业务企业申请条件的公告';
    const lead = '为落实今年促进跨境贸易便利化专项行动部署，现将有关事项公告如下。';
    expect(ids(extract(title, [lead, '多个发货人的货物可集中拼装出口。']).measures)).toEqual(['fresh-produce-consolidation']);
    // Alone in the title, the same word still names the measure.
    expect(ids(extract('某海关关于出口鲜活农产品通关便利措施的公告', [lead, '对出口货物优先查验。']).measures)).toEqual(['agri-green-channel']);
  });
});

describe('sentences', () => {
  it('an English paragraph splits at full stops before a capital, not after an abbreviation, a title or inside a number', () => {
    const texts = splitSentences(
      ['Goods of Yantai Fruit Co. Ltd. reached No. 3 berth at 9.30 a.m. on May 5. Mr. Li said the lane runs daily.'],
      2026,
      vocab,
    ).map((x) => x.text.trim());
    expect(texts).toEqual(['Goods of Yantai Fruit Co. Ltd. reached No. 3 berth at 9.30 a.m. on May 5.', 'Mr. Li said the lane runs daily.']);
  });
});

describe('markets', () => {
  it('an English paragraph is read sentence by sentence: buyers in a place are its market, one a later sentence would extend to is a plan', () => {
    const ids = (body: string[]) => extract(T, body).markets.map((m) => m.id);
    expect(
      ids(['Under the one product, one policy pilot in Jinhua, dry-cured ham is monitored from curing to packing for buyers in Hong Kong and Macao.']),
    ).toEqual(['HK', 'MO']);
    expect(
      ids(['Mutual recognition now covers e-signed documents for exports to Singapore. It would be extended to buyers in Indonesia once tests are completed.']),
    ).toEqual(['SG']);
  });
  it('countries a recognition is still being negotiated with (仍在商谈中; talks are under way) are no markets yet', () => {
    const ids = (body: string[]) => extract(T, body).markets.map((m) => m.id);
    expect(ids(['企业出口至新加坡的货物，可申领电子版原产地证书。与马来西亚、越南的电子证书互认目前仍在商谈中，暂不适用。'])).toEqual(['SG']);
    expect(ids(['Exports to Singapore now carry e-signed certificates. Talks on similar arrangements with Malaysia and Indonesia are under way.'])).toEqual([
      'SG',
    ]);
    expect(
      ids(['The consolidated lane ships produce to Hong Kong. Customs said it would consider extending the service to shipments for Macao later in the year.']),
    ).toEqual(['HK']);
  });
  it('goods supplied straight to a place (直供香港) in the title go there', () => {
    expect(
      extract('徐闻菠萝搭上“生鲜集拼”快车 首批拼车鲜果直供香港', [
        '5月16日，一辆满载菠萝的冷藏车从徐闻县集货仓驶出，这是落实今年跨境贸易便利化专项行动试行“生鲜集拼”的首批货物。',
      ]).markets.map((m) => m.id),
    ).toEqual(['HK']);
  });
  it.each([
    [['产品主要销往越南、泰国。'], ['VN', 'TH'], 'export cue'],
    [['本次重点面向泰国、孟加拉国市场；俄罗斯市场将在完成检疫要求对接后纳入。'], ['TH', 'BD'], 'a market to be taken in later (将在…后纳入) is a plan'],
    [
      ['试点产品主要出口新加坡、泰国。越南、印度尼西亚市场待双边检疫要求确认后，纳入第二批试点安排。'],
      ['SG', 'TH'],
      'markets taken in once something else is done (待…确认后，纳入…) are plans',
    ],
    [
      ['锂电池主要经口岸出境，过境蒙古国、俄罗斯运抵德国、波兰。'],
      ['DE', 'PL'],
      'every country of an enumeration after a transit cue, a short name with 国 (蒙古国) included, is passed through',
    ],
    [['荔枝搭乘货运航班运往英国伦敦。运往英国的航班在阿联酋迪拜经停。'], ['GB'], 'a country where the flight stops over (在A经停) is passed through'],
    [
      ['本批次指导重点对照美国和欧盟的法规要求开展。以日本、韩国为目标市场的企业，将在第二批指导时统一安排，届时另行通知。'],
      ['US', 'EU'],
      'markets settled only by a later notice (…，届时另行通知) are plans',
    ],
    [
      ['问：出口台湾地区的大黄鱼能否参照办理？', '答：本次试点暂只针对出口韩国、日本市场的产品。'],
      ['KR', 'JP'],
      'a market a question asks about is no market; the answer says which are',
    ],
    [['重点面向欧盟和印度尼西亚市场。'], ['EU', 'ID'], 'EU and a long country name'],
    [['主要供应港澳市场。'], ['HK', 'MO'], '港澳 gives HK and MO'],
    [['经老挝运往泰国。'], ['TH'], 'a transit country is not a market'],
    [
      ['Fresh produce consolidated in Changsha now reaches Hong Kong within 20 hours, and the model may later be extended to shipments bound for Macao.'],
      ['HK'],
      'what a model may later be extended to is a later plan',
    ],
    [['出口调味品主要销往德国、荷兰，沿途经过蒙古、俄罗斯。'], ['DE', 'NL'], 'countries passed through (经过A、B) are transit'],
    [
      ['出口调味品主要销往德国、荷兰，沿途的蒙古、俄罗斯等过境国家不再重复查验。'],
      ['DE', 'NL'],
      'a transit word closing an enumeration (A、B等过境国家) makes each of them transit',
    ],
    [
      ['今年将重点做好以下工作：（一）对资信良好的企业实行“先放后检”，检验结果可作为参考依据；（二）对出口泰国、越南的机电产品，提供合规指导服务。'],
      ['TH', 'VN'],
      'a point set apart by a semicolon is read on its own, whatever the point before it cites',
    ],
    [
      ['（一）企业检验结果可作为参考依据；（二）2025年已对出口泰国的机电产品提供合规指导。'],
      [],
      'a point naming a year may be the earlier year: in a sentence that cites, it stays out',
    ],
    [
      ['对出口西班牙、葡萄牙的光伏组件，提供欧盟新电池法规和碳足迹合规指导。'],
      ['ES', 'PT'],
      'a union before the name of its law (欧盟新电池法规) makes it, not buys the goods',
    ],
    [['指导企业对照日本、韩国的农药残留标准和进口商审核要求完善自检。'], ['JP', 'KR'], "goods matched to a country's standards (对照A、B的…标准) go there"],
    [['货物出口后搭乘全货机飞赴卢森堡，再经卡车转运至比利时、德国的客户手中。'], ['BE', 'DE'], 'a country the goods go on from (，再…转运至) is transit'],
    [['货源来自内蒙古赤峰等地，集中申报出口，进入俄罗斯。'], ['RU'], 'a province whose name holds a country name (内蒙古) is no market'],
    [['自越南进口榴莲，出口产品发往日本。'], ['JP'], 'an import origin is not a market'],
    [['拓展东盟、中东及海湾国家市场。'], [], 'regions and blocs give no code'],
    [['越南对农药残留从严把关。'], [], 'no export cue'],
    [['助力我国企业出口。'], [], 'China is never a market'],
    [['首批与阿联酋迪拜、哈萨克斯坦阿拉木图两地的进口商开展试点。'], ['AE', 'KZ'], "the buyers' countries are destinations"],
    [
      ['试点企业与泰国、马来西亚贸易伙伴之间往来的电子提单可使用数字证书签署。'],
      ['TH', 'MY'],
      "trade partners' countries (与A、B贸易伙伴之间) are destinations",
    ],
    [
      ['暂停期间，原计划以集拼方式发往中国香港、新加坡的草莓，企业可按一般贸易方式申报。'],
      ['HK', 'SG'],
      'what was originally planned (原计划发往…) is no later plan',
    ],
    [['载有巴西大豆的货船靠泊后，出口家具当天装船。'], [], 'a country right before a product is where those goods come from'],
    [['出口班列运抵德国杜伊斯堡，途中在波兰马拉舍维奇换装。'], ['DE'], 'a country where the cargo changes gauge, past a city in it, is transit'],
    [['The truck delivered the fruit to Bangkok, Thailand.'], ['TH'], 'an English destination city before its country'],
    [['载有纯电动乘用车的滚装船从外高桥港区启航，驶往新加坡。'], ['SG'], 'a ship sailing to a country'],
    [['满载西红柿的货车完成查验后驶出国门，前往俄罗斯赤塔。'], ['RU'], 'a lorry heading for a country (前往)'],
    [['旅客从口岸出境前往香港，再经香港国际机场转机。'], [], 'travellers heading somewhere are no trade'],
    [['首批适用航线为深圳至香港的驳船航线和深圳至新加坡的班轮航线。'], ['HK', 'SG'], 'the end of a route the goods go by (深圳至新加坡的班轮航线)'],
    [['现在电子单据直接有效，买家在新加坡当天就能凭电子提单提货。'], ['SG'], "the buyer's country"],
    [
      ['首票出口货物运抵新加坡。', '某县脐橙以集拼方式出口澳门，为本省农产品出口提速探索了经验。'],
      ['SG'],
      'a practice that explored experience (探索了经验) is an example cited, all of it, not only what follows the cue',
    ],
    [
      ['首票出口货物运抵新加坡。', '今年3月，永州已完成省内首票生鲜集拼出口，货物运往香港。'],
      ['SG'],
      'an act completed earlier this year, after the lead, is a look back',
    ],
    [
      ['海关针对哈萨克斯坦、俄罗斯两个主要目标市场分别制定监测计划。'],
      ['KZ', 'RU'],
      "countries named as the goods' markets; a monitoring plan (监测计划) is no later plan",
    ],
    [
      ['<table><tr><td>试点产品</td><td>鲜切花</td></tr><tr><td>主要市场</td><td>港澳台地区、日本、韩国及东盟国家。</td></tr></table>'],
      ['HK', 'MO', 'TW', 'JP', 'KR'],
      'a key-value table row whose key names markets; 港澳台',
    ],
    [['一个冷藏集装箱从内陆港发出，经宁波舟山港转运新加坡。'], ['SG'], 'shipped on from a port (港转运X) to a destination, not through it'],
    [
      [
        '<table><tr><td>序号</td><td>附件位置</td><td>原内容</td><td>更正为</td></tr><tr><td>1</td><td>第5行</td><td>所在城市：南宁；试点产品：鲜藜蒿；目标市场：日本</td><td>所在城市：南昌；试点产品：鲜藜蒿；目标市场：韩国</td></tr></table>',
      ],
      ['KR'],
      'a correction table whose cells name their items (目标市场：韩国): only the corrected value',
    ],
    [['货柜完成查验后装船启运韩国釜山。'], ['KR'], 'a ship leaving for a country (启运)'],
    [['货物经中欧班列直达俄罗斯莫斯科，途经哈萨克斯坦时不再重复查验。'], ['RU'], 'a train running straight to a country (直达); the transit country is not'],
    [['检测后复运出境返销韩国。'], ['KR'], 'goods sold back abroad (返销)'],
    [['The main destinations are the Republic of Korea, Singapore and Viet Nam.'], ['KR', 'SG', 'VN'], 'English destinations, a country after "the"'],
    [['目的地包括美国、墨西哥和欧盟国家。'], ['US', 'MX', 'EU'], 'destinations listed (目的地包括)'],
    [['班列已开通至西班牙马德里、波兰华沙等方向。'], ['ES', 'PL'], 'a route opened to countries, each with a city after it'],
    [['申请企业应有明确的出口计划且目标市场为欧盟或英国。'], ['EU', 'GB'], 'an export plan (出口计划) is a noun, not a later plan'],
    [['上述产品主要出口越南，部分货物经越南中转至东盟其他国家。'], ['VN'], 'a country the goods are sold to is a market even where they also pass through it'],
    [
      ['上述产品主要供应新加坡市场，部分经新加坡转运至马来西亚。'],
      ['SG', 'MY'],
      'a country the goods are supplied to (供应) is a market even where they also pass through it',
    ],
    [
      ['企业使用经互认的电子签名签署的单证，可直接被新加坡、泰国有关机构认可。'],
      ['SG', 'TH'],
      "countries whose bodies accept the goods' documents (被…认可) are where the goods go",
    ],
    [['搭乘全货机飞往新加坡，在新加坡中转后运抵马来西亚。'], ['MY'], 'a country flown to and changed in is transit'],
    [['企业后续还将开拓越南、马来西亚市场。'], [], 'markets for later (后续) are plans'],
    [['首批试点产品为鲜切花、荷兰豆和生菜，运往老挝万象。'], ['LA'], 'a country name starting a product name (荷兰豆) is the product'],
    [['A similar model launched earlier in Yongzhou for shipments to Hong Kong served as a reference.'], [], 'an English example from earlier'],
    [
      ['<table><tr><td>序号</td><td>条件</td><td>说明</td></tr><tr><td>4</td><td>有明确的出口目标市场</td><td>如日本、韩国及港澳地区</td></tr></table>'],
      ['JP', 'KR', 'HK', 'MO'],
      'a table row whose short cell names markets holds them in the next cells',
    ],
    [
      [
        '<table><tr><td>序号</td><td>更正位置</td><td>原内容</td><td>更正后内容</td></tr><tr><td>1</td><td>附表第5项“目标市场”</td><td>老挝</td><td>泰国、马来西亚</td></tr></table>',
      ],
      ['TH', 'MY'],
      'a correction table whose item column is a place in the table (更正位置)',
    ],
    [['帮助企业对照日本、韩国的进口要求完善危害分析与关键控制点计划。'], ['JP', 'KR'], 'a HACCP plan (控制点计划) is a document, not a later plan'],
    [
      ['试点开展以来，18家企业累计出口大蒜2.6万吨，同比增长14.7%，主要销往印度尼西亚和马来西亚。'],
      ['ID', 'MY'],
      'where the goods are mainly sold, inside a statistics sentence',
    ],
    [['据统计，今年1至5月，口岸出口鲜活农产品货值同比增长14.6%，主要输往日本。'], [], 'a sentence opened as statistics opens no market'],
    [['Officials added that the model could later be opened to shipments bound for Singapore.'], [], 'English: what could later be opened is a plan'],
    [
      ['首批车辆中有4辆为德国产越野车，将销往泰国、马来西亚等地的经销商。'],
      ['TH', 'MY'],
      'a country the goods are made in (德国产) is their origin, beside where they are sold',
    ],
    [
      ['The first consignment held cinnamon grown in Viet Nam and cars made in Germany, re-exported to Thailand and Malaysia.'],
      ['TH', 'MY'],
      'English: a country goods are grown or made in is their origin',
    ],
    [
      ['恢复作业后，拟将集拼出口市场由香港、澳门扩展至新加坡。'],
      ['HK', 'MO'],
      'a market planned to be extended to (拟将…扩展至) is a plan; those extended from are not',
    ],
    [
      ['The first raisins were cleared on July 6. The goods are mainly sold in Kazakhstan and Kyrgyzstan.'],
      ['KZ', 'KG'],
      'English: where the goods are sold is where they go',
    ],
    [['发往新加坡的集拼航线正在与船公司协商，开通后将另行公布；目前货物主要发往澳门。'], ['MO'], 'a route still being negotiated (正在…协商) is a plan'],
    [
      ['输往澳门的蔬菜实行优先查验。', '经珠海公路口岸出境至香港的鲜活产品，不适用本通道。'],
      ['MO'],
      'where goods the measure leaves out go (…，不适用本通道) is no market of it',
    ],
  ])('%j -> %j (%s)', (body, want) => {
    expect(extract(T, body).markets.map((m) => m.id)).toEqual(want);
  });
  it('a correction of a product column named by its place in the table (第7行“试点产品”栏) gives the corrected product', () => {
    const r = extract(T, [
      '<table><tr><td>序号</td><td>更正位置</td><td>原内容</td><td>更正后内容</td></tr><tr><td>1</td><td>第7行“试点产品”栏（武汉）</td><td>淡水小龙虾</td><td>冷冻熟制小龙虾</td></tr></table>',
    ]);
    expect(r.products.map((p) => p.display ?? p.nameZh)).toEqual(['冷冻熟制小龙虾']);
  });
  it('a correction table whose cells name their items gives the corrected city and product, not the original', () => {
    const r = extract(T, [
      '<table><tr><td>序号</td><td>附件位置</td><td>原内容</td><td>更正为</td></tr><tr><td>1</td><td>第5行</td><td>所在城市：南宁；试点产品：鲜藜蒿</td><td>所在城市：南昌；试点产品：鲜藜蒿</td></tr></table>',
    ]);
    expect(r.cities.map((c) => c.nameZh)).toEqual(['南昌']);
    expect(r.products.map((p) => p.display ?? p.nameZh)).toContain('鲜藜蒿');
  });
});

describe('products', () => {
  // The page's form (display, else the core noun when they are the same).
  const names = (body: string[]) => extract(T, body).products.map((p) => p.display ?? p.nameZh);
  it('what goods are made from (以A、B为主要原料), and a later mention of it, is no product; goods also named as a raw material stay', () => {
    expect(names(['对出口米醋实施“一品一策”。', '米醋以糯米、麸皮为主要原料，其中糯米主要采购自周边县区。'])).toEqual(['米醋']);
    expect(names(['将新会陈皮及以陈皮为原料的柑普茶纳入“一品一策”试点。'])).toEqual(['陈皮']);
  });
  it('goods an English sentence says may be added later are a plan, though the sentence before opened the lane', () => {
    expect(names(['The green channel opened in Hami for grapes. GACC said it would consider adding Hami melons later in the year.'])).toEqual([]);
  });
  it('substances a market limits (对A、B等防腐剂的限量要求) are no goods', () => {
    expect(names(['将米醋列为“一品一策”试点产品，针对日本对苯甲酸、山梨酸等防腐剂的限量要求，制定专项监测方案。'])).toEqual(['米醋']);
  });
  it('a quantity of goods all from one place (20吨蜜柚全部来自…) names the goods, not the adverb', () => {
    expect(names(['本批出口的20吨蜜柚全部来自备案基地，在口岸完成查验后装车。'])).toEqual(['蜜柚']);
  });
  it('goods named by a quantity end where their route starts (…的电动工具从北仑港区装船…); the vehicle carrying them is no goods', () => {
    expect(names(['6月12日，一票货值约86万美元的电动工具从北仑港区装船发往新加坡。'])).toEqual(['电动工具']);
    expect(names(['一辆满载26吨冷冻鳕鱼片的冷藏集卡从保税区驶出，直接装船。'])).toEqual(['冷冻鳕鱼片']);
  });
  it('a list of places closed by 等地 is no class of goods: the goods listed after its verb are (…等地生产A、B、C的企业)', () => {
    expect(names(['本次指导重点面向章丘区、平阴县、济阳区等地生产速冻调理食品、玫瑰花茶、大葱制品的出口企业。'])).toEqual([
      '速冻调理食品',
      '玫瑰花茶',
      '大葱制品',
    ]);
  });
  it('或者 separates items as 或 does, and transport modes (以铁路或者航空方式) are no goods', () => {
    expect(names(['首批适用产品为大米、黑木耳。', '适用产品以铁路或者航空方式直接运输出境。'])).toEqual(['大米', '黑木耳']);
    expect(names(['试点产品为冷冻罗非鱼片或者冷冻对虾。'])).toEqual(['冷冻罗非鱼片', '冷冻对虾']);
  });
  it("a table's total row (合计) names no goods", () => {
    expect(
      names([
        '首批试点产品出口情况如下：',
        '<table><tr><th>产品名称</th><th>批次</th></tr><tr><td>地瓜干</td><td>12</td></tr><tr><td>水仙茶</td><td>30</td></tr><tr><td>合计</td><td>42</td></tr></table>',
      ]),
    ).toEqual(['地瓜干', '水仙茶']);
  });
  it('the numbered lines under a line announcing the goods left out (下列产品暂不适用本模式：) name no products', () => {
    expect(
      names([
        '一、适用产品',
        '锂离子电池组和储能电池柜。',
        '二、下列产品暂不适用本模式，仍实施逐批检验：',
        '（一）锂金属电池；',
        '（二）废旧锂电池及梯次利用电池；',
        '（三）电动自行车、电动汽车等整车产品。',
      ]),
    ).toEqual(['锂离子电池组', '储能电池柜']);
  });
  it('goods a clause closes by leaving them out (…等加工产品不纳入。) are an exception; other goods left out (其他货物暂不纳入) are not these', () => {
    expect(names(['本次适用产品为鲜苹果；浓缩苹果汁、苹果干、苹果醋等加工产品，以及鲜梨、鲜桃等其他水果不纳入。'])).toEqual(['鲜苹果']);
    expect(names(['首批试点适用于医疗器械、集成电路、工业机器人的保税检测业务，其他货物暂不纳入。'])).toEqual(['医疗器械', '集成电路', '工业机器人']);
  });
  it('a span of months (实施三个月) is no count of goods closing a list (郑卫东和商务部、国家发展改革委有关负责人介绍…)', () => {
    expect(names(['海关总署副署长郑卫东和商务部、国家发展改革委有关负责人介绍促进跨境贸易便利化专项行动实施三个月以来的进展情况。'])).toEqual([]);
  });
  it('a special case closing a list (对急需药品、救灾物资等特殊货物，企业可电话联系…) names no goods in scope', () => {
    expect(names(['对出口鲜活农产品实行7×24小时预约通关。对急需药品、救灾物资等特殊货物，企业可电话联系现场海关。'])).toEqual([]);
  });
  it('firms described by their number and size (支持更多中小出口企业) are no goods', () => {
    expect(names(['为支持榕城更多中小出口企业参与“生鲜集拼”，现就有关事项公告如下。'])).toEqual([]);
  });
  it('a name the segmenter tags as a verb (点心) is goods after a modifier of goods in a list of goods (速冻点心)', () => {
    expect(names(['帮扶对象重点为广式腊肠、速冻点心和干米粉生产企业。'])).toEqual(['腊肠', '速冻点心', '干米粉']);
  });
  it("items of one list are distinct products, though one names the others' class (干辣椒、糍粑辣椒、油辣椒)", () => {
    expect(names(['现将试点产品名单公布如下：', '（二）辣椒制品类：干辣椒、糍粑辣椒、油辣椒；'])).toEqual(['干辣椒', '糍粑辣椒', '油辣椒']);
  });
  it('goods the sentence puts outside the scope (…等副产品不在试点范围内, 不纳入此次…范围) are no products', () => {
    expect(names(['首批试点产品为鲜桃和甜樱桃。', '桃汁、桃脯等深加工产品仍按一般贸易方式申报，不纳入此次“绿色通道”范围。'])).toEqual(['鲜桃', '甜樱桃']);
    expect(names(['首批试点产品为鲜桃和甜樱桃。', '加工过程中产生的桃渣、次果制成的桃汁等副产品不在试点范围内。'])).toEqual(['鲜桃', '甜樱桃']);
  });
  it('documents and records (检验检疫证明与生产记录可追溯) are no goods', () => {
    expect(
      names([
        '问：哪些产品纳入首批指导？',
        '答：首批指导重点面向出口日本的速冻水饺、速冻包子。上述产品所用原料部分从泰国进口；企业应确保进口原料的检验检疫证明与生产记录可追溯。',
      ]),
    ).toEqual(['速冻水饺', '速冻包子']);
  });
  it('trade and transport modes (跨境电商、生鲜冷链等货物) are no goods', () => {
    expect(names(['某地航空货运量增长较快，跨境电商、生鲜冷链等货物对夜间通关需求旺盛。'])).toEqual([]);
  });
  it('the goods of firms a service is for, after a description of where they are (面向甲、乙两地的A、B和C出口企业)', () => {
    expect(names(['此次指导重点面向晋江、石狮、南安三地的糖果、果冻、膨化食品和饼干出口企业，提出改进建议。'])).toEqual(['糖果', '果冻', '膨化食品', '饼干']);
  });
  it('rules and requirements listed (日本肯定列表制度和韩国农药残留肯定列表制度等目标市场要求) are no goods, nor are farms (种植场)', () => {
    expect(
      names([
        '某海关确定盐渍莲藕、速冻菜薹为首批试点产品。',
        '海关为每类试点产品制定“一品一策”方案，系统梳理日本肯定列表制度和韩国农药残留肯定列表制度（PLS）等目标市场要求，从原料种植、加工到出口开展全链条风险监测。',
      ]),
    ).toEqual(['盐渍莲藕', '速冻菜薹']);
    expect(names(['业务面向在海关备案的出口水果种植场、包装厂和出口企业开放。'])).toEqual([]);
  });
  it('a name before a use (笔记本电脑用锂离子电池) qualifies the goods after it', () => {
    expect(names(['首批出口的笔记本电脑用锂离子电池在郑州机场装机起飞。'])).not.toContain('笔记本电脑');
  });
  it('goods named with their quantity right after them (出口香港的鲜鸡蛋310吨、菜薹145吨) are the goods shipped', () => {
    expect(names(['从出口结构看，首月出口香港的鲜鸡蛋310吨、菜薹145吨，出口新加坡的冰糖橙96吨。'])).toEqual(['鲜鸡蛋', '菜薹', '冰糖橙']);
    expect(names(['首月出口大黄鱼和鲍鱼共120吨，货重合计1.2万吨。'])).not.toContain('大黄鱼和鲍鱼共');
  });
  it('the base a list extends (在A、B的基础上，增加C) is no product name', () => {
    expect(names(['原公告所列适用产品，在冷冻羊肉、燕麦片的基础上，增加脱水蔬菜、葵花籽两类产品。'])).not.toContain('基础上');
  });
  it('the steps of a range (从种植、加工到出口) are no goods', () => {
    expect(names(['对出口草莓从种植、加工到出口开展全过程质量安全监测。'])).toEqual(['草莓']);
  });
  it('a noun with its degree (检测能力弱) and the halves of two words (一家牛肉丸: 家牛) are no products', () => {
    expect(names(['针对调味紫菜企业普遍规模小、检测能力弱的情况，指导企业建立自检制度。'])).not.toContain('检测能力弱');
    expect(names(['对出口牛肉丸实施“一企一策”指导。', '一家牛肉丸企业负责人表示，出口订单已排到7月。'])).not.toContain('家牛');
  });
  it.each([
    [['本次纳入帮扶的产品主要为冷冻鱿鱼、冷冻扇贝柱和即食海参。'], ['冷冻鱿鱼', '冷冻扇贝柱', '即食海参'], 'gazetteer names with modifiers'],
    [['首批服务范围覆盖清真方便面、调味酱料和烘焙糕点3类产品。'], ['清真方便面', '调味酱料', '烘焙糕点'], 'a classified enumeration'],
    [['首批试点商品为活鳗鱼、冰鲜带鱼2类水产品。'], ['活鳗鱼', '冰鲜带鱼'], 'items not in the gazetteer, verbatim'],
    [
      [
        '<table><tr><td>项目</td><td>内容</td></tr><tr><td>适用产品</td><td>武鸣沃柑、百香果、火龙果</td></tr><tr><td>目标市场</td><td>越南、泰国</td></tr></table>',
      ],
      ['武鸣沃柑', '百香果', '火龙果'],
      'the row of a key-value table keyed by a goods word (适用产品)',
    ],
    [
      ['<table><tr><td>产品</td><td>产地</td></tr><tr><td>8424西瓜</td><td>浦东新区</td></tr><tr><td>马陆葡萄</td><td>嘉定区</td></tr></table>'],
      ['8424西瓜', '马陆葡萄'],
      'a variety code before the name (8424西瓜) is part of its form',
    ],
    [
      ['自5月1日起对经铁路出口的锂电池实施优化后的检验监管模式。', '首批适用的产品为储能电池柜、电动自行车用锂电池组。'],
      ['储能电池柜', '电动自行车用锂电池组'],
      'a class word in running text that listed products contain is their class, not another product',
    ],
    [['对鲜切花、咖啡生豆等特色农食产品实行优先查验。', '下一步，研究将坚果、食用菌等产品纳入专用通道。'], ['鲜切花', '咖啡生豆'], 'future ideas are excluded'],
    [['据统计，冷冻鱿鱼出口同比增长15%。', '对荔枝实施监测。'], ['荔枝'], 'statistics items are excluded'],
    [['2025年，辖区企业出口鲜苹果经验可借鉴。'], [], 'past examples are excluded'],
    [['出口鲜苹果（包括富士、嘎啦等品种）及浓缩苹果汁。'], ['鲜苹果', '浓缩苹果汁'], 'varieties are not products; longest form per product'],
    [['对赵县雪花梨、晋州鸭梨实施从果园到口岸的全过程监测。'], ['赵县雪花梨', '鸭梨'], "the last item's name ends where its clause's verb starts"],
    [
      ['首批试点产品（洞庭山碧螺春茶、速冻毛豆等5类）已于2026年5月公布并组织实施。', '本批试点产品为盐水鸭、宜兴红茶。'],
      ['盐水鸭', '红茶'],
      "goods of a list already published (已于…公布) are that list's",
    ],
    [['开通出口“绿色通道”，对出口柠檬、奉节脐橙优先验放。'], ['柠檬', '脐橙'], 'the verb starts at an adverb the segmenter tags a verbal noun (优先验放)'],
    [
      ['产品范围为豆瓣酱、火锅底料、复合调味料和花椒油。'],
      ['豆瓣酱', '火锅底料', '复合调味料', '花椒油'],
      'a name ending in a head noun (调味料) is a thing, whatever its tag',
    ],
    [
      ['服务对象为从事奶粉、奶酪、奶片出口的生产企业。'],
      ['奶粉', '奶酪', '奶片'],
      'a list after 从事, its last item closed by the trade direction (奶片出口的)',
    ],
    [
      ['首批试点适用于医疗器械、集成电路、工业机器人的保税检测业务，其他货物暂不纳入。'],
      ['医疗器械', '集成电路', '工业机器人'],
      'a cue of goods not yet in scope about the other goods (其他货物暂不纳入) leaves the named ones in scope',
    ],
    [['试点产品为大米。', '柑橘、茶叶暂不纳入。'], ['大米'], 'named goods not yet in scope (A、B暂不纳入) are out'],
    [
      [
        '为推动特色柑橘稳定出口，某海关确定试点企业。',
        '<table><tr><td>序号</td><td>企业名称</td><td>试点产品</td></tr><tr><td>1</td><td>某果业公司</td><td>南丰蜜橘</td></tr></table>',
      ],
      ['南丰蜜橘'],
      "a variety the table names (南丰蜜橘) is the product, not the class of the lead's running text (特色柑橘)",
    ],
    [
      ['试点产品为脐橙。', '试点产品在赣州、抚州属地完成检验检疫后出运。'],
      ['脐橙'],
      'what the pilot goods are called (试点产品) and where they are handled (属地) are no products',
    ],
    [
      ['运行首月，共验放出口茶油、黑茶42批，平均通关时间较以往缩短近一天。'],
      ['茶油', '黑茶'],
      'a comparison with before (较以往) is no look back: the sentence speaks of now',
    ],
    [
      ['试点产品为白蕉海鲈、菜心。', '首日即有14车次、共计62吨活海鲈、菜心通过绿色通道输往澳门。'],
      ['白蕉海鲈', '菜心'],
      'a name a found variety ends with (海鲈 after 白蕉海鲈) is that variety named again',
    ],
    [
      ['正值菠萝、荔枝上市旺季，海关对徐闻县出口菠萝、高州市出口荔枝开通绿色通道。'],
      ['菠萝', '荔枝'],
      'a time phrase (正值…上市旺季) is no list of goods; a trade direction after a place (高州市出口荔枝) is no part of the name',
    ],
    [
      ['试点产品为茶油。', '今年3月，某县的脐橙、沃柑以集拼方式出口，为本省农产品出口提速探索了经验。'],
      ['茶油'],
      'goods of a practice that explored or gave experience (探索了经验, 提供了参考) are a precedent',
    ],
    [
      ['海关重点帮扶辖区红枣加工企业和小米生产企业对标进口国标准。'],
      ['红枣', '小米'],
      'enterprises joined to the served ones (…和小米生产企业) are served too, and so are their goods',
    ],
    [
      ['企业可对从境外或区外进入保税区的集成电路、精密光学仪器开展保税维修。'],
      ['集成电路', '精密光学仪器'],
      'a zone (…进入保税区) is no product, so the goods after its 的 start the list',
    ],
    [
      ['海关确定赣南脐橙、南丰蜜桔、广昌白莲作为首批试点产品。', '另有部分企业成为重点服务对象。'],
      ['赣南脐橙', '南丰蜜桔', '广昌白莲'],
      'the last item ends before 作为 (serving as) as it does before 为',
    ],
    [
      ['主要面向出口日本、韩国的熟制禽肉、速冻调理食品和冷冻鸡肉串生产企业。'],
      ['熟制禽肉', '速冻调理食品', '冷冻鸡肉串'],
      'a trade direction with its destinations (出口日本、韩国的) announces the goods after it, as 出口的 does',
    ],
    [
      ['海关支持辖区企业扩大输往欧盟等地区的熟制禽肉、速冻调理食品和冷冻鸡肉串。'],
      ['熟制禽肉', '速冻调理食品', '冷冻鸡肉串'],
      'goods sent to named markets (输往欧盟等地区的) are a directed list',
    ],
    [
      ['对出口的锂离子动力电池、储能用锂电池和电动自行车用锂电池实施企业自检模式。'],
      ['锂离子动力电池', '储能用锂电池', '电动自行车用锂电池'],
      "the last item's own verb ends the list before a word (企业) that would make it a list of firms",
    ],
    [
      ['对出口枸杞实施“绿色通道”。', '今年以来，枸杞、葡萄酒出口订单稳步增长。'],
      ['枸杞', '葡萄酒'],
      "the last item's name ends where its export figures start (出口订单)",
    ],
    [
      ['对俄出口的果蔬、机电产品等铁路货物，发货人可在货物运抵前向海关提前申报。'],
      [],
      'a trade statistics category (机电产品) is an umbrella word, not a product',
    ],
    [['试点产品包括冷冻对虾、农残和重金属监测。'], ['冷冻对虾'], 'test items (农残, 重金属, 监测) are no products'],
    [
      ['试点产品为冷冻对虾。', '试点产品的监测项目包括毒死蜱、腐霉利、吡虫啉等农药残留。'],
      ['冷冻对虾'],
      'a list closed by a class of residues (等农药残留) names substances, not goods',
    ],
    [['试点产品为大白菜。', '试点方案参照某地出口苹果试点的做法制定。'], ['大白菜'], 'goods of a practice the page follows (参照…的做法) are a precedent'],
    [['试点产品涵盖乳制品和肉制品两大门类，具体名单见附表。'], [], 'categories named as such (两大门类) are no products'],
    [['试点产品为鲜切花。', '对出口量大、时效要求高的企业，海关安排专人对接。'], ['鲜切花'], 'a noun and its degree (量大, 要求高) describe firms, not goods'],
    [['重点服务脐橙、茶叶出口。'], ['脐橙', '茶叶'], 'a trade direction closing the last item is the clause’s verb'],
    [['（一）肉丸类：潮汕牛肉丸、牛筋丸等；'], ['潮汕牛肉丸', '牛筋丸'], 'a heading naming a class of goods announces its list'],
    [['三、申请类：填写表格、提交材料。'], [], 'a heading naming no goods announces no goods'],
    [['一列满载新能源汽车动力电池的班列启程。'], ['动力电池'], 'a name right before another qualifies it (新能源汽车动力电池)'],
    [['出口的浓缩苹果汁由某企业加工，原料苹果主要来自洛川等地。'], ['浓缩苹果汁'], 'the raw material of the goods (原料苹果) is not in scope'],
    [
      ['暂停前已受理的输往韩国的蓝莓、鲜食玉米集拼货物，按原流程办理完毕。'],
      ['蓝莓', '鲜食玉米'],
      'a word for goods closing the last item (集拼货物) is their class',
    ],
    [['装载着沃柑、蓝莓的1.8吨集拼货物从机场起飞。'], ['沃柑', '蓝莓'], 'a name ending in a word for goods (集拼货物) is a class, not a product'],
    [
      ['试点产品为奶酪。', '另据了解，某市一家企业的风干牛肉产品也已提出试点申请，目前正在评估中。'],
      ['奶酪'],
      'goods a firm has applied for are not yet in scope',
    ],
    [
      ['Mangoes from four exporters left on Monday.', 'A second consolidated load of lychees and longans was being prepared for the following week.'],
      ['芒果'],
      'goods of the next load are not yet in scope',
    ],
    [
      ['经横琴口岸、青茂口岸和中山港出口的活鱼、冰鲜禽肉、鲜鸡蛋等鲜活农产品。'],
      ['活鱼', '冰鲜禽肉', '鲜鸡蛋'],
      'a list starts after the ports its goods leave by',
    ],
    [['海关确定新会陈皮、台山烤鳗、鹤山粉葛为首批“一品一策”试点产品。'], ['陈皮', '烤鳗', '鹤山粉葛'], 'a list designated as pilot products (确定A、B为…产品)'],
    [['延边等地的黑木耳、松花江沿线的大米均可通过专用通道出口。'], ['黑木耳', '大米'], "the last item's name ends where its clause goes on (均可…)"],
    [['帮助中小农产品出口企业降低物流成本。'], [], 'small and medium firms (中小) are no product'],
    [['原名单第5项企业的服务产品“冷冻鱿鱼”，更正为“冷冻罗非鱼片”。'], ['冷冻罗非鱼片'], 'a correction with a comma before 更正为'],
    [['首批列入“白名单”的检测货物为：汽车电子控制单元、车载信息娱乐系统。'], ['汽车电子控制单元', '车载信息娱乐系统'], 'goods (货物) named after a scope word'],
    [['下一步，海关将研究将专用通道服务延伸至火锅底料、花椒等产品。'], [], 'goods a service is to be extended to are a plan'],
    [['进口冷冻牛肉、冷冻羊肉可同时选择“两步申报”模式。'], ['冷冻牛肉', '冷冻羊肉'], "the last item's name ends before a modal (可同时选择…)"],
    [
      ['适用于上述区域内企业出口的锂离子动力电池、储能用锂离子电池及电池模组，不包括含锂电池的整机设备和废旧锂电池。'],
      ['锂离子动力电池', '储能用锂离子电池', '电池模组'],
      'an exception (不包括…) leaves out only the goods after it',
    ],
    [
      ['试点产品为冷冻虾仁、烤鳗。', '活鳗鱼、需实施检疫处理的货物，暂不适用上述模式。'],
      ['冷冻虾仁', '烤鳗'],
      'an exception after the goods (…暂不适用) leaves them out',
    ],
    [
      ['可将境外客户委托检测的医用内窥镜、心脏起搏器、航空发动机燃油喷嘴三类货物运入区内检测。'],
      ['医用内窥镜', '心脏起搏器', '航空发动机燃油喷嘴'],
      'a list closed by a count of goods (三类货物): the items are goods whatever the segmenter tags their last word',
    ],
    [
      ['可对笔记本电脑主板、服务器整机、汽车电子控制单元等境外委托检测货物实行保税检测。'],
      ['笔记本电脑主板', '服务器整机', '汽车电子控制单元'],
      'a list closed by 等 and a class of goods',
    ],
    [['对青梅制品重点监控二氧化硫、甜味剂等食品添加剂使用。'], [], 'food additives monitored are no goods, nor is the clause before them'],
    [['一辆满载12.6吨速冻甜糯玉米的冷藏车在卡口完成核放。'], ['速冻甜糯玉米'], 'the vehicle carrying the goods (冷藏车) is no product'],
    [['试点产品为广式腊肠。', '其中，广式腊肠所用猪肉原料来自备案养殖场。'], ['腊肠'], 'the raw material of a product (猪肉原料) is no product of its own'],
    [['首府及周边地区出口的鲜食葡萄、哈密瓜、西梅等特色果蔬可在陆港申报。'], ['鲜食葡萄', '哈密瓜', '西梅'], 'a place word (首府) before the goods is no item'],
    [
      ['原清单第3项产品名称“兰溪枇杷”有误，应为“兰溪杨梅”。', '删除原清单第5项“义乌红糖”。'],
      ['杨梅'],
      'a name corrected as wrong (“A”有误，应为“B”) and a deleted item are out',
    ],
    [
      ['试点产品为速冻玉米。', '“以前晚上只能排队等到第二天，葡萄都蔫了。现在提前在手机上约好时间，半夜也能过关。”一位驾驶员说。'],
      ['速冻玉米'],
      'what a person says (direct speech over clauses and sentences) is an anecdote, not the scope',
    ],
    [['经“绿色通道”出口的产品以鲜食葡萄、哈密瓜和洋葱为主。'], ['鲜食葡萄', '哈密瓜', '洋葱'], 'goods listed as what the exports are mostly (产品以…为主)'],
    [
      ['<table><tr><td>序号</td><td>试点产品</td></tr><tr><td>1</td><td>牛肉丸</td></tr></table>', '对牛肉丸重点加强原料肉来源核查。'],
      ['牛肉丸'],
      'a lexicon name written as the start of a longer product the page names (牛肉 in 牛肉丸) is that product',
    ],
    [
      ['从品类看，浏阳的鲜切花、宁乡的鲜辣椒、望城的活体小龙虾占通道货物总量的八成以上。'],
      ['鲜切花', '鲜辣椒', '活体小龙虾'],
      'places with their 的 before the goods; the last item ends before its share (占…八成以上)',
    ],
    [
      ['首日即有14车次、共计62吨活海鲈、脆肉鲩和菜心通过“绿色通道”通关。'],
      ['活海鲈', '脆肉鲩', '菜心'],
      'a quantity inside an item opens the list of the goods it weighs',
    ],
    [
      ['斗门区的白蕉海鲈、中山的脆肉鲩以及珠中两地种植的菜心长期供应港澳市场。'],
      ['白蕉海鲈', '中山的脆肉鲩', '菜心'],
      'the clause goes on after the last name that follows 的 (…的菜心长期供应)',
    ],
    [
      ['首批纳入专用通道的产品为：凤凰单丛茶（潮安区、饶平县）、青梅蜜饯（普宁市）和卤鹅（澄海区）。'],
      ['凤凰单丛茶', '青梅蜜饯', '卤鹅'],
      'an aside in brackets after an item (its places) does not end the list',
    ],
    [['答：首批适用的产品为沃柑、砂糖橘和百香果。'], ['沃柑', '砂糖橘', '百香果'], 'two names of one lexicon entry listed side by side are two products'],
    [['5月26日，一批货值86万美元的工业缝纫机在外高桥港区完成出口放行。'], ['工业缝纫机'], 'goods named by their value'],
    [['对应的一批消费级无人机和智能手表从盐田港装船。'], ['消费级无人机', '智能手表'], 'a first item after 一批'],
    [
      ['荔枝是增城、从化两区的特色水果。', '首批纳入集拼的品种为桂味荔枝、糯米糍荔枝和仙进奉荔枝，主要供应香港。'],
      ['桂味荔枝', '糯米糍荔枝', '仙进奉荔枝'],
      'the product named only in passing is the topic of the varieties listed',
    ],
    [
      ['首批适用产品包括锂离子电池、储能电池组和电动自行车用锂电池三类。'],
      ['锂离子电池', '储能电池组', '电动自行车用锂电池'],
      'a use names a class of its own beside the product',
    ],
    [
      ['锂电池是本省出口的重要产品。', '本模式适用于储能用锂离子电池组和电动工具用锂离子电池。'],
      ['储能用锂离子电池组', '电动工具用锂离子电池'],
      'the product named only in passing is the topic of the classes listed by use',
    ],
    [
      ['本公告适用于企业出口的锂离子电池及含锂电池产品，包括储能用锂离子电池组、电动工具用锂离子电池和移动电源。'],
      ['储能用锂离子电池组', '电动工具用锂离子电池', '移动电源'],
      'a list after 包括 details the class named before it',
    ],
    [['将滚装运输的新能源汽车以及整柜运输的家用空调、注塑机纳入适用范围。'], ['新能源汽车', '家用空调', '注塑机'], "an item's own description before 的"],
    [
      ['本公告所称商品，是指列入《既是食品又是中药材的物质目录》、以食品用途申报进口的西洋参、西红花和玛咖。'],
      ['西洋参', '西红花', '玛咖'],
      'a list (目录) is no product',
    ],
    [['首批货物以蓝莓、普洱茶为重点。'], ['蓝莓', '普洱茶'], 'a list framed as 以…为重点 ends at 为'],
    [['二、适用产品。现阶段适用于鲜活小龙虾、莲藕和红菜薹。'], ['鲜活小龙虾', '莲藕', '红菜薹'], 'the first item starts after 适用于'],
    [
      [
        '一、分类管理。',
        '<table><tr><th>类别</th><th>商品范围</th></tr><tr><td>第一类</td><td>西洋参片、肉桂、八角茴香等以食用为主的商品</td></tr><tr><td>第二类</td><td>石斛等兼具药用属性的商品</td></tr></table>',
      ],
      ['西洋参片', '肉桂', '八角茴香', '石斛'],
      "a table cell's list ends where 等 opens a description of its class",
    ],
    [
      ['经评估，37个检测项目纳入首批“白名单”，涉及液相色谱质谱联用仪、超声诊断仪、工业内窥镜等设备。'],
      ['液相色谱质谱联用仪', '超声诊断仪', '工业内窥镜'],
      'a conjunction inside a word (涉及) separates nothing; 等设备 closes a list of goods',
    ],
    [
      ['将“两步申报”适用范围扩大至经阳逻港进口的工业机器人、数控机床及其零部件。'],
      ['工业机器人', '数控机床'],
      'what refers back (及其零部件) is no item of its own',
    ],
    [
      ['区内企业对下列货物开展保税检测的，可以申请纳入“白名单”：医疗影像设备、航空机载电子设备、工业机器人减速器。'],
      ['医疗影像设备', '航空机载电子设备', '工业机器人减速器'],
      'a list announced before a colon (下列货物…：)',
    ],
    [
      ['“抵港直装”现阶段重点支持新能源乘用车、工程机械整机及风电设备零部件。'],
      ['新能源乘用车', '工程机械整机', '风电设备零部件'],
      'a lexicon product vouches for the adjective-ending names beside it',
    ],
    [['试点产品为番茄和甘蓝。', '番茄、甘蓝主要来自山东寿光。'], ['番茄', '甘蓝'], 'the predicate starts at the adverb before its verb'],
    [
      ['企业办理出口光模块、光纤预制棒、工业激光器等高时效货物通关手续的，可预约通关。'],
      ['光模块', '光纤预制棒', '工业激光器'],
      'a class of goods before 通关 still closes the list',
    ],
    [
      [
        '现将白名单企业公布如下：',
        '<table><tr><th>序号</th><th>检测业务范围</th></tr><tr><td>1</td><td>笔记本电脑主板功能检测</td></tr><tr><td>2</td><td>扫描电子显微镜校准与检测</td></tr></table>',
      ],
      ['笔记本电脑主板', '扫描电子显微镜'],
      'a column of testing work names the goods before the service',
    ],
    [
      ['现将白名单项目公布如下：', '<table><tr><th>检测项目</th><th>检测商品</th></tr><tr><td>电气安全与电磁兼容</td><td>医用内窥镜</td></tr></table>'],
      ['医用内窥镜'],
      'a goods column is the product column before a column of testing work',
    ],
  ])('%j -> %j (%s)', (body, want) => {
    expect(names(body)).toEqual(want);
  });
  it('a provenance verb inside (来自), a relational verb first (具有), a time (上市时间, 封关后) and a full division inside (试点在中卫市中宁县) make no product name', () => {
    for (const w of ['牦牛肉来自海北', '上市时间', '封关后', '试点在中卫市中宁县', '具有锂电池', '植物检疫', '俄方检验检疫要求变化', '指经满洲里公路口岸出境'])
      expect(notAProduct(w, vocab), w).not.toBeNull();
    expect(notAProduct('试点在中卫市中宁县', vocab)).toBe('an address');
  });
  it("a place with a locative (保税区内), an industry (乳业), a trait or facility (产业特点, 预冷设施), a list opener (如下), a capital's nickname first (首府乳品) and a count of units (多家种植户) are no product names", () => {
    for (const w of ['出口加工区内', '车厢里', '茶业', '蔬菜产业特点', '冷库设施', '品种如下', '首府奶茶', '省会辣酱', '多家养殖户', '原产于美国', '原产地'])
      expect(notAProduct(w, vocab), w).not.toBeNull();
    expect(notAProduct('多家养殖户', vocab)).toBe('a count');
    expect(notAProduct('丝苗米', vocab)).toBeNull();
  });
  it('an aspect particle (听取了…) or a range (加工到成品) makes a clause, also beside goods in a list', () => {
    for (const w of ['听取了陆港运营', '了陆港运营', '烘焙加工到成品'])
      expect(notAProduct(w, vocab, 'sibling'), w).toBe('a fragment of a clause (aspect or range)');
    expect(notAProduct('咖啡浓缩液', vocab, 'sibling')).toBeNull();
  });
  it('a vessel named with its name (滚装船远景领航轮) is no goods', () => {
    expect(notAProduct('滚装船远景领航轮', vocab, 'sibling')).not.toBeNull();
  });
  it('a word for a market or an area (市场, 区域) is no division whose stem a name would lose as its origin', () => {
    expect([...localPlaces(['各企业目标市场如下，销售区域为东盟，产自神湾镇。'], vocab)]).toEqual(['神湾']);
  });
  it('a list opener (…目标市场如下) is no product', () => {
    const found = names(['重点企业涉及茶叶、红糖、食用菌和目标市场如下。']);
    expect(found).toContain('红糖');
    expect(found.filter((n) => n.endsWith('如下'))).toEqual([]);
  });
  it('names listed as sectors (…等产业链企业, …等行业, …等领域) are no products', () => {
    expect(names(['重点服务新能源电池、集成电路等产业链企业的通关需求。'])).toEqual([]);
    expect(names(['覆盖家具、玩具等行业的出口企业。'])).toEqual([]);
    expect(names(['重点服务冷冻罗非鱼片、鳗鱼干等出口产品。'])).toEqual(['冷冻罗非鱼片', '鳗鱼干']);
  });
  it('English names read in British spelling too (chilli sauce, yoghurt)', () => {
    expect(names(["Under this year's special action to promote cross-border trade facilitation, the pilot covers chilli sauce from Ningxiang."])).toEqual([
      '辣椒酱',
    ]);
  });
  it('the first item of a list loses the clause before it (我们选取横州茉莉花茶), as a user searches for the goods', () => {
    expect(extract(T, ['首批试点产品方面，我们选取横州茉莉花茶、六堡茶和螺蛳粉。']).products.map((p) => p.nameZh)).toEqual(['茉莉花茶', '六堡茶', '螺蛳粉']);
  });
  it('varieties the goods mostly are (荔枝以桂味、糯米糍为主) are the goods named before 以; kinds carrying its head noun are goods', () => {
    const zh = (body: string[]) => extract(T, body).products.map((p) => p.nameZh);
    expect(zh(['首批集拼出口荔枝运抵香港。', '本次出口的荔枝以桂味、糯米糍为主，从申报到放行用时不到1小时。'])).toEqual(['荔枝']);
    expect(zh(['出口锂电池实施分类检验。', '目前出口的锂电池以磷酸铁锂储能电池和三元锂离子动力电池为主。'])).toContain('磷酸铁锂储能电池');
  });
  it('an item holding a place and a verb after it (冷冻蓝莓主要经大连港装船出运) is the goods with their route, not a name', () => {
    const zh = (body: string[]) => extract(T, body).products.map((p) => p.display ?? p.nameZh);
    expect(zh(['首批试点产品为甜玉米、冷冻蓝莓主要经大连港装船出运。']).some((n) => n.includes('大连港'))).toBe(false);
  });
  it('a vehicle with its locative (拼装在同一辆冷链车上) is no goods, though a quantity word comes before it', () => {
    expect(
      extract(T, ['6月10日，3家企业的脆肉鲩、鳗鱼和菜心完成集中查验后，拼装在同一辆冷链车上，经珠海公路口岸出境。']).products.map((p) => p.nameZh),
    ).toEqual(['脆肉鲩', '鳗鱼', '菜心']);
  });
  it('the first item of a list the goods are said to be (产品主要有A、B) is the goods, not the phrase', () => {
    expect(extract(T, ['纳入“绿色通道”的产品主要有菜心、生菜和冰鲜鸡。']).products.map((p) => p.display ?? p.nameZh)).toEqual(['菜心', '生菜', '冰鲜鸡']);
  });
  it('a list closed by a raw-material word (所用的面粉、猪肉、鸡肉等原料) names what the goods are made of, not the goods', () => {
    const zh = (body: string[]) => extract(T, body).products.map((p) => p.nameZh);
    expect(zh(['首批重点服务速冻水饺和冷冻玉米粒两类产品。', '企业生产所用的面粉、猪肉、鸡肉等原料，其供应商管理纳入指导内容。'])).toEqual(['水饺', '玉米粒']);
  });
  it('in a statistics sentence, goods a measure is put in place on (对X实施“一品一策”) are in scope; goods only counted are not', () => {
    const zh = (body: string[]) => extract(T, body).products.map((p) => p.nameZh);
    expect(zh(['某海关对五常大米实施“一品一策”全过程质量安全监测，1—6月，五常大米出口新加坡2300余吨，同比增长36%。'])).toEqual(['大米']);
    expect(zh(['1—6月，五常大米出口新加坡2300余吨，同比增长36%。'])).toEqual([]);
  });
  it('English: pepper is a product (its customs line is named 未磨胡椒), but not in a place it grows in (pepper bases)', () => {
    const zh = (body: string[]) => extract(T, body).products.map((p) => p.nameZh);
    expect(zh(['The first pilot consignment of black pepper was exported to Singapore.'])).toEqual(['胡椒']);
    expect(zh(['Officials can now start checking at the pepper bases, and the first chili sauce was exported to Singapore.'])).toEqual(['辣椒酱']);
  });
  it('an English table names its goods in English in a Product column, and its markets in a markets column', () => {
    const r = extract(T, [
      'The second batch adds the following products:',
      '<table><tr><td>Pilot city</td><td>Product</td><td>Main destination markets</td></tr><tr><td>Jinhua</td><td>Dry-cured ham</td><td>Singapore</td></tr><tr><td>Changsha</td><td>Chili sauce</td><td>United States</td></tr></table>',
    ]);
    expect(r.products.map((p) => p.nameZh)).toEqual(['火腿', '辣椒酱']);
    expect(r.markets.map((m) => m.id)).toEqual(['SG', 'US']);
  });
  it('in English, goods said not to be in the batch, or to be considered later, are out of scope', () => {
    const found = names([
      "Under this year's special action to promote cross-border trade facilitation, the pilot covers lychees and longans.",
      'Navel oranges are not in the first batch, and ginger may be considered for a later one.',
    ]);
    expect(found).toEqual(['荔枝', '龙眼']);
  });
  it('a name the scope holds with a qualifier inserted (锂离子电池 beside 锂离子动力电池) is their class, not another product', () => {
    expect(names(['某海关对出口锂离子电池实施检验监管优化措施。本措施适用于出口锂离子动力电池和储能电池模组。'])).toEqual(['锂离子动力电池', '储能电池模组']);
  });
  it('the goods naming the firms a service is for give way to a list of the scope (适用产品为…)', () => {
    expect(names(['某海关即日起受理辖区出口乳制品生产企业前置指导申请。', '本次适用产品为奶酪、奶片和全脂乳粉。'])).toEqual(['奶酪', '奶片', '全脂乳粉']);
    expect(names(['某海关即日起受理辖区出口乳制品生产企业前置指导申请。'])).toEqual(['乳制品']);
  });
  it('steps of work counted after a list (…预配、装船等11个作业环节), a currency (万元人民币), a phrase with a preposition inside and a quoted slogan (“一柜多单”) are no goods', () => {
    expect(names(['某海关结合本地冷链物流特点，与港口企业共同梳理冷藏箱进港、预配、装船等11个作业环节，明确放行信息实时对接。'])).toEqual([]);
    expect(notAProduct('人民币', vocab)).not.toBeNull();
    expect(notAProduct('集拼品类向鲜切花', vocab)).toBe('a fragment of a clause (preposition)');
    expect(names(['集拼中心对出口蔬菜实行“一柜多单、分单核放”。'])).toEqual([]);
    expect(names(['一箱箱贴着中英文标签的甜樱桃被推上传送带。'])).toEqual(['甜樱桃']);
  });
  it('a tool something is done by (通过手机预约) is no goods', () => {
    expect(names(['一辆满载19.6吨鲜番茄的冷藏货车驶入口岸，司机已通过手机预约了通关时段。'])).toEqual(['鲜番茄']);
  });
  it('goods named by a quantity end before an adverb (1.2吨枸杞原浆也经…出口)', () => {
    expect(names(['同日另一批1.2吨枸杞原浆也经河东国际机场空运出口德国。'])).toEqual(['枸杞原浆']);
  });
  it('what another product is made from, by its source (冷鲜羊肉的活羊来自…), is no product', () => {
    expect(names(['本措施适用于出口的冷鲜羊肉、马铃薯。部分冷鲜羊肉的活羊来自周边盟市的养殖场。'])).toEqual(['冷鲜羊肉', '马铃薯']);
  });
  it('goods kept under the old rules (…暂按原有方式管理) are out; the exception reaches over its own point only, and a list does not go on after a semicolon', () => {
    expect(names(['本模式适用于空运出口的锂离子电池和储能电池模组；与设备包装在一起的锂电池，暂按原有方式管理。'])).toEqual(['锂离子电池', '储能电池模组']);
    // A bracket does not end the list: the item after it is still one; the aside's goods are named without its 含.
    expect(names(['首批适用于陈皮（含柑普茶）和烤鳗两类特色产品。'])).toEqual(['陈皮', '柑普茶', '烤鳗']);
  });
  it('a name ends where a place phrase (在…) starts', () => {
    expect(names(['一批重3.2吨的陈皮和柑普茶在新会区完成出口前检验。'])).toEqual(['陈皮', '柑普茶']);
  });
  it('an exception (…外), a town (…镇), an origin (自…) and 主要 are no product names', () => {
    expect(['蓝莓外', '金井镇', '自加拿大', '主要'].map((w) => notAProduct(w, vocab) !== null)).toEqual([true, true, true, true]);
  });
  it('a clause fragment ending in a verb, preposition or adverb is no product; a modifier or a lexicon name tagged as a verb is', () => {
    expect(['试点产品实施', '集拼中心出发', '可根据', '冷冻带鱼', '当归'].map((w) => notAProduct(w, vocab))).toEqual([
      'a fragment of a clause',
      'a fragment of a clause',
      'a fragment of a clause',
      null,
      null,
    ]);
  });
  it('a common name of a customs commodity line in running text gives its id and HS subheadings', () => {
    const r = extract(T, ['对出口莲藕、奶粉和实木家具开通“绿色通道”。']);
    expect(r.products.map((p) => [p.display ?? p.nameZh, p.id, p.hs?.[0]])).toEqual([
      ['莲藕', 'lotus-roots', '071490'],
      ['奶粉', 'milk-powder', '040210'],
      ['实木家具', 'furniture', '940320'],
    ]);
  });
  it('a longer common name in running text wins over a product inside it (大黄鱼 is no 大黄, 葡萄酒 no 葡萄)', () => {
    const r = extract(T, ['今年起对冰鲜大黄鱼实施“抵港直装”，葡萄酒也可提前申报。']);
    expect(r.products.map((p) => [p.display ?? p.nameZh, p.id, p.hs?.[0]])).toEqual([
      ['冰鲜大黄鱼', 'yellow-croaker', '030289'],
      ['葡萄酒', 'wine', '220410'],
    ]);
  });
  it('everyday names of food and manufactured exports give their customs lines', () => {
    const r = extract(T, ['对出口生姜、小麦面粉、空调和毛绒玩具开通“绿色通道”。']);
    expect(r.products.map((p) => [p.display ?? p.nameZh, p.id, p.hs?.[0]])).toEqual([
      ['生姜', 'ginger', '091011'],
      ['小麦面粉', 'wheat-flour', '110100'],
      ['空调', 'air-conditioners', '841510'],
      ['毛绒玩具', 'plush-toys', '950300'],
    ]);
  });
  it('product table rows: verbatim names, HS codes from the table, gazetteer ids', () => {
    const r = extract(T, [
      '<table><tr><td>序号</td><td>产品名称</td><td>商品编号</td></tr><tr><td>1</td><td>洞庭山碧螺春茶</td><td>0902.1090</td></tr><tr><td>2</td><td>苏式糕点</td><td>1905.9000</td></tr></table>',
    ]);
    expect(r.products).toEqual([
      { id: 'green-tea-biluochun', nameZh: '洞庭山碧螺春茶', hs: ['09021090'] },
      { id: 'pastries', nameZh: '糕点', display: '苏式糕点', hs: ['19059000'] },
    ]);
  });
});

describe('eligibility', () => {
  it.each([
    [
      ['申请企业应当同时具备以下条件：', '（一）在海关备案的出口食品生产企业；', '（二）有明确的出口目标市场。', '海关高级认证企业可优先安排。'],
      ['在海关备案的出口食品生产企业', '有明确的出口目标市场', '海关高级认证企业可优先安排'],
      'header, enumerated lines, priority line',
    ],
    [['纳入名单的企业须同时满足：果园已在海关注册登记；近一年内未被通报。'], ['果园已在海关注册登记', '近一年内未被通报'], 'list after the colon'],
    [
      [
        '四、申请条件',
        '申请企业应当同时具备以下条件：',
        '（一）在海关备案的出口食品生产企业；',
        '（二）有明确的出口目标市场。',
        '五、申请材料',
        '申请企业应当提交下列材料：',
        '（一）《试点企业申报表》（附件1）；',
        '（二）果园备案证明复印件。',
      ],
      ['在海关备案的出口食品生产企业', '有明确的出口目标市场'],
      'what an applicant must submit (应当提交下列材料：) is documents, not conditions',
    ],
    [
      [
        '某日报记者：企业申请加入保税检测“白名单”需要什么条件？',
        '梁志刚：企业需为综合保税区内注册的检测服务企业；具备相应检验检测资质；建立保税检测货物电子台账。符合条件的企业可向属地海关提交申请。',
      ],
      ['企业需为综合保税区内注册的检测服务企业', '具备相应检验检测资质', '建立保税检测货物电子台账'],
      "a press conference: an outlet's reporter asks about conditions, the answer opens with the speaker's name",
    ],
    [
      [
        '记者：试点企业需要满足什么条件？',
        '李文涛：主要有三条：种植基地已在海关备案；建立病虫害防控台账；近一年内未发生被截获有害生物的情况。目前已有37家企业纳入试点。',
      ],
      ['种植基地已在海关备案', '建立病虫害防控台账', '近一年内未发生被截获有害生物的情况'],
      'an answer whose short lead before a colon (主要有三条：) announces the run of conditions',
    ],
    [
      ['“能走‘绿色通道’的货物有明确要求。”某海关副科长介绍，申报货物须为鲜活易腐农产品，车辆须整车装载同一品类货物，发货人须为海关备案的出口果蔬种植基地。'],
      ['申报货物须为鲜活易腐农产品', '车辆须整车装载同一品类货物', '发货人须为海关备案的出口果蔬种植基地'],
      'clauses each stating what a party or the goods must be, after a word of requirements',
    ],
    [
      [
        '03 哪些企业可以申请？',
        '同时满足以下3个条件：',
        '✅ 已在海关备案的出口食品生产企业',
        '✅ 近1年内未发生出口产品被境外通报的情况',
        '✅ 承诺货物在口岸集中查验',
      ],
      ['已在海关备案的出口食品生产企业', '近1年内未发生出口产品被境外通报的情况', '承诺货物在口岸集中查验'],
      'bulleted items (✅) under a header that counts its conditions (同时满足以下3个条件)',
    ],
    [
      ['三、参与企业。目录内产品的出口生产企业申请纳入试点，应当在某海关关区内完成出口食品生产企业备案，且2025年1月1日以来未发生出口产品被境外通报的情况。'],
      ['在某海关关区内完成出口食品生产企业备案', '2025年1月1日以来未发生出口产品被境外通报的情况'],
      'the applicant named applying in a clause of its own before the modal (…企业申请纳入试点，应当…), under a heading',
    ],
    [
      [
        '<table><tr><td>留言内容</td><td>请问我公司出口的蔬菜能否走“绿色通道”？</td></tr><tr><td>答复内容</td><td>您好！使用“绿色通道”须满足以下条件：企业未被海关认定为失信企业，供货基地须已在海关备案。</td></tr></table>',
      ],
      ['企业未被海关认定为失信企业', '供货基地须已在海关备案'],
      'a reply laid out as a key-value table: the conditions in its prose',
    ],
    [
      [
        '<table><tr><td>事项</td><td>具体要求</td></tr><tr><td>适用区域</td><td>某综合保税区</td></tr><tr><td>申请企业条件</td><td>经海关认定的一般信用企业；具备检测场所和设备</td></tr><tr><td>申报材料</td><td>申请书、检测能力说明</td></tr></table>',
      ],
      ['经海关认定的一般信用企业', '具备检测场所和设备'],
      "in a table of a notice's sections, only the row keyed by conditions holds them",
    ],
    [
      ['二、参与条件。参与集拼的企业及其货物应当符合下表要求：', '企业资质：集拼服务企业须为在海关备案的报关单位。'],
      ['在海关备案的报关单位'],
      'a pointer to the table of conditions (应当符合下表要求) is none',
    ],
    [
      ['试点企业的条件为：包装厂已在海关注册登记；近一年出口未发生有害生物截获通报。'],
      ['包装厂已在海关注册登记', '近一年出口未发生有害生物截获通报'],
      'a header with a possessive (企业的条件为)',
    ],
    [
      ['【谁能办】', '企业信用等级为一般信用及以上；舱单已在船舶抵港前完整传输；已签订船边直提作业协议。'],
      ['企业信用等级为一般信用及以上', '舱单已在船舶抵港前完整传输', '已签订船边直提作业协议'],
      'a bracketed who-may-apply heading and its line of conditions',
    ],
    [
      ['答：申请企业应为在海关备案的出口食品生产企业，并同时满足以下要求：近两年内未被立案调查；不属于失信企业。'],
      ['在海关备案的出口食品生产企业', '近两年内未被立案调查', '不属于失信企业'],
      'a condition stated before the header',
    ],
    [
      ['入选基地均须满足种植面积不低于300亩、建立农药使用记录、近两年无出口不合格记录等要求。'],
      ['种植面积不低于300亩', '建立农药使用记录', '近两年无出口不合格记录'],
      'conditions named inline before 等要求',
    ],
    [
      ['符合条件的企业（已在合作区商事登记、已取得认可的数字证书），可通过“单一窗口”办理备案。'],
      ['已在合作区商事登记', '已取得认可的数字证书'],
      'conditions separated by 、 in brackets after 符合条件的企业',
    ],
    [
      ['适用本服务的境外旅客应为在我国境内连续居住不超过183天的外国人，同一日在同一商店购买的物品金额达到500元。'],
      ['在我国境内连续居住不超过183天的外国人', '同一日在同一商店购买的物品金额达到500元'],
      'travellers as the applicant of a service',
    ],
    [
      ['二、适用车辆应当已取得强制性产品认证，且不属于尚未完成召回的车型。'],
      ['已取得强制性产品认证', '不属于尚未完成召回的车型'],
      'vehicles as the subject of conditions',
    ],
    [['概要申报后车辆须在监管场所内等待检验，不得擅自移出。'], [], 'a step before the subject (…后) makes the modal a procedure'],
    [
      ['近一年内有出口农产品被境外通报记录的企业，暂不纳入“绿色通道”。'],
      ['近一年内有出口农产品被境外通报记录的企业，暂不纳入“绿色通道”'],
      'a record of notifications abroad disqualifies, stated on its own',
    ],
    [['参与试点的茶叶企业须取得有机认证，且茶园已在海关备案。'], ['取得有机认证', '茶园已在海关备案'], 'applicant + modal, connectors dropped'],
    [
      ['适用新模式的企业须为在海关备案的出口生产企业，出口产品须取得检测报告。'],
      ['在海关备案的出口生产企业', '出口产品须取得检测报告'],
      'the applicant of a new mode (适用) and 须为',
    ],
    [
      ['纳入白名单的企业，一是依法设立并具备检测资质；二是近两年内无走私违规记录。'],
      ['依法设立并具备检测资质', '近两年内无走私违规记录'],
      'inline 一是…二是… after the applicant',
    ],
    [
      ['试点期间，企业有下列情形之一的，移出试点名单：出口产品被境外通报不合格；拒不配合监测抽样。'],
      ['出口产品被境外通报不合格', '拒不配合监测抽样'],
      'cases that remove a pilot',
    ],
    [['试点产品的供货主体应为在海关备案的出口食品生产企业。'], ['在海关备案的出口食品生产企业'], 'the supplying entity (主体) as the applicant'],
    [['申请企业须由法定代表人签署承诺书。'], [], 'signing a form is procedure'],
    [
      ['一、遴选条件。首批名单按照以下条件遴选：（一）在海关备案满两年；（二）上一年度出口额不低于200万元。'],
      ['在海关备案满两年', '上一年度出口额不低于200万元'],
      'selection conditions (遴选条件, 按照以下条件)',
    ],
    [['四、申请条件。申报企业的具体条件详见附件1。'], [], 'a pointer to conditions elsewhere is no condition'],
    [
      [
        '试点企业须满足以下基本条件：',
        '<table><tr><td>条件</td><td>具体要求</td></tr><tr><td>备案情况</td><td>已在海关办理出口食品生产企业备案</td></tr><tr><td>通报记录</td><td>近两年无境外通报</td></tr></table>',
      ],
      ['已在海关办理出口食品生产企业备案', '近两年无境外通报'],
      'a two-column table of conditions: the last column states them, the first only names them',
    ],
    [
      ['答复：申请适用时应当符合以下要求：（1）进口商已在海关完成进口食品进口商备案；（2）商品标签不得宣称疾病治疗功能。'],
      ['进口商已在海关完成进口食品进口商备案', '商品标签不得宣称疾病治疗功能'],
      'requirements (以下要求) numbered inline in a reply',
    ],
    [
      ['负责人：门槛并不高，满足三个条件就可以申请：种植基地在海关备案，建立了农药使用记录，近一年没有被进口国通报。'],
      ['种植基地在海关备案', '建立了农药使用记录', '近一年没有被进口国通报'],
      'a counted set of conditions (满足三个条件) in an interview answer, separated by commas',
    ],
    [
      [
        '改革适用范围及条件如下：',
        '<table><tr><td>企业条件</td><td>进口企业须已在海关办理收发货人备案</td></tr><tr><td>车辆条件</td><td>车辆已取得强制性产品认证证书</td></tr></table>',
      ],
      ['进口企业须已在海关办理收发货人备案', '车辆已取得强制性产品认证证书'],
      'a key-value table with no header row (企业条件 | …)',
    ],
    [
      [
        '<table><tr><td>试点产品</td><td>鲜切花</td></tr><tr><td>申请条件</td><td>1.出口企业已在海关办理备案； 2.企业未被海关认定为失信企业。</td></tr></table>',
      ],
      ['出口企业已在海关办理备案', '企业未被海关认定为失信企业'],
      'a key-value row of conditions among other rows, numbered inside its cell',
    ],
    [
      ['附件2列明了申报条件：申报企业须为关区备案的出口食品生产企业，须具备全程追溯体系，近一年内不得有产品被境外官方通报。'],
      ['申报企业须为关区备案的出口食品生产企业', '具备全程追溯体系', '近一年内不得有产品被境外官方通报'],
      'a first clause with a modal (申报企业须为…) is a condition, not only whom they apply to',
    ],
    [
      [
        '公告第三条所列企业条件部分表述有误，现更正如下：',
        '一、第三条第（一）项原为“申请企业须为海关高级认证企业”，现更正为“申请企业信用等级为一般信用及以上”。',
      ],
      ['申请企业信用等级为一般信用及以上'],
      'a corrected condition: the new wording, not the one corrected away',
    ],
    [['将原来的“逐批检验”调整为“型式核查+批次抽检”，对符合条件企业的货物按比例抽检。'], [], 'a mode changed (调整为) is no correction of a condition'],
    [
      ['按照规定，参与商店应为已备案的离境退税商店，并与代理退付银行签订协议。'],
      ['已备案的离境退税商店', '与代理退付银行签订协议'],
      'a shop as the applicant (参与商店应为…)',
    ],
    [
      ['服务对象为在海关备案的乳制品出口生产企业。', '服务对象为石家庄市辖区内从事出口食品生产的企业。'],
      ['在海关备案的乳制品出口生产企业'],
      'whom a service is for, when it names a qualification (备案), not only a place',
    ],
    [
      ['二问：哪些企业可以申请？', '答：注册地在青岛市辖区（含即墨区、胶州市）的出口食品生产企业均可申请。'],
      ['注册地在青岛市辖区（含即墨区、胶州市）的出口食品生产企业'],
      'the class of firms that may apply (…的企业均可申请)',
    ],
    [
      ['三、申请条件。申请企业应当同时符合下列条件：', '（1）在关区注册登记的锂电池生产企业；', '（2）未被海关认定为失信企业。'],
      ['在关区注册登记的锂电池生产企业', '未被海关认定为失信企业'],
      'items numbered with Arabic digits in full-width brackets (（1）)',
    ],
    [
      ['拟申报企业可对照附件2《试点企业基本条件》提前做好准备，主要包括：须为在海关备案的出口食品生产企业，近两年无境外通报记录，并具有相对稳定的出口渠道。'],
      ['在海关备案的出口食品生产企业', '近两年无境外通报记录', '具有相对稳定的出口渠道'],
      'the basic conditions (基本条件) summed up after a colon',
    ],
    [
      ['三、申报条件。申报企业须符合附件1《企业申报条件》。附件1所列条件为：在海关备案的出口企业；近两年内无走私违法记录。'],
      ['在海关备案的出口企业', '近两年内无走私违法记录'],
      "the conditions an attachment lists (所列条件为); meeting the attachment's conditions is only a pointer to them",
    ],
    [
      ['问：申请企业需要满足什么条件？', '答：出口企业应已在海关完成备案。同时，申请企业不得存在以下情形：信用等级为失信企业的；供货基地未在海关备案的。'],
      ['已在海关完成备案', '信用等级为失信企业的', '供货基地未在海关备案的'],
      'the answer to a question about conditions; cases firms must not be in (不得存在以下情形)',
    ],
    [
      ['首批入选企业均为已在海关备案的出口食品生产企业；近两年内产品未被境外通报。'],
      ['已在海关备案的出口食品生产企业', '近两年内产品未被境外通报'],
      'what the selected firms all are (均为)',
    ],
    [
      ['一、申请条件', '（一）对申请企业的要求', '1.在海关备案的出口食品生产企业；', '2.已建立HACCP体系。'],
      ['在海关备案的出口食品生产企业', '已建立HACCP体系'],
      'a subheading among the items is no condition',
    ],
    [
      ['To take part, exporters must be registered with customs, and must not have had any consignment notified.'],
      ['must be registered with customs', 'must not have had any consignment notified'],
      'English: a phrase before the applicant, one condition per modal clause',
    ],
    [
      ['Exporters must be registered with customs as food producers, and their goods must be inspected at the designated site.'],
      ['must be registered with customs as food producers', 'their goods must be inspected at the designated site'],
      'English: a requirement on the goods is a condition of use too',
    ],
    [
      [
        'To use the service, exporters must meet three conditions: they must be registered as consignors, they must hold a digital certificate, and they must have no record of forged documents.',
      ],
      ['they must be registered as consignors', 'they must hold a digital certificate', 'they must have no record of forged documents'],
      'English: the conditions after a colon',
    ],
    [
      [
        'Applicants must:',
        'be registered with customs as an export food producer;',
        'have had no notification in the past two years; and',
        'have stable export orders.',
        'Applications go to local customs.',
      ],
      ['be registered with customs as an export food producer', 'have had no notification in the past two years', 'have stable export orders'],
      'English: one condition per line under a header ending in a colon',
    ],
    [
      ['集拼业务自即日起开展。', '被海关列为失信企业的，不得作为集拼发货人。', '有未结案违规案件的企业暂不受理申报。'],
      ['被海关列为失信企业的，不得作为集拼发货人', '有未结案违规案件的企业暂不受理申报'],
      'a case that disqualifies, stated on its own',
    ],
    [
      ['集拼业务自即日起开展。', '海关高级认证企业同等条件下优先纳入试点。', '海关将协调码头运营单位优先安排查验泊位。'],
      ['海关高级认证企业同等条件下优先纳入试点'],
      'a class of firms given priority is a condition; a terminal asked to give priority is not',
    ],
    [
      [
        '办理离境即退税须同时符合以下条件：',
        '在境内连续居住不超过183天的境外旅客；',
        '退税物品尚未启用或消费；',
        '离境日距购买日不超过90天。',
        '退税商店名单另行公布。',
      ],
      ['在境内连续居住不超过183天的境外旅客', '退税物品尚未启用或消费', '离境日距购买日不超过90天'],
      'lines without markers under a header: each ends in a semicolon, the last in a full stop',
    ],
    [['入选产品须同时满足出口规模较大、质量稳定、目标市场明确三项条件。'], ['出口规模较大', '质量稳定', '目标市场明确'], 'conditions named before 条件'],
    [
      ['附件：适用企业条件（一、在海关备案且为一般信用及以上企业；二、近一年内无不合格记录）'],
      ['在海关备案且为一般信用及以上企业', '近一年内无不合格记录'],
      'a bracketed list after a conditions word',
    ],
    [
      [
        'A: A company may apply if it meets all of the following conditions: it is a food manufacturer registered with customs; it has set up a HACCP system; and it has had no consignment rejected.',
      ],
      ['it is a food manufacturer registered with customs', 'it has set up a HACCP system', 'it has had no consignment rejected'],
      'English: a list after "the following conditions:" on the same line',
    ],
    [
      ['To qualify, a traveller must have stayed in China for no more than 183 days, and must spend at least 200 yuan in one store.'],
      ['must have stayed in China for no more than 183 days', 'must spend at least 200 yuan in one store'],
      'English: a traveller as the applicant',
    ],
    [
      ['Firms that have had shipments rejected abroad in the past 12 months are not eligible.'],
      ['Firms that have had shipments rejected abroad in the past 12 months are not eligible'],
      'English: a condition stated negatively',
    ],
    [
      ['四、申请条件。企业申请纳入通道的，应当符合附件1所列条件（在海关备案的出口食品生产企业；具备冷链运输能力）。'],
      ['在海关备案的出口食品生产企业', '具备冷链运输能力'],
      'the list in brackets after such a pointer',
    ],
    [
      ['三、企业条件。使用“绿色通道”的出口企业，应为一般信用及以上的企业，其供货基地须已在海关备案。'],
      ['一般信用及以上的企业', '供货基地须已在海关备案'],
      'subject in its own clause',
    ],
    [['软件开发企业应当做好特殊字符的转义处理。', '申请单位名称应当填写实际名称。'], [], 'obligations are not eligibility'],
    [['不符合条件的企业，不影响其按常规方式申报出口。'], [], 'negative statements are not criteria'],
    [
      ['二、参与条件', '（一）茶园位于试点县内；', '（二）上年出口量不少于20吨；', '（三）未被列入失信名单。', '三、申报方式。请于月底前报送。'],
      ['茶园位于试点县内', '上年出口量不少于20吨', '未被列入失信名单'],
      'a conditions heading on its own line, enumerated lines under it',
    ],
    [
      ['四、适用条件。选择集中查验的发货人，信用等级为一般信用及以上；货物已取得原产地证书。'],
      ['信用等级为一般信用及以上', '货物已取得原产地证书'],
      'conditions after the heading on the same line, the scope clause dropped',
    ],
    [
      ['五、准入条件。参加拼箱的各发货人均应已办理备案，所供果品的果园已在海关登记。'],
      ['参加拼箱的各发货人均应已办理备案', '所供果品的果园已在海关登记'],
      'a comma run after a heading: each clause verbatim',
    ],
    [
      ['报名企业应同时满足：', '1.注册地在试点区内；', '2.近一年内无违规记录。'],
      ['注册地在试点区内', '近一年内无违规记录'],
      'a header ending on the verb of satisfying',
    ],
    [['申请企业须满足以下条件：一是已建立追溯制度；二是具有稳定出口订单。'], ['已建立追溯制度', '具有稳定出口订单'], '一是/二是 items after the colon'],
    [['出口鲜果的种植企业只要已在海关备案，即可享受优先查验，无需另行申请。'], ['已在海关备案'], 'a sufficient condition (只要…即可) scoped to the applicant'],
    [['使用专用通道的出口企业须为海关备案企业，并应在货物发运前一日提交预约。'], ['海关备案企业'], 'what to do and when is procedure, not a condition'],
    [['列入名单的试点企业应当按照方案要求，配合海关开展监测，如实报送数据。'], [], "a designated pilot's obligations are not eligibility"],
    [
      ['<table><tr><td>序号</td><td>申请条件</td></tr><tr><td>1</td><td>已在海关备案</td></tr><tr><td>2</td><td>近两年无通报记录</td></tr></table>'],
      ['已在海关备案', '近两年无通报记录'],
      'a column of conditions in a table',
    ],
    [
      ['Applicants must hold a valid export food registration.', 'Customs will publish the list later.'],
      ['must hold a valid export food registration'],
      'English: applicant + must',
    ],
    [
      [
        'An applicant should be a registered export food producer with a stable raw material base, and should have had no major food safety incident in the past two years.',
      ],
      ['should be a registered export food producer with a stable raw material base', 'should have had no major food safety incident in the past two years'],
      'English: applicant + should, two clauses',
    ],
    [
      [
        'Applicants must meet the following conditions:',
        '- the farm is registered with customs as a supplier;',
        '- each consignment carries a valid health certificate.',
      ],
      ['the farm is registered with customs as a supplier', 'each consignment carries a valid health certificate'],
      'English items opened by a dash: the dash is no part of the condition',
    ],
    [
      [
        '申报企业应当是在海关备案的出口食品生产企业。',
        '以下企业不予受理：出口食品生产企业备案已被注销或者暂停的；被海关认定为失信企业的；加工用原料来自未备案基地的。',
      ],
      ['是在海关备案的出口食品生产企业', '出口食品生产企业备案已被注销或者暂停的', '被海关认定为失信企业的', '加工用原料来自未备案基地的'],
      'firms turned away, listed after 以下企业不予受理：',
    ],
    [
      [
        '<table><tr><th>申请主体</th><th>应当具备的条件</th><th>不予受理的情形</th></tr><tr><td>集拼企业</td><td>1.在关区内注册并办理报关单位备案； 2.集拼仓库具备冷藏设施。</td><td>近一年内因申报不实被海关行政处罚的</td></tr></table>',
      ],
      ['在关区内注册并办理报关单位备案', '集拼仓库具备冷藏设施', '近一年内因申报不实被海关行政处罚的'],
      'a table with a column of conditions and a column of cases turned away: both hold conditions',
    ],
    [
      [
        '<table><tr><th>项目</th><th>内容</th></tr><tr><td>适用条件</td><td>1.出口企业信用等级为一般信用及以上； 2.集装箱已施加电子封志。</td></tr><tr><td>不适用情形</td><td>1.申报数据与舱单数据不一致的；</td></tr><tr><td>咨询电话</td><td>0769-88106234</td></tr></table>',
      ],
      ['出口企业信用等级为一般信用及以上', '集装箱已施加电子封志', '申报数据与舱单数据不一致的'],
      'a key-value table: the row of cases it does not apply to (不适用情形) holds conditions too',
    ],
    [
      ['企业有下列情形之一的，不予受理：', '（一）未在海关登记的；', '（二）近一年内有走私记录的。'],
      ['未在海关登记的', '近一年内有走私记录的'],
      'disqualifying cases under a header are conditions stated negatively',
    ],
    [
      ['三、存在以下情形之一的，不得参加拼箱：（一）被认定为失信企业的；（二）货物被境外通报过的。'],
      ['被认定为失信企业的', '货物被境外通报过的'],
      'disqualifying cases after the colon',
    ],
    [
      ['有下列情形之一的企业，不列入试点：（一）被海关认定为失信企业的；（二）未建立原料溯源记录的。'],
      ['被海关认定为失信企业的', '未建立原料溯源记录的'],
      'disqualifying cases, whatever the negated verb (不列入)',
    ],
    [
      ['信用放行适用于以下企业：海关高级认证企业；连续两年无质量问题的一般信用企业。'],
      ['海关高级认证企业', '连续两年无质量问题的一般信用企业'],
      'the firms a measure applies to (适用于以下企业：)',
    ],
    [
      ['一、申报条件。申报企业应在海关备案。', '二、申报材料。申报企业须填写申报表（附件2），并附营业执照和海关备案证明等材料。'],
      ['在海关备案'],
      'filling in a form and attaching papers is procedure, not a condition',
    ],
    [
      ['申请使用“绿色通道”的出口企业，其供货果园或种植基地应已在海关备案，且近一年内未发生出口产品被境外通报的情况。'],
      ['已在海关备案', '近一年内未发生出口产品被境外通报的情况'],
      'a subject referring back (其供货果园) is the applicant named in the clause before',
    ],
    [
      ['申请企业的果园须已在海关备案；同时，申请企业需接入数据共享平台，以便实时推送装运信息。'],
      ['已在海关备案', '申请企业需接入数据共享平台'],
      'a purpose (以便…) is no condition',
    ],
    [
      ['二、申报条件。申报产品及企业应符合附件1《申报条件》所列要求。附件1列明的申报条件为：申报企业应为已在海关备案的出口食品生产企业。'],
      ['申报企业应为已在海关备案的出口食品生产企业'],
      'a pointer to conditions in a named attachment is no condition',
    ],
    [
      ['三、企业条件。适用分类管理的进口收货人，应当已向海关办理进口食品收货人备案。'],
      ['已向海关办理进口食品收货人备案'],
      'who the measure applies to (适用…的收货人) is scope, not a condition',
    ],
    [
      ['问：哪些企业可以申请？', '答：申请企业应当同时具备以下条件：', '1.果园已在海关备案；', '2.近一年内无违规记录。'],
      ['果园已在海关备案', '近一年内无违规记录'],
      'a Q&A answer read as a line of its own',
    ],
    [
      ['<table><tr><td>条件类别</td><td>条件内容</td></tr><tr><td>信用</td><td>信用等级为一般信用及以上</td></tr></table>'],
      ['信用等级为一般信用及以上'],
      'a column of condition contents',
    ],
    [
      ['附件：2.后续批次申报须知（申报企业须取得出口食品生产企业备案，且近两年出口产品未被境外通报不合格）.docx'],
      ['取得出口食品生产企业备案', '近两年出口产品未被境外通报不合格'],
      'the applicant + modal inside an attachment name (须知 is a noun, not a modal)',
    ],
    [
      ['符合条件的企业（海关信用等级为一般信用及以上；已开通税款电子支付担保），可自主选择适用。'],
      ['海关信用等级为一般信用及以上', '已开通税款电子支付担保'],
      'a bracketed list after whom the conditions qualify (符合条件的企业（…；…）)',
    ],
    [
      ['三、试点企业应当持续满足的条件', '出口果园已在海关注册登记；建立质量追溯制度；近一年内产品未被通报不合格。不再符合上述条件的，海关将取消其试点资格。'],
      ['出口果园已在海关注册登记', '建立质量追溯制度', '近一年内产品未被通报不合格'],
      'a heading ending in 条件, one line of conditions under it; what happens when they stop being met is none',
    ],
    [
      ['Visitors qualify if they have stayed in China for no more than 183 days, spend at least 200 yuan in one store, and take the goods out within 90 days.'],
      ['they have stayed in China for no more than 183 days', 'spend at least 200 yuan in one store', 'take the goods out within 90 days'],
      'English: each clause after "qualify if"',
    ],
    [
      [
        'Exporters of the listed products may apply if they are registered with customs, have had no overseas notification in the past year, and keep production records.',
      ],
      ['they are registered with customs', 'have had no overseas notification in the past year', 'keep production records'],
      'English: whom the condition is for may be qualified (Exporters of the listed products may apply if …)',
    ],
    [
      ['据介绍，雨花茶试点对辖区茶企开放申请。企业须在南京市内拥有自有茶园，茶园应已在海关备案。'],
      ['在南京市内拥有自有茶园', '茶园应已在海关备案'],
      'a sentence opening a measure to applications (…开放申请) makes the next sentence’s applicant + modal its conditions',
    ],
    [
      ['某海关提示，需要使用内陆绿色通道的出口企业，应当在某海关辖区备案，出口产品须已获得输入国家准入。'],
      ['在某海关辖区备案', '出口产品须已获得输入国家准入'],
      'a modal inside the clause naming the applicant (需要使用…的出口企业) describes it; the conditions follow',
    ],
    [
      [
        'To qualify, a manufacturer must be registered with customs as a producer of export goods, must hold valid UN38.3 test reports for its battery models, and must have had no serious customs violation in the past 12 months.',
      ],
      [
        'must be registered with customs as a producer of export goods',
        'must hold valid UN38.3 test reports for its battery models',
        'must have had no serious customs violation in the past 12 months',
      ],
      'English: a manufacturer as the applicant; a point inside a test standard (UN38.3) ends no sentence',
    ],
    [
      [
        'To use the model, an importer must be registered with customs as a consignee of imported food, keep records of the sale of each batch and have had no food safety penalty in the past two years.',
      ],
      [
        'must be registered with customs as a consignee of imported food',
        'keep records of the sale of each batch',
        'have had no food safety penalty in the past two years',
      ],
      'English: the verbs one modal governs are one condition each',
    ],
    [
      [
        'To take part, shippers must be registered with customs, their farms must be on record with customs, and bookings for goods subject to quarantine treatment must be made no later than 6 pm on the previous day.',
      ],
      [
        'must be registered with customs',
        'their farms must be on record with customs',
        'bookings for goods subject to quarantine treatment must be made no later than 6 pm on the previous day',
      ],
      'English: a clause with a subject of its own and its modal is a condition of its own, however long its subject',
    ],
    [
      ['试点企业的确定综合考虑以下因素：一是已在海关备案满两年；二是建有质量追溯制度；三是上年度出口额不低于50万美元。'],
      ['已在海关备案满两年', '建有质量追溯制度', '上年度出口额不低于50万美元'],
      'the factors pilot firms are chosen by (试点企业的确定综合考虑以下因素：一是…) are their conditions',
    ],
    [
      ['企业申请进入内陆“绿色通道”，一是应为在海关备案的出口食品生产企业；二是海关信用等级为一般信用及以上。'],
      ['在海关备案的出口食品生产企业', '海关信用等级为一般信用及以上'],
      'inline conditions after the applicant applying for something (企业申请进入…，一是…)',
    ],
    [
      ['申报企业须具备下列条件：', '（一）已在海关备案；', '（二）未被列入严重失信主体名单。', '存在近一年内出口产品被境外退运情形的企业，不得申报。'],
      ['已在海关备案', '未被列入严重失信主体名单', '存在近一年内出口产品被境外退运情形的企业，不得申报'],
      'a case that bars firms (存在…被境外退运情形的企业，不得申报) is a condition stated negatively',
    ],
    [
      ['二、推荐条件。推荐企业应符合附件1所列条件，即：注册地在本市的出口食品生产企业；已在海关备案；出口额不低于300万美元。'],
      ['注册地在本市的出口食品生产企业', '已在海关备案', '出口额不低于300万美元'],
      'conditions of a recommendation, spelled out after a pointer (所列条件，即：)',
    ],
    [
      ['请有意申请的企业对照附件逐项自评，确认本企业备案满两年、主营产品为百合或牛羊肉制品、上一年度出口额不低于100万元且未列入失信企业名单后，再提交申请。'],
      ['备案满两年', '主营产品为百合或牛羊肉制品', '上一年度出口额不低于100万元', '未列入失信企业名单'],
      'what the applicant is asked to confirm about itself (确认本企业A、B且C后), a list inside a condition kept whole',
    ],
    [
      ['申请使用通道的企业，请随表提交证明材料，证明其种植场已在海关备案，近一年内未发生产品被退货的情况，且运输车辆已安装卫星定位装置。'],
      ['种植场已在海关备案', '近一年内未发生产品被退货的情况', '运输车辆已安装卫星定位装置'],
      'what the applicant proves about itself (证明其A，B，且C)',
    ],
    [['旅客在出境后出示购物凭证，海关现场核验后即时确认其离境信息，几分钟后退税款便到账。'], [], 'what customs confirms (海关…确认其离境信息) is no condition'],
    [
      ['四、企业条件。（一）海关信用等级为一般信用及以上；（二）出口货物能够在截港前运抵码头；（三）具备开展电子申报的条件。'],
      ['海关信用等级为一般信用及以上', '出口货物能够在截港前运抵码头', '具备开展电子申报的条件'],
      'a heading and its items on one line; an item that has or meets something and ends in 条件 is a condition, not a subheading',
    ],
    [
      ['一、申请条件', '（一）具备开展电子申报的条件；', '（二）海关信用等级为一般信用及以上。'],
      ['具备开展电子申报的条件', '海关信用等级为一般信用及以上'],
      'an enumerated item ending in 条件 that has something (具备…的条件) is a condition, not a subheading',
    ],
    [
      ['后续拟申请的企业，请对照附件2准备材料。附件所列条件主要包括：已取得出口食品生产企业备案；原料基地已纳入海关监管。'],
      ['已取得出口食品生产企业备案', '原料基地已纳入海关监管'],
      'a header naming the listed conditions with 主要 (所列条件主要包括：)',
    ],
    [
      [
        '问二：企业需要满足哪些条件？',
        '答：海关信用等级为一般信用及以上；已与码头经营单位签订作业协议；所涉商品不需实施检疫处理。',
        '问三：遇到问题找谁？',
        '答：可拨打服务热线。',
      ],
      ['海关信用等级为一般信用及以上', '已与码头经营单位签订作业协议', '所涉商品不需实施检疫处理'],
      'the answer to a question about conditions, one run separated by semicolons',
    ],
    [
      ['记者：企业需要满足什么条件？', '负责人：条件并不复杂。出口企业的果园须已在海关备案；企业需接入数据共享平台。符合条件的企业提出申请即可。'],
      ['出口企业的果园须已在海关备案', '企业需接入数据共享平台'],
      'in an answer, only the sentence that is a run of conditions: not a remark around it',
    ],
    [
      ['申请企业应当具备出口产品自检能力，近一年内无违规记录，海关对试点企业出口货物实施便利查验，并定期通报审核结果。'],
      ['具备出口产品自检能力', '近一年内无违规记录'],
      "a clause with the authority as its subject (海关对…, 并定期通报…) ends the applicant's conditions",
    ],
    [
      ['列入名单的企业均满足：具备锂电池UN38.3测试能力；近两年未发生境外安全事故通报。'],
      ['具备锂电池UN38.3测试能力', '近两年未发生境外安全事故通报'],
      'what every listed firm meets (均满足：)',
    ],
    [
      ['后续申请纳入试点的企业仅限于在海关备案的出口水果果园，且近一年内未被进口国通报。'],
      ['在海关备案的出口水果果园', '近一年内未被进口国通报'],
      'who the applicants are limited to (仅限于)',
    ],
    [['申请参加后续批次的企业应拥有自有捕捞基地，并已建立追溯记录。'], ['拥有自有捕捞基地', '已建立追溯记录'], '应 before 拥有 is the modal'],
    [
      ['企业条件', '开展集拼业务的企业应当具备海关认可的监管仓库，参与拼装的货物均须来自已备案的基地。'],
      ['具备海关认可的监管仓库', '参与拼装的货物均须来自已备案的基地'],
      'a bare heading line (企业条件) opens a conditions section',
    ],
    [['正在被海关立案调查的企业，暂不纳入新模式管理。'], ['正在被海关立案调查的企业，暂不纳入新模式管理'], 'a case under investigation disqualifies'],
    [
      ['企业申请签发电子原产地证书的，应当已在海关办理原产地企业备案，并使用经认可的数字证书签章。'],
      ['已在海关办理原产地企业备案', '使用经认可的数字证书签章'],
      'the applicant opening a conditional clause the modal follows (企业申请…的，应当…)',
    ],
    [
      ['有意使用专用通道的企业，请填写登记表，并在登记表中作出如下承诺：企业已在海关完成备案，种植基地符合出口备案要求。'],
      ['企业已在海关完成备案', '种植基地符合出口备案要求'],
      'what the applicant commits to (作出如下承诺：)',
    ],
    [['参加首批指导的企业须已获得出口食品生产企业备案。'], ['已获得出口食品生产企业备案'], 'the applicant of a round (参加…的企业)'],
  ])('%j -> %j (%s)', (body, want) => {
    expect(extract(T, body).eligibility).toEqual(want);
  });
});

describe('signal', () => {
  const A = '按照今年促进跨境贸易便利化专项行动部署，某海关在苏州推行农产品“绿色通道”。';
  it.each([
    ['首票！试点产品顺利出口日本', ['按“一品一策”要求出口。'], 'operational'],
    ['某海关“绿色通道”保障果蔬冷链专列出境', [A, '这是专项行动开展以来验放的首列冷链专列。'], 'operational'],
    ['某地首列出口果蔬冷链专列顺利出境', [A, '货物当天出境。'], 'operational'],
    ['某地通关再提速：专项行动措施落地两个多月', [A, '企业预约查验随到随查。'], 'operational'],
    ['某机场开通鲜活农产品出口“绿色通道” 首批脐橙空运香港', [A, '货物当天起飞。'], 'launch'],
    [
      '某海关关于更正2026年第9号公告附件有关内容的公告',
      ['某海关2026年第9号公告（关于公布“一品一策”试点产品的公告）附件《试点城市及产品清单》部分内容有误，现更正如下：', '附件其他内容不变。'],
      'pilot-list',
    ],
    [
      '某海关关于更正2026年第5号公告部分内容的公告',
      ['某海关2026年第5号公告《关于在陆港区推行进口货物“两步申报”的公告》第三条所列企业条件部分表述有误，现更正如下：', '原公告其他内容不变。'],
      'eligibility',
    ],
    ['某海关推出出口生鲜“集拼”新模式 大白菜、葡萄拼箱出海', [A, '货物当天装船。'], 'launch'],
    ['“绿色通道”开通后首批农产品从某地发往尼泊尔', [A, '货物当天出境。'], 'operational'],
    [
      '出口锂电池检验监管新模式落地 首批储能电池搭乘中欧班列发往德国',
      ['按照今年促进跨境贸易便利化专项行动部署，某海关优化出口锂电池检验监管。'],
      'operational',
    ],
    ['“一企一策”助力某地牛肉丸走俏东盟', [A, '这是今年以来辖区企业出口的第12批牛肉丸。'], 'operational'],
    ['某海关公布第二批试点企业名单', [A, '这是今年公布的第二批试点名单。'], 'pilot-list'],
    ['某海关关于公布“一品一策”首批试点产品清单的公告', ['现公布如下。'], 'pilot-list'],
    // A notice putting a measure in place for a class of goods (对…实施…) is a launch, whatever conditions and procedure its body sets out.
    ['某海关关于对出口蔬菜实施“一品一策”管理的公告', ['现公告如下。'], 'launch'],
    ['某海关关于对进口干果实施分类管理的公告', [A, '一、申请条件', '企业应当已备案。', '二、办理流程', '企业提交申请表。'], 'launch'],
    ['某海关关于设立农产品出口专用通道的公告', [A, '一、适用条件', '企业应当已备案。', '二、申请方式', '企业提交申请表。'], 'launch'],
    // A service firms apply for: who it is for, who is turned away, how and by when to apply.
    [
      '某海关关于开展出口水产品企业前置指导服务的通知',
      [A, '一、服务对象。出口水产品生产企业。', '二、不予受理情形。未备案的企业。', '三、申请方式。企业填写申请表。'],
      'eligibility',
    ],
    ['某海关关于开展出口企业“一企一策”精准帮扶的通知', [A, '符合条件的企业于9月15日前向属地海关提交申请。'], 'eligibility'],
    ['某海关关于开展出口企业“一企一策”前置指导的公告', [A, '二、申请条件。企业须已备案。', '四、申请时间。即日起至8月31日。'], 'eligibility'],
    // Designating places and entries of a register is a list too.
    ['某海关关于公布“一地一策”内陆绿色通道首批试点地区的公告', [A, '现公告如下。'], 'pilot-list'],
    ['某海关关于公布出口农食产品“一品一策”试点名录（第一批）的通知', [A, '现通知如下。'], 'pilot-list'],
    ['某海关关于更正第二批适用产品公告部分内容的公告', [A, '现更正如下。'], 'pilot-list'],
    // A Q&A or a guide names its topic in its title, not an event: it tells how to use the measure.
    ['某海关出口东盟鲜果“绿色通道”政策问答', [A, '一、什么是绿色通道？', '优先查验。'], 'eligibility'],
    ['某地鲜活农产品出口俄罗斯“绿色通道”申请指南', [A, '企业提交材料。'], 'eligibility'],
    // English: a first consignment, shoppers or job moving, handled or completed reports use.
    ["A county's first pear shipment under 'one product, one policy' heads for Dubai", [A, 'The pears were packed on Monday.'], 'operational'],
    ["Some port handles first 'direct loading on arrival' export under this year's special action", [A, 'The cargo was loaded on Monday.'], 'operational'],
    ['Inland green channels start moving goods in two cities', [A, 'Trucks left on Monday.'], 'operational'],
    ['Consolidated Fresh Produce Rolls Across a Border Port', [A, 'Trucks left on Monday.'], 'operational'],
    ["A port's instant tax refund passes 3,000 claims", [A, 'Shoppers were refunded at the store.'], 'operational'],
    [
      "A city issues first merged certificate for imported vehicles under this year's special action",
      [A, 'The cars were registered on Monday.'],
      'operational',
    ],
    ['First frozen fish exports cleared at a port under new model', [A, 'The fish left on Monday.'], 'operational'],
    ['Customs names first pilot products for a service in two cities', [A, 'The products were chosen in May.'], 'pilot-list'],
    ['GACC names first products under a service in three cities', [A, 'The products were chosen in May.'], 'pilot-list'],
    ['某海关关于开展“一企一策”指导的通知', ['一、申请条件', '申请企业应当具备以下条件：', '（一）已备案。', '二、办理流程', '企业提交申请表。'], 'eligibility'],
    ['某海关关于开通鲜活农产品出口“绿色通道”的公告', ['自即日起开通。'], 'launch'],
    [
      '《某海关关于推行出口锂电池检验监管新模式的公告》解读',
      [
        A,
        '一、出台背景是什么？',
        '为落实专项行动部署。',
        '二、企业需要满足什么条件？',
        '企业应当同时符合以下条件：信用良好。',
        '三、如何申请？',
        '企业提交申请。',
      ],
      'eligibility',
    ],
    [
      '《某海关关于推行出口锂电池检验监管新模式的公告》解读',
      [
        A,
        '一、出台背景是什么？',
        '为落实专项行动部署。',
        '二、哪些企业可以适用新模式？',
        '企业应当同时符合以下条件：信用良好。',
        '三、货物出运有什么变化？',
        '随到随检。',
      ],
      'launch',
    ],
    ['关于某事的通知', ['无关内容。'], 'other'],
    ['某口岸出口再提速 某海关出台四项举措', ['按照今年促进跨境贸易便利化专项行动部署，在苏州推行农产品“绿色通道”。', '自即日起实施。'], 'launch'],
    [
      '某海关关于在某综合保税区实施保税检测“白名单”管理的公告',
      ['一、申请条件', '申请企业应当具备以下条件：', '（一）已备案。', '二、办理方式', '企业提交申请表。'],
      'launch',
    ],
    [
      '某地特产搭乘班列出口欧洲',
      ['按照今年促进跨境贸易便利化专项行动部署，在苏州推行农产品“绿色通道”。', '7月8日，一列班列驶出。这是今年专项行动启动以来首批适用新模式的货物。'],
      'operational',
    ],
    [
      'Mangoes reach Hong Kong faster',
      [
        "Nanning Customs opened a green channel for fresh farm produce in Nanning under this year's special action to facilitate cross-border trade.",
        'By July 20, the station had cleared 86 consignments.',
      ],
      'operational',
    ],
    [
      '某海关关于公布首批试点企业及产品的通知',
      ['按照今年促进跨境贸易便利化专项行动部署，在苏州推行农产品“绿色通道”。', '确定首批试点企业6家，现将名单予以公布。'],
      'pilot-list',
    ],
    ['某海关关于开展“一企一策”指导申报工作的通知', ['现将有关事项通知如下。'], 'eligibility'],
    // The title's last predicate: goods shipped, or a measure put in place, whatever the body reports.
    ['某口岸启用快检实验室 首批鲜桃经陆路运往越南', [A, '这批鲜桃在口岸完成查验。'], 'operational'],
    ['某地荔枝出口新加坡开通“绿色通道”', [A, '6月1日，一批荔枝完成查验。这是该口岸首批经绿色通道出口的荔枝。'], 'launch'],
    ['某港出口陶瓷推行提前申报 货物到港即可装船', [A, '企业在装箱前即可申报。'], 'launch'],
    ['某铁路物流园实行“7×24小时预约通关”', [A, '6月1日晚，一列班列从物流园驶出，这是该物流园实行预约通关后开出的首趟班列。'], 'launch'],
    ['Pears from a county reach Dubai under the special action', [A, 'The pears were cleared on Monday.'], 'operational'],
    ['Some Customs opens green lane for fresh fruit', [A, 'The first consignment, 10 tonnes of pears, left on Monday.'], 'launch'],
    [
      'Fresh produce consolidation at a border port suspended during repair works',
      [A, 'The consolidation service, introduced in April as one of the measures of the special action, is suspended from July 8.'],
      'suspended',
    ],
    ['某口岸“智能审图”上线首月 查验提速三成', [A, '系统上线一个月。'], 'operational'],
    ['某地口岸措施落地见闻', [A, '记者近日走访了三地口岸。'], 'operational'],
    ['某地专用通道助力柠檬搭乘班列驶向欧洲', [A, '一列满载柠檬的班列驶出。截至6月底，专用通道共验放出口农食产品412批、货值2.3亿元。'], 'operational'],
    ['海关总署调研组赴某省调研促进跨境贸易便利化专项行动落实情况', [A, '调研组实地察看了作业流程。'], 'operational'],
    ['一坛泡菜的“出海记”——某海关以“一品一策”护航泡菜走向日本', [A, '一个冷藏集装箱完成装柜施封。这是该公司今年以来发往日本的第11柜泡菜。'], 'operational'],
    ['某地“绿色通道”跑出加速度 特色农产品搭乘班列出口', [A, '一列班列从陆港出发。'], 'operational'],
    ['某综合保税区首批“白名单”保税检测业务落地', [A, '首批业务涵盖服务器主板。'], 'operational'],
    ['某海关举行新闻通气会 某港区进口“两步申报”应用率升至八成', [A, '应用率由年初的31%升至80.6%。'], 'operational'],
    ['某市首批3类农食产品入选出口“一品一策”试点', [A, '海关确定鲜食玉米等3类产品为首批试点产品。'], 'pilot-list'],
    // 首次 with a verb of putting in place or designating reports the start, not a first use.
    ['某区“即买即退”升级', [A, '这是该区首次推行即买即退。'], 'launch'],
    ['某省三类特产纳入出口“一品一策”试点', [A, '这是该省产品首次纳入该项试点。'], 'pilot-list'],
    ['某综合保税区首批保税检测“白名单”企业名单公布', [A, '经企业申请、海关审核，现将首批企业公布如下。'], 'pilot-list'],
    [
      'Pears from a county join "one product, one policy" pilot',
      ["Pears have been designated as a pilot product under this year's special action, customs said."],
      'pilot-list',
    ],
    ['某地特产出口企业体系指导报名开始', [A, '报名企业应同时满足：', '1.已备案。'], 'eligibility'],
    ['某海关关于遴选电子签名跨境互认应用试点企业的公告', [A, '符合条件的企业可于9月10日前提交申请。'], 'eligibility'],
    ['某海关关于公布出口农食产品“一品一策”首批试点品种的公告', [A, '现将首批试点品种公布如下。'], 'pilot-list'],
    // What a headline asks, quotes or serves reports no shipment; a count of handled items is a result.
    ['出口欧盟肉制品怎样过这一关？某海关“一企一策”对标辅导开始报名', [A, '现将报名事项通知如下。'], 'eligibility'],
    ['某地推行生鲜集拼出口模式 黄桃、鲜莲子“拼船出海”', [A, '自即日起推行。'], 'launch'],
    ['某海关在港区推出出口“7×24小时预约通关”服务 助力“甬”货出海', [A, '自即日起推出。'], 'launch'],
    ['百日办理2137笔！某地“离境即退税”运行观察', [A, '退税业务运行平稳。'], 'operational'],
    ["Xi'an sends first consolidated fresh fruit train to Central Asia", [A, 'The train left on Monday.'], 'operational'],
    // English reports of use: results, speed, first consignments shipped.
    ['Precision services deliver first results in two cities', [A, 'The services started in April.'], 'operational'],
    ['Green channels speed fresh produce exports from Changsha', [A, 'The channel gives priority to fresh fruit.'], 'operational'],
    ['Two pilot cities and their export services', [A, 'Two cities have shipped their first consignments under the new services.'], 'operational'],
    // Firms turned away (有下列情形之一的，暂不受理) or an item dropped from a designated list are no place where the measure does not run.
    ['某海关关于受理“一企一策”前置指导申请的通知', [A, '企业有下列情形之一的，本轮暂不受理：', '（一）被认定为失信企业的。'], 'eligibility'],
    [
      '某海关关于组织出口水产制品企业申报“一企一策”前置指导的通知',
      [A, '申报企业应当具备以下条件：一是在海关备案满一年；二是已建立HACCP体系。有未结案违规案件的企业暂不受理申报。'],
      'eligibility',
    ],
    ['某海关关于更正“一品一策”试点产品清单部分内容的公告', [A, '删除第5项。某县属某市，不在本批试点范围内。'], 'pilot-list'],
    ['某海关关于更正出口水产品“一企一策”服务首批企业名单的公告', [A, '现将更正事项公告如下。'], 'pilot-list'],
    // A reply that the measure does not run in the asker's place, however it says so.
    ['关于某服务能否在某市办理的留言答复', ['经核实，今年促进跨境贸易便利化专项行动试点城市名单中未包括某市。'], 'not-announced'],
    [
      '某海关关于在机场口岸对出口鲜活产品实行“抵港直装”的公告',
      [A, '一、申请条件', '申请企业应当符合下列条件：海关信用等级为一般信用及以上。', '二、办理流程', '企业提交申请表。'],
      'launch',
    ],
    ['离境退税“即买即退”扩围满月 口岸验核退税物品超1.2万单', [A], 'operational'],
    ['某地签发首份电子签名跨境互认原产地证书 出口企业当天即可享惠', [A], 'operational'],
    ['某地大蒜“一品一策”试点和生鲜集拼业务运行情况', [A], 'operational'],
    ['Consolidated fresh produce leaves Zhuhai for Macao', [A], 'operational'],
    ['Tianjin Port clears first imported cars with merged certificate', [A], 'operational'],
    ['Facilitation measures take hold in new pilot cities', [A], 'operational'],
    ['Second batch of "one product, one policy" pilots named in four cities', [A], 'pilot-list'],
    ["Exporters in Wuhan and Xi'an invited to apply for HACCP guidance", [A], 'eligibility'],
    ['关于某省企业能否申请“一品一策”服务的答复', ['经核实，今年专项行动的试点城市中没有本省的城市，太原、运城均不在试点城市名单内。'], 'not-announced'],
    ['关于某服务能否在某市办理的留言答复', ['经核实，今年促进跨境贸易便利化专项行动中的“生鲜集拼”目前未在某市实施。'], 'not-announced'],
    [
      '某海关关于第0317号建议的答复',
      ['“生鲜集拼”是今年促进跨境贸易便利化专项行动中的一项试点措施。按照目前的部署，某省暂未列入该模式的推广范围，某口岸目前不具备开展“生鲜集拼”出口的条件。'],
      'not-announced',
    ],
    [
      '关于某地区未纳入2026年促进跨境贸易便利化专项行动“一品一策”试点的情况说明',
      ['近期有企业咨询能否申请“一品一策”服务。现说明如下：某市未列入今年专项行动试点城市名单。'],
      'not-announced',
    ],
    [
      '关于某市企业能否办理“生鲜集拼”出口的留言答复',
      ['“生鲜集拼”是今年促进跨境贸易便利化专项行动的改革措施。目前，该业务在某海关关区尚未开展，某市企业暂不能办理。'],
      'not-announced',
    ],
    ['关于某市企业能否参加“一品一策”试点的留言答复', ['经核实，某市未列入2026年促进跨境贸易便利化专项行动试点城市。'], 'not-announced'],
    // A dated count of what has used a measure (截至…，已有38个集装箱采用该模式) reports use.
    ['关于某项建议的答复', ['按照今年促进跨境贸易便利化专项行动部署，某海关自5月起试行“船边直提”。', '截至6月20日，已有38个集装箱采用该模式。'], 'operational'],
    // A reply's title names what was asked (…纳入…试点建议的答复), not a designation.
    ['关于支持某市茶叶出口纳入“一品一策”试点建议的答复', ['经认真研究，某市目前不在今年专项行动试点城市范围内，“一品一策”暂未在某市实施。'], 'not-announced'],
    [
      '前7个月某关区经“绿色通道”验放出口鲜活农产品1.86万吨 同比增长31.2%',
      ['今年以来，按照促进跨境贸易便利化专项行动部署，在机场口岸开通鲜活农产品出口“绿色通道”。'],
      'operational',
    ],
    [
      '某海关关于出口食品生产企业精准帮扶首批服务对象的公示',
      ['根据今年促进跨境贸易便利化专项行动的部署，开展“一企一策”前置指导首批服务对象遴选。'],
      'pilot-list',
    ],
    [
      '某海关关于某机场口岸部分通关服务时间临时调整的公告',
      ['施工期间，我关暂停在某机场口岸实施的出口货物7×24小时预约通关服务。', '该服务是落实今年促进跨境贸易便利化专项行动的举措。'],
      'suspended',
    ],
    ['关于某市是否纳入今年专项行动试点城市的留言答复', ['今年促进跨境贸易便利化专项行动中，本关区尚未开展“生鲜集拼”出口业务。'], 'not-announced'],
    ['某海关为果品出口企业提供前置指导', ['为落实今年促进跨境贸易便利化专项行动，某海关即日起受理果品出口企业前置指导申请。', '指导免费。'], 'eligibility'],
    // What a notice publishes is the head noun of its object: matters of an application are no list.
    ['某海关关于专用通道企业备案有关事项的公告', [A, '现将企业备案有关事项公告如下：', '一、备案程序', '企业提交材料。'], 'eligibility'],
    ['某海关关于某项业务的公告', [A, '现将首批试点企业名单公布如下：'], 'pilot-list'],
    // How long a measure has run, or a measured change, reports use.
    ['某口岸预约通关运行三个月 夜间货物随到随通', [A, '共受理预约1200单。'], 'operational'],
    ['某海关分类管理见实效 通关时间缩短一半', [A, '共验放商品30批。'], 'operational'],
    ['Customs lists first pilot products in two cities', [A, 'The list covers pears and tea.'], 'pilot-list'],
    // An English Q&A asking who can apply and where (Q: Who can apply? Q: Where can exporters apply?) is about eligibility.
    [
      'Q&A: Applying for HACCP guidance',
      [
        A,
        'Q: Who can apply?',
        'A: Food exporters registered with customs.',
        'Q: Where can exporters apply?',
        'A: At the customs office where they are registered.',
      ],
      'eligibility',
    ],
    // Firms going abroad are no shipment of goods.
    ['某地启用出口集拼点 首批8家企业抱团出海', [A, '集拼点当日启用。'], 'launch'],
    // A Q&A numbered 一问/二问, and a reply quoting the letter it answers: questions about who may apply and how are eligibility; a question (哪些情形暂不受理？) says nothing is absent.
    [
      '某项服务六问六答',
      [
        A,
        '一问：什么是前置指导？',
        '答：一项服务。',
        '二问：哪些企业可以申请？',
        '答：已备案的企业。',
        '三问：哪些情形暂不受理？',
        '答：失信企业。',
        '四问：如何提出申请？',
        '答：在线提交。',
      ],
      'eligibility',
    ],
    [
      '关于进口某类商品适用分类管理有关问题的答复',
      [A, '来信摘要：请问分类管理在本口岸如何适用？需要满足哪些条件？', '答复：应当符合以下要求：（1）已备案。'],
      'eligibility',
    ],
    // A news report whose lead is a dated shipment of goods reports use, whatever its title says.
    [
      '“绿色通道”助力某地菠萝远销加拿大',
      [A.replace('推行', '已推行'), '4月15日，一批重22吨的菠萝在某海关完成检疫监管后快速放行，随后由冷链车运往港口装船。'],
      'operational',
    ],
    ['某地鲜花首次“生鲜集拼”搭乘全货机飞往东京', [A, '全货机当日起飞。'], 'operational'],
    // A sub-headline's modal or purpose (可“拼单”出海, 助…出海) is no shipment: the main headline put the measure in place.
    ['某海关推出出口生鲜“集拼”新模式 多家农户产品可“拼单”出海', [A, '新模式近日推出。'], 'launch'],
    ['某海关依托班列开通农食产品出口内陆绿色通道 “一地一策”助特色果品出海', [A, '通道自即日起开通。'], 'launch'],
    // A reply that says the pilot does not cover the place.
    [
      '关于某口岸是否适用某试点措施的答复',
      ['您好！经核实，今年促进跨境贸易便利化专项行动的试点城市不包括本市，本市不在本次试点城市范围内，口岸暂不办理上述业务。'],
      'not-announced',
    ],
    // …and the same reply laid out as a key-value table.
    [
      '关于某县企业能否申请“一品一策”的留言答复',
      [
        '<table><tr><td>留言内容</td><td>我公司在某县生产大蒜，请问能否申请“一品一策”？</td></tr><tr><td>答复内容</td><td>您好！今年促进跨境贸易便利化专项行动的“一品一策”服务在试点城市开展，某县不在本次试点范围内，贵公司暂不能申请。</td></tr></table>',
      ],
      'not-announced',
    ],
    [
      '某海关12360热线热点问题解答（第3期）',
      [
        '问：某县企业能否申请“一品一策”？',
        '答：“一品一策”是今年促进跨境贸易便利化专项行动在试点城市开展的服务。某县不在今年专项行动试点城市之列，该服务目前在某海关关区不适用。',
      ],
      'not-announced',
    ],
    // Other cities turned away on a page about one city narrow the scope; the page's own city, or a
    // city of the province its title asks about, turned away is the page's point.
    ['某海关负责人谈苏州农产品“绿色通道”', [A, '无锡、常州目前不在试点范围内，两地企业可通过属地海关获得常规服务。'], 'launch'],
    ['关于苏州企业能否申请农产品“绿色通道”的答复', ['经核实，今年专项行动中，苏州不在试点范围内。'], 'not-announced'],
    ['关于江苏企业能否申请农产品“绿色通道”的答复', ['经核实，今年专项行动中，南通不在试点范围内。'], 'not-announced'],
    // Places out of scope as a class in a relative clause (不在试点范围的城市) are no statement about here.
    ['某海关关于在苏州推行农产品“绿色通道”的公告', [A, '对不在试点范围的城市，企业仍可通过属地海关获得常规咨询服务。'], 'launch'],
    ['关于某地出口锂电池“一企一策”的公告', [A, '锂原电池以及与设备包装在一起的锂电池暂不适用本公告。'], 'launch'],
    ['某海关审定辖区出口农食产品“一品一策”首批试点品种', [A, '此次入选的三个品种均为本地的拳头产品。'], 'pilot-list'],
    ['海关总署：出口农食产品“一品一策”第二批试点确定 8个城市纳入', [A], 'pilot-list'],
    ['某海关确定首批咖啡出口“一品一策”服务企业', [A], 'pilot-list'],
    ['关于同意南宁等5个城市开展第二批出口农食产品“一品一策”试点的通知', [A], 'pilot-list'],
    ['专项行动实施以来某口岸“船边直提”业务量大幅增长', [A], 'operational'],
    // An opening, then its first shipment: the opening is the news; a first use before an opening is not.
    ['某内陆港对俄果蔬出口专用通道开通 首票番茄经绥芬河出境', [A], 'launch'],
    ['某岛首单“即买即退”落地 某机场同步开通离境退税验核专窗', [A], 'operational'],
    [
      '某海关关于遴选电子单证应用试点企业的公告',
      [A, '参加试点的企业需具备以下条件：一是海关信用等级为一般信用及以上；二是已申领电子认证证书。', '符合条件的企业可于9月10日前提交申请。'],
      'eligibility',
    ],
    [
      '某海关综合保税区保税检测“白名单”申报指引',
      [A, '白名单不包括旧机电产品、危险化学品。', '申请企业条件：具备与检测业务相适应的场所和设备。'],
      'eligibility',
    ],
    [
      '某海关关于做好“五一”假期口岸通关保障工作的通知',
      [
        '5月1日至5日，机场口岸实行7×24小时预约通关；其他业务现场假期期间暂停办理一般贸易进出口报关。',
        '按照今年促进跨境贸易便利化专项行动工作安排，现将第二批出口农食产品“一品一策”试点产品一并公布：斗南鲜切花、蓝莓、松茸。',
      ],
      'pilot-list',
    ],
    [
      '某海关关于做好2026年出口食品生产企业备案核查及有关工作的通知',
      [
        '一、开展备案核查。各隶属海关应于6月30日前完成备案信息核查。',
        '二、根据今年促进跨境贸易便利化专项行动安排，经研究，确定以下产品纳入关区首批出口农食产品“一品一策”试点：西湖龙井茶、萧山萝卜干。',
      ],
      'pilot-list',
    ],
    // The document's kind, read from its structure.
    [
      '某地鲜果出口专用通道常见问题',
      [A, '问1：专用通道有哪些便利？', '答：优先查验。', '问2：企业需要满足什么条件？', '答：已备案。', '问3：企业如何申请？', '答：在线提交。'],
      'eligibility',
    ],
    ['某地鲜果出口专用通道常见问题', [A, '问1：专用通道有哪些便利？', '答：优先查验。', '问2：适用于哪些产品？', '答：鲜果。'], 'launch'],
    ['【访谈】“一品一策”助某地特产出口——访某海关负责人', [A, '记者：试点效果如何？', '负责人：今年共出口120批。'], 'operational'],
    ['某海关促进跨境贸易便利化专项行动工作简报（第2期）', [A, '一、无纸化运行平稳。'], 'operational'],
    // A title about applying, read without its names (quoted phrases, measure keywords).
    ['某地特产出口前置指导服务办事指南', [A, '一、服务对象', '已备案的出口企业。'], 'eligibility'],
    ['某海关关于组织申报出口特产专用通道试点企业的通知', [A, '符合条件的企业请于6月30日前报送材料。'], 'eligibility'],
    ['某港出口货物推行“集中申报、分批核放”', [A, '自即日起实施。'], 'launch'],
    ['First consolidated fruit export leaves a city under the special action', [A, 'The truck left on Tuesday.'], 'operational'],
    // In English: a plural subject's verb names a list as a singular one does; a count handled so far reports use.
    ['Two cities name first pilot products for agri-food exports', [A, 'The products are listed below.'], 'pilot-list'],
    ['Customs approves second batch of pilot products for agri-food exports', [A, 'The products are listed below.'], 'pilot-list'],
    ['Goji Berries Join "One Product, One Policy" Export Pilot', [A, 'The products are listed below.'], 'pilot-list'],
    ['Third Batch of Pilot Products Approved for Agri-food Exports', [A, 'The truck left on Tuesday.'], 'pilot-list'],
    ['Two cities name second batch of export foods for tailored services', [A, 'The truck left on Tuesday.'], 'pilot-list'],
    ['Two more cities publish first lists for agri-food exports', [A, 'The truck left on Tuesday.'], 'pilot-list'],
    ['某地首批出口农食产品“一品一策”试点产品出炉 5类产品入选', [A, '企业反映办理时间缩短。'], 'pilot-list'],
    ['某海关启动出口农食产品“一品一策”试点 首批纳入对虾、罗非鱼、菠萝', [A, '企业反映办理时间缩短。'], 'pilot-list'],
    ['海关总署公告2026年第80号（关于扩大“生鲜集拼”出口模式试点范围的公告）', [A, '此前，某地已完成首票“生鲜集拼”出口。'], 'launch'],
    [
      'Consolidated exports spread in two cities',
      [A, 'Customs officers have inspected more than 80 consolidated containers since the model was introduced in April.'],
      'operational',
    ],
    // Each case of a list of cases is a condition on firms, not a place the measure leaves out.
    [
      '某海关关于受理出口食品企业“一企一策”前置指导申请的公告',
      [
        A,
        '申请企业有下列情形之一的，不予受理：',
        '（一）未在海关办理出口食品生产企业备案的；',
        '（二）被海关认定为失信企业的。',
        '符合条件的企业可于5月31日前提交申请表。',
      ],
      'eligibility',
    ],
    // Ports other than the title's, firms in some case, or a heading of cases turned away narrow the scope.
    [
      '某海关关于在某国际机场口岸实施境外旅客购物“离境即退税”的公告',
      [A, '甲市机场口岸、乙市机场口岸暂不受理“离境即退税”业务，旅客仍按现行规定办理。'],
      'launch',
    ],
    [
      '某海关关于受理出口调味品企业“一企一策”前置指导申请的公告',
      [A, '申请企业应当具备以下条件：已在海关备案。', '本市以外地区的调味品生产企业，本次暂不受理。'],
      'eligibility',
    ],
    [
      '某海关关于保税检测“白名单”企业申请条件的公告',
      [A, '<table><tr><td>申请条件</td><td>海关信用等级为一般信用及以上</td></tr><tr><td>暂不受理情形</td><td>近一年内被处以行政处罚的企业</td></tr></table>'],
      'eligibility',
    ],
    [
      '关于某口岸是否开展出口生鲜“集拼”业务的答复',
      [A, '经核实，“生鲜集拼”措施目前未在某关区部署，某口岸暂不受理以集拼方式申报的出口生鲜货物。'],
      'not-announced',
    ],
    // A reply that the place is outside the pilot cities, or that its office has not started the measure.
    [
      '关于某市企业能否参加出口食品“一品一策”试点的答复',
      [A, '答复内容：您好！经核实，某市不在2026年促进跨境贸易便利化专项行动试点城市范围内，目前某海关关区未开展“一品一策”试点，暂不能受理贵公司的申请。'],
      'not-announced',
    ],
    ['某海关关于在某综合保税区实施保税检测业务“白名单”管理的公告', [A, '对连续6个月未开展保税检测业务的企业，调出“白名单”。'], 'launch'],
    // A reply to whether the asker may use a measure, stating its conditions, tells who qualifies.
    [
      '关于对俄出口鲜活蔬菜能否使用“绿色通道”的答复',
      [A, '答复内容：您好！贵公司出口的蔬菜属于“绿色通道”适用范围。使用“绿色通道”须满足以下条件：企业未被海关认定为失信企业，供货基地须已在海关备案。'],
      'eligibility',
    ],
    // A title ending a pilot is a stop; a firm's pilot status ended in the body is a condition.
    ['某海关关于终止某港区出口鲜活水产品“生鲜集拼”试点的公告', [A, '自7月10日起不再受理新的集拼申报。'], 'suspended'],
    ['某海关关于受理“生鲜集拼”试点企业申请的公告', [A, '申请企业应当具备以下条件：已在海关备案。', '企业弄虚作假的，海关将终止其试点资格。'], 'eligibility'],
    // Turning away other places narrows the scope; it does not say the measure is not here.
    [
      '某海关出口食品企业“一企一策”前置指导办事指南',
      [A, '本指南适用于注册地在无锡市的出口食品生产企业。关区内常州、镇江等地企业暂不受理。', '申请企业应当具备以下条件：已完成备案。'],
      'eligibility',
    ],
    ['某海关出口食品企业“一企一策”前置指导办事指南', [A, '本关暂不受理“一企一策”前置指导申请。'], 'not-announced'],
    // A volume passed, or a period counted after an extension, reports use.
    ['某口岸出口鲜果“绿色通道”业务量突破万吨', [A, '企业反映办理时间缩短。'], 'operational'],
    ['某口岸“两证合一”扩容后首月签发逾500份', [A, '企业反映办理时间缩短。'], 'operational'],
    ['某港“提前申报”日均通关超80车', [A, '企业反映办理时间缩短。'], 'operational'],
    ['某地鲜活农产品出口“绿色通道”运行平稳高效', [A, '企业反映办理时间缩短。'], 'operational'],
  ])('%s -> %s', (title, body, want) => {
    expect(extract(title, body).signal).toBe(want);
  });
});

describe('explanations', () => {
  it('every label says which keyword or rule made it', () => {
    const r = extract(T, ['在苏州推行农产品“绿色通道”，鲜切花主要销往泰国。']);
    for (const [field, value] of [
      ['cities', 'suzhou-jiangsu'],
      ['measures', 'agri-green-channel'],
      ['markets', 'TH'],
      ['products', '鲜切花'],
    ] as const) {
      const e = r.explain.find((x) => x.field === field && x.value === value && !x.rule.startsWith('excluded'));
      expect(e, `${field} ${value}`).toBeDefined();
      expect(e!.rule.length).toBeGreaterThan(3);
    }
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });
});
