import type { SaxesTagNS } from 'saxes';
import type { Styles } from './docx-styles';
import { wAttr, wInt, wOnOff, type XmlHandler } from './xml-walker';

/**
 * Word's automatic numbering (word/numbering.xml): list definitions, and the counters that render
 * "一、", "（二）", "3." for numbered paragraphs in reading order.
 */

interface Level {
  start?: number;
  format?: string;
  /** "%1、", "（%2）"; undefined when the level prints nothing. */
  text?: string;
  /** isLgl: every %N in decimal ("1.1" under a chinese-counting parent). */
  legal?: boolean;
  /** lvlRestart: restart after this 1-based level; 0 never restarts. */
  restart?: number;
  /** Paragraph style linked to this level. */
  style?: string;
  suffix?: string;
}

interface AbstractNum {
  readonly levels: Map<number, Level>;
  /** numStyleLink: the definition lives in the numbering of this style. */
  numStyleLink?: string;
}

interface NumInstance {
  abstractId?: string;
  readonly overrides: Map<number, { start?: number; level?: Level }>;
}

export interface NumberingDefs {
  readonly abstracts: ReadonlyMap<string, AbstractNum>;
  readonly nums: ReadonlyMap<string, NumInstance>;
}

export const NO_NUMBERING: NumberingDefs = { abstracts: new Map(), nums: new Map() };

/** Collects numbering.xml; `result()` once the walk is done. */
export class NumberingReader implements XmlHandler {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  private abstract: AbstractNum | undefined;
  private num: NumInstance | undefined;
  private override: { start?: number; level?: Level } | undefined;
  private level: Level | undefined;

  open(name: string, tag: SaxesTagNS, parent: string): boolean {
    switch (name) {
      case 'abstractNum': {
        const id = wAttr(tag, 'abstractNumId');
        if (id === undefined) return true;
        this.abstract = { levels: new Map() };
        this.abstracts.set(id, this.abstract);
        return false;
      }
      case 'num': {
        const id = wAttr(tag, 'numId');
        if (id === undefined) return true;
        this.num = { overrides: new Map() };
        this.nums.set(id, this.num);
        return false;
      }
      case 'lvl': {
        const ilvl = wInt(tag, 'ilvl') ?? 0;
        this.level = {};
        if (parent === 'abstractNum') this.abstract?.levels.set(ilvl, this.level);
        else if (parent === 'lvlOverride' && this.override !== undefined) this.override.level = this.level;
        return false;
      }
      case 'lvlOverride': {
        const ilvl = wInt(tag, 'ilvl') ?? 0;
        this.override = {};
        this.num?.overrides.set(ilvl, this.override);
        return false;
      }
      case 'pPr':
      case 'rPr':
        return true;
      default:
        this.property(name, tag, parent);
        return false;
    }
  }

  private property(name: string, tag: SaxesTagNS, parent: string): void {
    const level = this.level;
    if (parent === 'lvl' && level !== undefined) {
      if (name === 'start') level.start = wInt(tag, 'val');
      else if (name === 'numFmt') level.format = wAttr(tag, 'val');
      else if (name === 'lvlText') level.text = wAttr(tag, 'val');
      else if (name === 'isLgl') level.legal = wOnOff(tag);
      else if (name === 'lvlRestart') level.restart = wInt(tag, 'val');
      else if (name === 'pStyle') level.style = wAttr(tag, 'val');
      else if (name === 'suff') level.suffix = wAttr(tag, 'val');
    } else if (parent === 'abstractNum' && this.abstract !== undefined) {
      if (name === 'numStyleLink') this.abstract.numStyleLink = wAttr(tag, 'val');
    } else if (parent === 'num' && this.num !== undefined) {
      if (name === 'abstractNumId') this.num.abstractId = wAttr(tag, 'val');
    } else if (parent === 'lvlOverride' && this.override !== undefined) {
      if (name === 'startOverride') this.override.start = wInt(tag, 'val');
    }
  }

  close(name: string): void {
    if (name === 'abstractNum') this.abstract = undefined;
    else if (name === 'num') this.num = undefined;
    else if (name === 'lvlOverride') this.override = undefined;
    else if (name === 'lvl') this.level = undefined;
  }

  text(): void {}

  result(): NumberingDefs {
    return { abstracts: this.abstracts, nums: this.nums };
  }
}

export interface RenderedNumber {
  /** As printed: "一、", "（2）". */
  readonly text: string;
  /** What Word puts between the number and the text: tab (default), space or nothing. */
  readonly suffix: 'tab' | 'space' | 'nothing';
}

interface ResolvedList {
  readonly key: string;
  readonly abstract: AbstractNum;
  readonly num: NumInstance;
}

/**
 * Counts numbered paragraphs in reading order. Lists (w:num) sharing a definition (w:abstractNum) share
 * counters, as in Word; a list with a startOverride restarts the overridden levels where it is first used
 * (this is how Word and LibreOffice write "restart numbering"). A level restarts after any higher level
 * unless lvlRestart says otherwise.
 */
export class NumberingCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly usedLists = new Set<string>();

  constructor(
    private readonly defs: NumberingDefs,
    private readonly styles: Styles,
  ) {}

  /** The level a style-linked list gives a paragraph of that style (lvl/pStyle), else undefined. */
  levelOfStyle(numId: string, styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    const list = this.resolve(numId);
    if (list === undefined) return undefined;
    for (const [ilvl, level] of list.abstract.levels) if (level.style === styleId) return ilvl;
    return undefined;
  }

  /** Advances the counter for a paragraph numbered (numId, ilvl) and renders its number. */
  next(numId: string, ilvl: number): RenderedNumber | undefined {
    const list = this.resolve(numId);
    if (list === undefined) return undefined;
    const level = this.level(list, ilvl);
    if (level === undefined) return undefined;
    const counts = this.counters.get(list.key) ?? [];
    this.counters.set(list.key, counts);
    if (!this.usedLists.has(numId)) {
      this.usedLists.add(numId);
      for (const [overridden, override] of list.num.overrides) if (override.start !== undefined) counts[overridden] = undefined;
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? this.start(list, ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < counts.length; deeper += 1) {
      const restart = this.level(list, deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counts[deeper] = undefined;
    }
    if (level.format === 'bullet' || level.text === undefined) return undefined;
    const text = level.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const index = Number(digit) - 1;
      const value = counts[index] ?? this.start(list, index);
      const format = level.legal === true ? 'decimal' : (this.level(list, index)?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    const suffix = level.suffix === 'space' || level.suffix === 'nothing' ? level.suffix : 'tab';
    return { text, suffix };
  }

  private level(list: ResolvedList, ilvl: number): Level | undefined {
    return list.num.overrides.get(ilvl)?.level ?? list.abstract.levels.get(ilvl);
  }

  private start(list: ResolvedList, ilvl: number): number {
    return list.num.overrides.get(ilvl)?.start ?? this.level(list, ilvl)?.start ?? 0;
  }

  private resolve(numId: string): ResolvedList | undefined {
    const num = this.defs.nums.get(numId);
    let abstractId = num?.abstractId;
    if (num === undefined || abstractId === undefined) return undefined;
    let abstract = this.defs.abstracts.get(abstractId);
    // A list defined by a numbering style: follow the style to the list that really holds the levels.
    for (let hops = 0; abstract?.numStyleLink !== undefined && hops < 4; hops += 1) {
      const linkedNumId = this.styles.numbering(abstract.numStyleLink)?.numId;
      const linkedAbstractId = linkedNumId === undefined ? undefined : this.defs.nums.get(linkedNumId)?.abstractId;
      if (linkedAbstractId === undefined) break;
      abstractId = linkedAbstractId;
      abstract = this.defs.abstracts.get(abstractId);
    }
    if (abstract === undefined) return undefined;
    return { key: abstractId, abstract, num };
  }
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_UNITS = ['', '十', '百', '千'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_UNITS = ['', '拾', '佰', '仟'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** One number in a Word numFmt. Formats not listed here (ordinal, cardinalText, custom …) print decimal. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(value, CHINESE_DIGITS, CHINESE_UNITS, true);
    case 'chineseLegalSimplified':
      return counting(value, LEGAL_DIGITS, LEGAL_UNITS, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return value >= 0 ? [...String(value)].map((d) => CHINESE_DIGITS[Number(d)] ?? d).join('') : String(value);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[value - 1] ?? String(value);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[value - 1] ?? String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(value);
    case 'decimalEnclosedFullstop':
      return `${value}.`;
    case 'decimalEnclosedParen':
      return `(${value})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((d) => (/\d/.test(d) ? String.fromCharCode(0xff10 + Number(d)) : d)).join('');
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerLetter':
      return letters(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    default:
      return String(value);
  }
}

/** 1 → 一, 10 → 十, 15 → 十五, 105 → 一百零五 (below 10000; decimal beyond). */
function counting(value: number, digits: readonly string[], units: readonly string[], dropLeadingOne: boolean): string {
  if (!Number.isInteger(value) || value < 0 || value >= 10_000) return String(value);
  if (value === 0) return digits[0] ?? '0';
  const figures = [...String(value)].map(Number);
  let out = '';
  let pendingZero = false;
  figures.forEach((figure, index) => {
    if (figure === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += digits[0];
    pendingZero = false;
    out += (digits[figure] ?? '') + (units[figures.length - 1 - index] ?? '');
  });
  return dropLeadingOne && value >= 10 && value < 20 ? out.slice(1) : out;
}

function circled(value: number): string {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return String(value);
}

/** Word's letters: a … z, aa … zz, aaa … */
function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.min(Math.floor((value - 1) / 26) + 1, 20));
}

function roman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const table: readonly (readonly [number, string])[] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}
