import { Collapse, Empty, Typography } from 'antd';
import type { EvaluationContent } from '../../api/types';
import { useFieldProps } from './highlight';

/** Sections on problems and measures: the part of the report a reviewer reads first, shown open. */
export const PROBLEM_HEADING = /问题|措施|建议|改进/;

/** 问题与改进措施: the report's sections on problems, causes and measures, as written. */
export function ProblemSections({ content }: { readonly content: EvaluationContent }) {
  const field = useFieldProps();
  const sections = (content.sections ?? []).map((s, i) => ({ ...s, index: i })).filter((s) => PROBLEM_HEADING.test(s.heading));
  if (sections.length === 0) {
    const none = (content.sections ?? []).length === 0;
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={none ? '此评价没有报告正文（项目评价的问题与改进措施写在所属部门整体评价的报告中）' : '报告中没有“存在的问题”或“改进措施”章节'} />;
  }
  return (
    <div {...field('sections')}>
      {sections.map((s) => (
        <section key={s.index} {...field(`sections[${s.index}]`)} style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {s.heading}
          </Typography.Title>
          <Typography.Paragraph {...field(`sections[${s.index}].text`, 'jx-prewrap')} style={{ marginBottom: 0 }}>
            {s.text}
          </Typography.Paragraph>
        </section>
      ))}
    </div>
  );
}

/** The other sections of the report, folded; a finding that points into one opens it. */
export function OtherSections({ content, open, onOpenChange }: { readonly content: EvaluationContent; readonly open: readonly string[]; readonly onOpenChange: (keys: string[]) => void }) {
  const field = useFieldProps();
  const sections = (content.sections ?? []).map((s, i) => ({ ...s, index: i })).filter((s) => !PROBLEM_HEADING.test(s.heading));
  if (sections.length === 0) return null;
  return (
    <Collapse
      activeKey={[...open]}
      onChange={(keys) => onOpenChange(Array.isArray(keys) ? keys : [keys])}
      items={sections.map((s) => ({
        key: String(s.index),
        label: s.heading || `第 ${s.index + 1} 节`,
        children: (
          <div {...field(`sections[${s.index}]`)}>
            <Typography.Paragraph {...field(`sections[${s.index}].text`, 'jx-prewrap')} style={{ marginBottom: 0 }}>
              {s.text}
            </Typography.Paragraph>
          </div>
        ),
      }))}
    />
  );
}
