/**
 * Text helpers for the quality rules: numbered items of a section, the content words of a sentence,
 * vague targets, and the problem areas of the 岳阳 考核评分表. Heuristics, each written down here so
 * that a finding can say why it was made.
 */

/** A numbered item of a section: "（一）绩效目标和指标体系有待完善。由于…", "一是加强学习…", "1.…". */
export interface TextItem {
  /** The item's text without its marker. */
  readonly text: string;
  /** Its first sentence (up to 。；or the end of its first line), the item's claim. */
  readonly headline: string;
}

export interface ItemList {
  readonly items: readonly TextItem[];
  /** False when the text lists nothing (one block of prose): the whole text is then the only item. */
  readonly structured: boolean;
}

const CN_NUM = '[一二三四五六七八九十]+';
/** Markers that open a line, by kind; an item list uses the kind of the first marked line. */
const LINE_MARKERS: readonly RegExp[] = [
  new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]\\s*`),
  new RegExp(`^${CN_NUM}是\\s*`),
  new RegExp(`^${CN_NUM}[、.．]\\s*`),
  /^[（(]\s*\d+\s*[）)]\s*/,
  /^\d+\s*[.、．](?!\d)\s*/,
];

const CN_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function headlineOf(text: string): string {
  const firstLine = text.split('\n')[0] ?? '';
  const end = firstLine.search(/[。；;]/);
  return (end >= 0 ? firstLine.slice(0, end) : firstLine).trim();
}

function item(text: string): TextItem {
  const t = text.trim();
  return { text: t, headline: headlineOf(t) };
}

/**
 * The numbered items of a section's text. Lines opening with a marker ("（一）", "一是", "一、", "1.")
 * start items, of the marker kind the first such line has (so that "1、2、" under "（一）" stay inside
 * their item); text before the first item is a preamble and not an item. Without marked lines, inline
 * "一是…二是…" split the text. Otherwise the text is one unstructured item.
 */
export function listItems(text: string): ItemList {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const firstMarked = lines.find((l) => LINE_MARKERS.some((re) => re.test(l)));
  const kind = firstMarked === undefined ? undefined : LINE_MARKERS.find((re) => re.test(firstMarked));
  if (kind) {
    const items: string[] = [];
    for (const line of lines) {
      if (kind.test(line)) items.push(line.replace(kind, ''));
      else if (items.length > 0) items[items.length - 1] += `\n${line}`;
    }
    return { items: items.map(item), structured: true };
  }
  const joined = lines.join('\n');
  const starts: number[] = [];
  let from = 0;
  for (const digit of CN_DIGITS) {
    const at = joined.indexOf(`${digit}是`, from);
    if (at < 0) break;
    starts.push(at);
    from = at + 2;
  }
  if (starts.length >= 2) {
    const items = starts.map((s, i) => joined.slice(s + 2, starts[i + 1] ?? joined.length).replace(/^[，,：:\s]+/, ''));
    return { items: items.map(item), structured: true };
  }
  return { items: joined.trim() ? [item(joined)] : [], structured: false };
}

/** Characters that carry no topic: particles, conjunctions, and words every sentence of the genre has. */
const STOP_CHARS = new Set('的了和与及或是在对中等为有不也并而以于从到由被将把使其之所着过这那些各该此每个得地很较更都还又再就才需要'.split(''));
/** Words of the genre that say nothing about what a problem or measure is about; cut out before pairing. */
const STOP_WORDS: readonly string[] = [
  '进一步', '加强', '提高', '提升', '完善', '健全', '存在', '问题', '有待', '部分', '工作', '管理', '推进', '强化', '落实',
  '切实', '确保', '全面', '积极', '建立', '规范', '进行', '开展', '方面', '情况', '目前', '当前', '主要', '原因', '下一步',
  '继续', '努力', '认真', '严格', '不断', '逐步', '充分', '发挥', '实际', '相关', '单位', '部门', '我们', '增强', '不够', '不足',
].sort((a, b) => b.length - a.length);
const STOP_PATTERN = new RegExp(STOP_WORDS.join('|'), 'g');

const STOP_CODES: ReadonlySet<number> = new Set([...STOP_CHARS].map((c) => c.charCodeAt(0)));

/**
 * The content bigrams of a text as numbers, each pair's two UTF-16 units (Han characters, one unit each) as
 * high × 65536 + low, in the order they first occur. Problems are paired with every measure on these: no
 * string per pair, and `pairWord` turns the few that are shown back into words.
 */
export function contentPairs(text: string): Set<number> {
  const pairs = new Set<number>();
  for (const run of text.replace(STOP_PATTERN, ' ').match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run.charCodeAt(i);
      const b = run.charCodeAt(i + 1);
      if (!STOP_CODES.has(a) && !STOP_CODES.has(b)) pairs.add(a * 0x10000 + b);
    }
  }
  return pairs;
}

/** The two characters of a pair from `contentPairs`. */
export function pairWord(pair: number): string {
  return String.fromCharCode(Math.floor(pair / 0x10000), pair % 0x10000);
}

/**
 * The content bigrams of a text: pairs of adjacent Han characters, once the genre's empty words are cut
 * out ("进一步加强管理" has none) and leaving pairs with a particle aside.
 */
export function contentWords(text: string): Set<string> {
  return new Set([...contentPairs(text)].map(pairWord));
}

/** The content words two texts share. */
export function sharedWords(a: string, b: string): string[] {
  const wb = contentWords(b);
  return [...contentWords(a)].filter((w) => wb.has(w));
}

/**
 * A measure answers a problem when it shares at least this many content words with the problem's claim
 * (fewer when the claim has fewer: "资产管理有待加强" has only 资产).
 */
export const MATCH_MIN_SHARED = 2;

/** Words that make a target vague when no number pins it down (scoring-rules.md §7: 内涵明确、具体、可衡量). */
export const VAGUE_WORDS: readonly string[] = [
  '有效促进', '有所促进', '长期有效', '效果显著', '成效显著', '持续提升', '明显提升', '显著提升', '不断提升', '有效提升',
  '稳步提升', '有所提升', '持续提高', '明显提高', '显著提高', '不断提高', '有所提高', '有效改善', '有所改善', '明显改善',
  '持续改善', '持续增加', '持续转好', '进一步', '更加',
];

/** A number in the text: digits, or Chinese numerals with a measure word ("十余次", "两百多件", "一部"). */
export function hasNumber(text: string): boolean {
  // Normalising only turns full-width digits into digits, one character for one, and touches no Chinese
  // numeral or measure word: testing the text as it is, full-width digits included, gives the same answer
  // without the copy (every indicator's target is tested, in every audit).
  return /[\d\uff10-\uff19]/.test(text) || /[一二两三四五六七八九十百千万]+[余多]?(次|件|个|项|部|期|名|人|家|篇|条|本|所|户|套|台|场|批|天|日|周|月|年|成|倍)/.test(text);
}

/** Why a 年度指标值 cannot be measured: empty, or a vague word with no number; undefined when it can. */
export function unmeasurableReason(target: string): string | undefined {
  const t = target.trim();
  if (t === '') return '未填年度指标值';
  if (hasNumber(t)) return undefined;
  const word = VAGUE_WORDS.find((w) => t.includes(w));
  return word ? `用“${word}”等模糊表述且没有数值` : undefined;
}

/** The five areas of the 岳阳 考核评分表's 反映问题情况, with the words that mark a problem as one of them. */
export const PROBLEM_AREAS: readonly { readonly name: string; readonly words: readonly string[] }[] = [
  {
    name: '预算和预算绩效管理',
    words: ['预算编制', '预算执行', '预算管理', '预算绩效', '绩效管理', '绩效目标', '绩效指标', '绩效评价', '绩效监控', '零基预算', '预算调整', '预算申报'],
  },
  { name: '部门履职效能', words: ['履职', '效能', '职责履行', '工作效率', '行政效率', '工作成效', '职能作用'] },
  {
    name: '资金分配、使用和管理',
    words: ['资金分配', '资金使用', '资金管理', '资金效益', '资金拨付', '资金支付', '专项资金', '结转', '结余', '支出进度', '执行进度'],
  },
  { name: '资产和财务管理', words: ['资产', '财务', '会计', '内控', '内部控制', '核算', '票据', '往来款'] },
  { name: '政府采购', words: ['政府采购', '采购'] },
];

/** The areas a text touches, each with the first of its words found. */
export function problemAreas(text: string): { readonly name: string; readonly word: string }[] {
  return PROBLEM_AREAS.flatMap((a) => {
    const word = a.words.find((w) => text.includes(w));
    return word ? [{ name: a.name, word }] : [];
  });
}

const FUND_SHORTAGE = /(资金|经费)(严重|相对|较为|比较)?(不足|短缺|紧张|缺口|有限)|(缺乏|缺少)(资金|经费)/;
const MORE_FUNDS = /(加大|增加|追加|争取|提高)[^，。；、,;]{0,6}(投入|拨款|财政支持|资金支持|经费保障|资金保障)|(增加|追加)[^，。；、,;]{0,4}(资金|经费|预算)(?=[，。；,;]|$)/;

/** The item says the funds are short ("资金不足", "经费紧张"). */
export function isFundShortage(text: string): boolean {
  return FUND_SHORTAGE.test(text);
}

/** The item asks for more money ("加大资金投入", "争取财政支持", "增加经费"). */
export function isMoreFunds(text: string): boolean {
  return MORE_FUNDS.test(text);
}

/** A quote short enough for a message: the first `max` characters, with "…" when cut. */
export function clip(text: string, max = 30): string {
  const t = text.replace(/\s+/g, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
