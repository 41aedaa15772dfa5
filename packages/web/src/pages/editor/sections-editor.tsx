import { Empty, Input, Typography } from 'antd';
import { PROBLEM_HEADING } from '../evaluation/report-sections';
import { useFieldProps } from '../evaluation/highlight';
import { FIELD_STYLE } from './field-inputs';
import type { Update } from './field-inputs';
import type { JsonObject } from './json-path';

/**
 * 问题与改进措施 first (what a reviewer reads first), then the report's other sections, each an editable text.
 * Headings stay as printed: the report outline finds sections by them.
 */
export function SectionsEditor({ sections, onChange }: { readonly sections: readonly JsonObject[]; readonly onChange: Update }) {
  const field = useFieldProps();
  const all = sections.map((s, index) => ({ heading: typeof s.heading === 'string' ? s.heading : '', text: typeof s.text === 'string' ? s.text : '', index }));
  if (all.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="此评价没有报告正文（项目评价的问题与改进措施写在所属部门整体评价的报告中）" />;
  const problems = all.filter((s) => PROBLEM_HEADING.test(s.heading));
  const others = all.filter((s) => !PROBLEM_HEADING.test(s.heading));
  const block = (s: (typeof all)[number]) => (
    <section key={s.index} {...field(`sections[${s.index}]`)} style={{ marginBottom: 16 }}>
      <label style={FIELD_STYLE} {...field(`sections[${s.index}].text`)}>
        <span style={{ fontWeight: 600 }}>{s.heading || `第 ${s.index + 1} 节`}</span>
        <Input.TextArea aria-label={s.heading || `第 ${s.index + 1} 节`} value={s.text} autoSize={{ minRows: 3, maxRows: 16 }} onChange={(e) => onChange(`sections[${s.index}].text`, e.target.value)} />
      </label>
    </section>
  );
  return (
    <div {...field('sections')}>
      {problems.length === 0 && <Typography.Paragraph type="secondary">报告中没有“存在的问题”或“改进措施”章节。</Typography.Paragraph>}
      {problems.map(block)}
      {others.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 8 }}>
            报告其他章节
          </Typography.Title>
          {others.map(block)}
        </>
      )}
    </div>
  );
}
