import { Button, Col, Descriptions, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvaluationDetail } from '../../api/types';
import { useFieldProps } from '../evaluation/highlight';
import { FIELD_STYLE, TextInput } from './field-inputs';
import type { Update } from './field-inputs';
import type { JsonObject } from './json-path';

/** 基本情况: the unit's particulars and the 年度总体目标; 年度 and 类型 belong to the evaluation and stay fixed. */
const UNIT_FIELDS = [
  { name: 'name', label: '单位名称', required: true },
  { name: 'code', label: '单位编码' },
  { name: 'supervisor', label: '主管部门' },
  { name: 'implementer', label: '实施单位' },
  { name: 'head', label: '单位负责人' },
  { name: 'contact', label: '填表人' },
  { name: 'phone', label: '联系电话' },
  { name: 'filledDate', label: '填报日期', placeholder: 'yyyy-mm-dd，如 2025-03-31' },
] as const;

export function BasicInfoEditor({ evaluation, content, onChange }: { readonly evaluation: EvaluationDetail; readonly content: JsonObject; readonly onChange: Update }) {
  const field = useFieldProps();
  const unit = (content.unit ?? {}) as JsonObject;
  const goals = (Array.isArray(content.goals) ? content.goals : []) as JsonObject[];
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="预算年度">{evaluation.year}</Descriptions.Item>
        <Descriptions.Item label="类型">{evaluation.kind === 'project' ? '项目支出绩效自评' : '部门整体支出绩效自评'}</Descriptions.Item>
        <Descriptions.Item label="编制人数">{typeof unit.staffQuota === 'number' ? unit.staffQuota : '—'}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <label style={FIELD_STYLE} {...field('title')}>
            <span>{evaluation.kind === 'project' ? '项目名称' : '名称（单位名称）'}</span>
            <TextInput required value={content.title} path="title" label={evaluation.kind === 'project' ? '项目名称' : '名称'} onChange={onChange} />
          </label>
        </Col>
        {UNIT_FIELDS.map((f) => (
          <Col xs={24} sm={12} md={8} key={f.name}>
            <label style={FIELD_STYLE} {...field(`unit.${f.name}`)}>
              <span>{f.label}</span>
              <TextInput required={'required' in f} value={unit[f.name]} path={`unit.${f.name}`} label={f.label} onChange={onChange} placeholder={'placeholder' in f ? f.placeholder : undefined} />
            </label>
          </Col>
        ))}
      </Row>
      <div {...field('goals')} style={{ marginTop: 16 }}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          年度总体目标
        </Typography.Title>
        {goals.map((g, i) => (
          <Row gutter={[12, 8]} key={i} {...field(`goals[${i}]`)} style={{ marginBottom: 8 }} align="top">
            <Col xs={24} md={11}>
              <label style={FIELD_STYLE}>
                <span>第 {i + 1} 条 预期目标</span>
                <TextInput multiline required value={g.planned} path={`goals[${i}].planned`} label={`第 ${i + 1} 条 预期目标`} onChange={onChange} />
              </label>
            </Col>
            <Col xs={20} md={11}>
              <label style={FIELD_STYLE}>
                <span>实际完成情况</span>
                <TextInput multiline required value={g.achieved} path={`goals[${i}].achieved`} label={`第 ${i + 1} 条 实际完成情况`} onChange={onChange} />
              </label>
            </Col>
            <Col xs={4} md={2} style={{ paddingTop: 22 }}>
              <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`删除第 ${i + 1} 条目标`} onClick={() => onChange(`goals[${i}]`, undefined)} />
            </Col>
          </Row>
        ))}
        <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(`goals[${goals.length}]`, { planned: '', achieved: '' })}>
          添加目标
        </Button>
      </div>
    </>
  );
}
