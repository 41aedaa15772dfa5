import { describe, expect, it } from 'vitest';
import { HUNAN_OUTLINE, LIUYANG_OUTLINE } from '../../frameworks/outlines';
import { LIUYANG_DEPARTMENT } from '../../frameworks/liuyang-department';
import { SECTION_RULES, countAttachments, emptySubheadings, matchOutline } from './quality-sections';
import { ALL_PARTS, auditInput, project, report, sections } from './quality-test-builders';
import { HUNAN_STANDARD } from '../../frameworks/hunan-standard';

const [sectionsRule, attachmentsRule] = SECTION_RULES;
if (!sectionsRule || !attachmentsRule) throw new Error('rules missing');

describe('matchOutline', () => {
  it('finds sections by keywords whatever their numbering, and tells 无 where it is allowed from where it is not', () => {
    const got = matchOutline(
      sections({
        headings: { problems: '存在的问题及原因分析', 'general-budget': '二、一般公共预算收支情况' },
        texts: { performance: '', measures: '无。' },
        drop: ['social-insurance'],
      }),
      HUNAN_OUTLINE,
    );
    expect(got.map((m) => [m.outline.id, m.status])).toEqual([
      ['basic-info', 'ok'],
      ['general-budget', 'ok'],
      ['government-fund', 'none'],
      ['state-capital', 'ok'],
      ['social-insurance', 'missing'],
      ['performance', 'empty'],
      ['problems', 'ok'],
      ['measures', 'onlyNone'],
      ['application', 'ok'],
      ['other', 'none'],
    ]);
    expect(got[6]?.section?.heading).toBe('存在的问题及原因分析');
    expect(got[6]?.index).toBe(5);
  });
});

describe('emptySubheadings', () => {
  it('finds outline prompts with nothing under them (seed 002, 一、部门概况)', () => {
    const text = '（一）部门基本情况。\n部门职责\n1、召集本级人民代表大会会议。\n（二）部门整体支出规模、使用方向和主要内容、涉及范围等。\n（三）绩效目标设立情况，主要包括部门中长期绩效目标和年度绩效目标。';
    expect(emptySubheadings(text)).toEqual(['（二）部门整体支出规模、使用方向和主要内容、涉及范围等。', '（三）绩效目标设立情况，主要包括部门中长期绩效目标和年度绩效目标。']);
  });

  it('leaves headings with text under them and one-line claims alone', () => {
    expect(emptySubheadings('（一）职能职责\n负责立法工作。\n（二）机构设置\n设 8 个委员会。')).toEqual([]);
    expect(emptySubheadings('（一）预算编制不够精准。\n（二）政府采购程序不够规范。')).toEqual([]);
    expect(emptySubheadings('（三）部分项目预算执行有待加快。部分项目预算执行进度与预期目标存在差距。')).toEqual([]);
  });
});

describe('audit.quality.sections', () => {
  it('passes a complete report with 无 in 三、五、十, one ok check per section', () => {
    const r = sectionsRule.check(auditInput([report()]));
    expect(r.findings).toEqual([]);
    expect(r.checks).toHaveLength(10);
    expect(r.checks[2]?.description).toBe('“三、政府性基金预算支出情况”部分（报告标题“三、政府性基金预算支出情况”）写“无”，该部分可以为无');
  });

  it('warns for a missing section, an empty one, 无 where content is due and an empty sub-heading', () => {
    const e = report({
      sections: sections({
        drop: ['application'],
        texts: { performance: '', problems: '无', 'basic-info': '（一）职能职责\n负责立法。\n（二）人员情况' },
      }),
    });
    const messages = sectionsRule.check(auditInput([e])).findings.map((f) => [f.severity, f.message]);
    expect(messages).toEqual([
      ['warning', '“一、基本情况”中的小标题“（二）人员情况”下没有内容'],
      ['warning', '“六、部门整体支出绩效情况”部分（报告标题“六、部门整体支出绩效情况”）只有标题没有文字，可能只有表格或漏写'],
      ['warning', '“七、存在的问题及原因分析”部分（报告标题“七、存在的问题及原因分析”）只写了“无”，该部分应有内容'],
      ['warning', '报告缺少“九、部门整体支出绩效自评结果拟应用和公开情况”部分，未找到含“应用和公开”或“结果应用”或“公开情况”的标题'],
    ]);
  });

  it('uses the framework outline (浏阳: eight sections) and ignores evaluations without a narrative', () => {
    const liuyang = report({ frameworkId: 'liuyang-department', sections: LIUYANG_OUTLINE.map((o) => ({ heading: o.heading, text: '有内容。' })) });
    const r = sectionsRule.check(auditInput([liuyang, project()], undefined, LIUYANG_DEPARTMENT));
    expect(r.findings).toEqual([]);
    expect(r.checks).toHaveLength(8);
    expect(sectionsRule.check(auditInput([project(), report({ sections: [] })])).checks).toEqual([]);
  });
});

describe('audit.quality.attachments', () => {
  it('counts the tables of each 附表 from the file parts', () => {
    expect(countAttachments(HUNAN_STANDARD, ALL_PARTS)?.map((c) => [c.attachment.id, c.count])).toEqual([
      ['basic-data', 1],
      ['department-table', 1],
      ['project-tables', 2],
    ]);
    expect(countAttachments(HUNAN_STANDARD, undefined)).toBeUndefined();
  });

  it('passes when every 附表 is there', () => {
    const r = attachmentsRule.check(auditInput([report()], ALL_PARTS));
    expect(r.findings).toEqual([]);
    expect(r.checks.map((c) => c.description)).toEqual([
      '附表“部门整体支出绩效评价基础数据表”：文件中有 1 张',
      '附表“部门整体支出绩效自评表”：文件中有 1 张',
      '附表“项目支出绩效自评表（一个一级项目支出一张表）”：文件中有 2 张',
    ]);
  });

  it('warns for each missing 附表; a 年度绩效目标 table is not the 自评表', () => {
    const r = attachmentsRule.check(auditInput([report()], [{ kind: 'report' }, { kind: 'departmentTargets' }, { kind: 'basicData' }]));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '报告未附“部门整体支出绩效自评表”'],
      ['warning', '报告未附“项目支出绩效自评表（一个一级项目支出一张表）”'],
    ]);
  });

  it('says it cannot check when the file parts are unknown, and says nothing without a report', () => {
    const r = attachmentsRule.check(auditInput([report()]));
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      ['info', '未提供文件构成，无法核对附表“部门整体支出绩效评价基础数据表”“部门整体支出绩效自评表”“项目支出绩效自评表（一个一级项目支出一张表）”是否齐全'],
    ]);
    expect(attachmentsRule.check(auditInput([project()], [{ kind: 'project' }])).checks).toEqual([]);
  });
});
