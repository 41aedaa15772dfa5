import type { EvaluationContent } from '../../api/types';

/**
 * Field paths as findings and comments name them (`indicators[3].actual`, `funds.rows[0].statedScore`,
 * `sections[6].text`): what element on the page shows that field, and how to say where it is in Chinese.
 */

/** The path and its ancestors, most specific first: the page shows a cell where it can, else its row, else its table. */
export function pathCandidates(path: string): string[] {
  const out: string[] = [];
  let rest = path;
  for (;;) {
    out.push(rest);
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    if (cut <= 0) break;
    rest = rest.slice(0, cut);
  }
  return out;
}

/**
 * Scrolls to the element showing `path` (the most specific of pathCandidates that the page shows) and focuses it,
 * or, with `intoInput`, the input or text area inside it; returns the path found, for marking it, or undefined.
 */
export function scrollToField(path: string, options: { readonly intoInput?: boolean } = {}): string | undefined {
  for (const candidate of pathCandidates(path)) {
    const element = document.querySelector(`[data-path="${CSS.escape(candidate)}"]`);
    if (!(element instanceof HTMLElement)) continue;
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const input = options.intoInput ? (element.matches('input, textarea') ? element : element.querySelector<HTMLElement>('input, textarea')) : null;
    (input ?? element).focus({ preventScroll: true });
    return candidate;
  }
  return undefined;
}

/** The section index a path points into (`sections[6].text` → 6), for expanding it before scrolling. */
export function sectionIndex(path: string): number | undefined {
  const m = /^sections\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

const INDICATOR_FIELD: Readonly<Record<string, string>> = {
  target: '年度指标值',
  targetText: '年度指标值',
  actual: '实际完成值',
  actualText: '实际完成值',
  weight: '分值',
  score: '得分',
  deviationReason: '偏差原因',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  direction: '指标方向',
};

const FUND_FIELD: Readonly<Record<string, string>> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  statedRate: '执行率',
  statedScore: '得分',
  note: '说明',
};

const BASIC_LINE: Readonly<Record<string, string>> = {
  'threePublic.total': '“三公”经费',
  'threePublic.vehicle': '公务用车购置和维护经费',
  'threePublic.vehiclePurchase': '公车购置',
  'threePublic.vehicleOperation': '公车运行维护',
  'threePublic.overseas': '出国经费',
  'threePublic.reception': '公务接待',
  'projects.total': '项目支出',
  'publicExpense.total': '公用经费',
  'staff.quota': '编制数',
  'staff.actual': '实际在职人数',
  'staff.statedControlRate': '在职人员控制率',
};

const BASIC_COLUMN: Readonly<Record<string, string>> = { priorActual: '上年决算数', budget: '本年预算数', actual: '本年决算数' };

/** "基础数据表 · “三公”经费 · 本年决算数", "基础数据表 · 项目支出“人大代表” · 本年预算数" (its number left out). */
function describeBasicData(path: string, content: EvaluationContent | undefined): string {
  const rest = path.replace(/^basicData\.?/, '');
  const item = /^(projects|publicExpense)\.items\[(\d+)\](?:\.(\w+))?$/.exec(rest);
  if (item) {
    const [, table = '', index = '0', column] = item;
    const basic = (content as { basicData?: Record<string, { items?: { label?: string }[] } | undefined> } | undefined)?.basicData;
    // "2、运行维护经费" is named without its number.
    const name = basic?.[table]?.items?.[Number(index)]?.label?.replace(/^\s*\d+\s*[、.．]\s*/, '');
    const where = `${table === 'projects' ? '项目支出' : '公用经费'}${name ? `“${shorten(name)}”` : `第 ${Number(index) + 1} 项`}`;
    return `基础数据表 · ${where}${column && BASIC_COLUMN[column] ? ` · ${BASIC_COLUMN[column]}` : ''}`;
  }
  const staff = BASIC_LINE[rest];
  if (staff) return `基础数据表 · ${staff}`;
  const cut = rest.lastIndexOf('.');
  const line = cut > 0 ? BASIC_LINE[rest.slice(0, cut)] : undefined;
  const column = cut > 0 ? BASIC_COLUMN[rest.slice(cut + 1)] : undefined;
  return line ? `基础数据表 · ${line}${column ? ` · ${column}` : ''}` : '基础数据表';
}

/** "绩效指标第 4 行“信访件办结率”· 实际完成值"; undefined when the path means nothing we can name. */
export function describePath(path: string, content: EvaluationContent | undefined): string {
  let m = /^indicators\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const name = content?.indicators?.[i]?.name;
    const field = m[2] ? INDICATOR_FIELD[m[2]] : undefined;
    return `绩效指标第 ${i + 1} 行${name ? `“${shorten(name)}”` : ''}${field ? ` · ${field}` : ''}`;
  }
  if (path === 'indicators') return '绩效指标表';
  m = /^funds\.rows\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const label = content?.funds?.rows?.[Number(m[1])]?.label;
    const field = m[2] ? FUND_FIELD[m[2]] : undefined;
    return `资金情况${label ? `“${shorten(label)}”` : `第 ${Number(m[1]) + 1} 行`}${field ? ` · ${field}` : ''}`;
  }
  if (path.startsWith('funds')) return '资金情况';
  m = /^sections\[(\d+)\]/.exec(path);
  if (m) {
    const heading = content?.sections?.[Number(m[1])]?.heading;
    return `报告正文${heading ? `“${shorten(heading)}”` : `第 ${Number(m[1]) + 1} 节`}`;
  }
  if (path === 'sections') return '报告正文';
  if (path === 'stated.total') return '自评总分';
  if (path === 'stated.grade') return '评价等级';
  if (path.startsWith('stated')) return '自评得分';
  m = /^goals\[(\d+)\]/.exec(path);
  if (m) return `年度总体目标第 ${Number(m[1]) + 1} 条`;
  if (path.startsWith('basicData')) return describeBasicData(path, content);
  if (path.startsWith('unit')) return '基本情况';
  return path;
}

function shorten(text: string, max = 16): string {
  const flat = text.replace(/\s+/g, '');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
