import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_RULES, DEFAULT_FRAMEWORK_ID, LIUYANG_OUTLINE, auditReport, findFramework } from '@jixiao/core';
import type { AuditResult, Framework, ReportPart } from '@jixiao/core';
import { readTxt } from '../src/adapters/importers/txt/read-txt';
import { DEFAULT_LIMITS } from '../src/adapters/importers/limits';
import { importDocument } from '../src/app/import-document';
import { SEEDS, SEED_FILES, loadSeed, seedBytes } from './seed-fixtures';
import type { Seed } from './seed-fixtures';

// The quality rules (audit.quality.*) over the five seeds: the gold fixtures for the evaluations, and the
// parts (report, 基础数据表, 自评表 …) as the importer reads them from the seed texts.


const QUALITY = AUDIT_RULES.filter((r) => r.id.startsWith('audit.quality.'));

function frameworkOf(e: { frameworkId?: string }): Framework {
  const f = findFramework(e.frameworkId ?? DEFAULT_FRAMEWORK_ID);
  if (!f) throw new Error(`unknown framework ${e.frameworkId ?? ''}`);
  return f;
}

async function partsOf(seed: Seed): Promise<ReportPart[]> {
  const name = SEED_FILES[seed];
  const result = await importDocument(seedBytes(seed), name, { txt: readTxt }, DEFAULT_LIMITS);
  return (result.report?.parts ?? []) as ReportPart[];
}

const results = {} as Record<Seed, AuditResult & { parts: ReportPart[] }>;

beforeAll(async () => {
  for (const seed of SEEDS) {
    const parts = await partsOf(seed);
    results[seed] = { ...auditReport({ evaluations: loadSeed(seed), statements: [], frameworkOf, parts }, QUALITY), parts };
  }
});

const findings = (seed: Seed, rule: string) => results[seed].findings.filter((f) => f.rule === `audit.quality.${rule}`);
const checks = (seed: Seed, rule: string) => results[seed].checks.filter((c) => c.rule === `audit.quality.${rule}`);
const rubricTotal = (seed: Seed) => findings(seed, 'yueyang-rubric').find((f) => f.severity === 'info')?.message;

describe('quality rules on the seeds', () => {
  it('000: no 三级 indicators (refinement warning), all ten sections present, 十 may say 无', () => {
    expect(findings('000', 'refinement').map((f) => [f.severity, f.message])).toEqual([['warning', '未列出任何三级绩效指标，绩效指标没有细化到三级']]);
    expect(findings('000', 'sections')).toEqual([]);
    expect(checks('000', 'sections')).toHaveLength(10);
    expect(checks('000', 'sections')[9]?.description).toBe('“十、其他需要说明的情况”部分（报告标题“十、其他需要说明的情况”）写“无”，该部分可以为无');
    // Three problems, three measures, each answered (完善绩效目标与指标体系, 推进业财融合, 提升预算执行率).
    expect(findings('000', 'problems-measures')).toEqual([]);
    // The published report has no 附表.
    expect(findings('000', 'attachments')).toHaveLength(3);
    // 正文 8 + 附件 1 (3 missing: 7 − 6) + 权重 5 (stated 10/50/30/10) + 细化 0 + 三级指标 0
    // + 反映问题 16 (预算执行、资金使用、财务: 3 areas) + 建议 15 = 45.
    expect(rubricTotal('000')).toBe('按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 70 分中得 45 分，另 30 分（布置工作、实施评价）需佐证材料');
  });

  it('001: 七 is found though unnumbered; 满意度 all 100%', () => {
    expect(findings('001', 'sections')).toEqual([]);
    expect(checks('001', 'sections').map((c) => c.description)).toContain('“七、存在的问题及原因分析”部分（报告标题“存在的问题及原因分析”）有内容');
    expect(findings('001', 'satisfaction-100').map((f) => f.severity)).toEqual(['info']);
    // The three 满意度 rows have no 二级: info only, 满意度指标 has one 二级.
    expect(findings('001', 'refinement').map((f) => f.severity)).toEqual(['info', 'info', 'info']);
    // 8 + 1 + 5 + 5 + 10 + 13 (预算执行、资金分配) + 15 (一是/二是 both answered) = 57.
    expect(rubricTotal('001')).toContain('可评 70 分中得 57 分');
  });

  it('002: 四 holds only tables, 一’s （二）（三） are empty headings; four vague targets', () => {
    const sections = findings('002', 'sections').map((f) => f.message);
    expect(sections).toContain('“六、部门整体支出绩效情况”部分（报告标题“四、部门整体支出绩效情况分析”）只有标题没有文字，可能只有表格或漏写');
    expect(sections.filter((m) => m.includes('小标题'))).toEqual([
      '“一、部门概况”中的小标题“（二）部门整体支出规模、使用方向和主要内容、涉及范围等。”下没有内容',
      '“一、部门概况”中的小标题“（三）绩效目标设立情况，主要包括部门中长期绩效目标和年度绩效…”下没有内容',
    ]);
    // Its 安化 outline lacks six of the Hunan sections (二、三、四、五、九、十 by keyword).
    expect(sections.filter((m) => m.startsWith('报告缺少'))).toHaveLength(6);
    const measurability = findings('002', 'measurability');
    expect(measurability.map((f) => f.quote)).toEqual(['有效促进', '有所促进', '有效改善', '长期有效']);
    expect(measurability.every((f) => f.severity === 'info')).toBe(true);
    expect(checks('002', 'measurability').at(-1)?.description).toBe('19 项指标中有 4 项的指标值无法衡量');
    // 正文 0 (7 lacking, capped at −8) + 附件 1 + 权重 0 (none stated) + 细化 5 + 三级指标 10 × 15/19 = 7.89
    // + 反映问题 13 (预算绩效、财务) + 建议 15 = 41.89.
    expect(rubricTotal('002')).toContain('可评 70 分中得 41.89 分');
  });

  it('003: the outline is 浏阳’s eight sections, all present, and its 自评表 is attached', () => {
    expect(findings('003', 'sections')).toEqual([]);
    expect(checks('003', 'sections').map((c) => c.description)).toEqual(LIUYANG_OUTLINE.map((o) => `“${o.heading}”部分（报告标题“${o.heading}”）有内容`));
    expect(findings('003', 'attachments')).toEqual([]);
    expect(findings('003', 'measurability').map((f) => f.quote)).toEqual(['效果显著', '持续提升']);
    // 8 + 7 + 5 (30/25/45 stated) + 5 + 10 × 25/27 = 9.26 + 10 (problems in one unnumbered paragraph) + 15 = 59.26.
    expect(rubricTotal('003')).toContain('可评 70 分中得 59.26 分');
  });

  it('004: every 附表 is attached; the 考核评分表 gives 59.53 of 70', () => {
    expect(results['004'].parts.filter((p) => p.kind === 'project')).toHaveLength(8);
    expect(findings('004', 'attachments')).toEqual([]);
    expect(checks('004', 'attachments').map((c) => c.description)).toEqual([
      '附表“部门整体支出绩效评价基础数据表”：文件中有 1 张',
      '附表“部门整体支出绩效自评表”：文件中有 1 张',
      '附表“项目支出绩效自评表（一个一级项目支出一张表）”：文件中有 8 张',
    ]);
    expect(findings('004', 'sections')).toEqual([]);
    // By hand, over the 部门整体 table and the eight 项目 tables (85 indicators):
    //   完整性·正文   8: all ten sections (二、八、十 unnumbered), 三/四/五 "我单位无…支出。", 十 "无".
    //   完整性·附件   7: 基础数据表 1, 部门整体自评表 1, 项目自评表 8.
    //   权重          5: each of the 9 tables: 预算执行率 10, 产出 50, 效益 30, 满意度 10 (36 items, all right).
    //   细化          5: every row has 一级、二级、三级.
    //   三级指标   9.53: 4 vague targets without a number — "科创科普投入持续增加…", "进一步增强了代表的履职意识…"
    //                   (部门整体 and 人大代表), "生态环境更加美丽" — 10 × 81/85 = 9.529… → 9.53.
    //   反映问题     13: two areas, 预算和预算绩效管理 (预算编制) and 资金分配、使用和管理 (年末结转): "不全面" 13—15.
    //   建议情况     12: 2 of 3 problems answered; "绩效管理体系需要逐渐健全" shares only 绩效 with any measure.
    //   8 + 7 + 5 + 5 + 9.53 + 13 + 12 = 59.53.
    const rubric = findings('004', 'yueyang-rubric');
    expect(rubric.filter((f) => f.severity === 'warning').map((f) => f.message.replace(/：.*$/, ''))).toEqual([
      '考核评分表“自评报告·绩效自评表·三级指标”（10 分）得 9.53 分，扣 0.47 分',
      '考核评分表“自评报告·反映问题情况”（20 分）得 13 分，扣 7 分',
      '考核评分表“自评报告·建议情况”（15 分）得 12 分，扣 3 分',
    ]);
    expect(rubricTotal('004')).toBe('按岳阳市部门整体支出绩效自评工作考核评分表，报告可评 70 分中得 59.53 分，另 30 分（布置工作、实施评价）需佐证材料');
    expect(findings('004', 'problems-measures').map((f) => f.message)).toEqual(['问题“绩效管理体系需要逐渐健全”在改进措施中没有对应的措施']);
    expect(findings('004', 'measurability')).toHaveLength(4);
    // 满意度 at 100% or 满意 in the 部门整体 table and 7 of 8 projects (业务工作经费 states a 回复率, not 100%).
    expect(findings('004', 'satisfaction-100')).toHaveLength(8);
  });
});
