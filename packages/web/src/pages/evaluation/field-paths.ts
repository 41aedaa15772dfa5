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
  if (path.startsWith('basicData')) return '基础数据表';
  if (path.startsWith('unit')) return '基本情况';
  return path;
}

function shorten(text: string, max = 16): string {
  const flat = text.replace(/\s+/g, '');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
