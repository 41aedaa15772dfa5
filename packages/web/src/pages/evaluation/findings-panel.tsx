import { Badge, Card, Empty, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EvaluationContent, Finding, Severity } from '../../api/types';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../../labels';
import { describePath } from './field-paths';

export type SeverityFilterValue = 'all' | Severity;

/** 全部 / 错误 / 警告 / 提示 with their counts: the one filter over a list of findings. */
export function SeverityFilter({ findings, value, onChange }: { readonly findings: readonly Finding[]; readonly value: SeverityFilterValue; readonly onChange: (value: SeverityFilterValue) => void }) {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return (
    <Segmented<SeverityFilterValue>
      size="small"
      value={value}
      onChange={onChange}
      aria-label="按严重程度筛选"
      options={[
        { value: 'all', label: `全部 ${findings.length}` },
        { value: 'error', label: `错误 ${count('error')}` },
        { value: 'warning', label: `警告 ${count('warning')}` },
        { value: 'info', label: `提示 ${count('info')}` },
      ]}
    />
  );
}

/**
 * The findings of the evaluation's current version, errors first. Each one that names a field is a button:
 * choosing it scrolls to that field (the table cell or row, or the report section) and highlights it.
 */
export function FindingsPanel({
  findings,
  content,
  onSelect,
  style,
}: {
  readonly findings: readonly Finding[];
  readonly content: EvaluationContent;
  readonly onSelect: (path: string) => void;
  readonly style?: React.CSSProperties;
}) {
  const [filter, setFilter] = useState<SeverityFilterValue>('all');
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);

  return (
    <Card
      title={
        <span>
          审查发现 <Badge count={findings.length} showZero color="#8c8c8c" style={{ marginInlineStart: 4 }} />
        </span>
      }
      size="small"
      style={style}
      styles={{ body: { padding: 0 } }}
      data-testid="findings-panel"
    >
      <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}>
        <SeverityFilter findings={findings} value={filter} onChange={setFilter} />
      </div>
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={findings.length ? '此类没有发现' : '没有审查发现'} style={{ padding: 16 }} />
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0, overflowY: 'auto', maxHeight: 'inherit' }} aria-label="审查发现列表">
          {shown.map((f, i) => (
            <li key={f.id ?? `${f.rule}-${i}`} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <FindingItem finding={f} content={content} onSelect={onSelect} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function FindingItem({ finding, content, onSelect }: { readonly finding: Finding; readonly content: EvaluationContent; readonly onSelect: (path: string) => void }) {
  const path = finding.location?.path;
  const body = (
    <>
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Tag color={SEVERITY_COLOR[finding.severity]} style={{ marginInlineEnd: 0 }}>
          {SEVERITY_LABEL[finding.severity]}
        </Tag>
        <Typography.Text code style={{ fontSize: 12 }}>
          {finding.rule}
        </Typography.Text>
      </div>
      <div style={{ marginTop: 4, lineHeight: 1.6 }}>{finding.message}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {path ? `位置：${describePath(path, content)}` : '未标明位置（涉及整份报告）'}
      </Typography.Text>
    </>
  );
  if (!path) return <div style={{ padding: '8px 12px' }}>{body}</div>;
  return (
    <button
      type="button"
      className="jx-finding"
      onClick={() => onSelect(path)}
      aria-label={`${SEVERITY_LABEL[finding.severity]}：${finding.message}。转到${describePath(path, content)}`}
      style={{ display: 'block', width: '100%', textAlign: 'start', padding: '8px 12px', background: 'none', border: 0, cursor: 'pointer', font: 'inherit', color: 'inherit' }}
    >
      {body}
    </button>
  );
}
