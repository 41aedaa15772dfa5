import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import type { Dashboard, DashboardUnit, EvaluationDetail, Finding } from '../../api/types';
import { useApi } from '../../api/use-api';
import { PageHeader } from '../../components/page-header';
import { money, percent, score } from '../../format';
import { FLAG_LABEL, RULE_TITLE, SEVERITY_COLOR, SEVERITY_LABEL, STATUS_LABEL } from '../../labels';
import { usePageTitle } from '../../use-page-title';
import { suggestQuestions } from './review-questions';
import './review-pack.css';

/** Findings shown per unit: the pack is a page each, and the rest are one click away in the evaluation. */
const TOP_FINDINGS = 5;
/** Evaluations fetched at once: a province's pack has dozens of units. */
const PARALLEL = 4;

/** Today in the reader's own time zone (an ISO date would be yesterday in Beijing before 8 a.m.). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function topFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, TOP_FINDINGS);
}

/**
 * Each unit's current findings, from its 部门整体 evaluation (the dashboard gives counts by rule, not by unit).
 * A failure leaves that unit's findings out and says so; the rest of the pack still prints.
 */
function useUnitFindings(units: readonly DashboardUnit[] | undefined): { findings: ReadonlyMap<string, readonly Finding[]>; loading: boolean; failed: number } {
  const [state, setState] = useState<{ findings: Map<string, readonly Finding[]>; loading: boolean; failed: number }>({ findings: new Map(), loading: true, failed: 0 });
  const ids = (units ?? []).flatMap((u) => (u.evaluationId ? [u.evaluationId] : []));
  const key = units ? ids.join(',') : null;
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const queue = key ? key.split(',') : [];
    const findings = new Map<string, readonly Finding[]>();
    let failed = 0;
    setState({ findings, loading: true, failed: 0 });
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const detail = await api.get<EvaluationDetail>(`/api/evaluations/${encodeURIComponent(id)}`, { signal: controller.signal, quiet: true });
          findings.set(id, detail.findings);
        } catch (error) {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError) failed += 1;
        }
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker)).then(() => {
      if (!controller.signal.aborted) setState({ findings, loading: false, failed });
    });
    return () => controller.abort();
  }, [key]);
  return state;
}

/**
 * 审查材料: one printed page per unit of a jurisdiction's dashboard for a year, with its figures, its flags, its
 * most serious findings and questions to put to it. The screen shows the pages one under the other; 打印 prints
 * them without the app's menu, each unit on a page of its own.
 */
export function ReviewPackPage() {
  const [params] = useSearchParams();
  const jurisdictionId = params.get('jurisdictionId');
  const board = useApi<Dashboard>(jurisdictionId ? '/api/dashboard' : null, { jurisdictionId, year: params.get('year') ?? undefined });
  const data = board.data;
  const { findings, loading, failed } = useUnitFindings(data?.units);
  // A unit that has not reported is itself a question for the hearing; leaving it out shortens the pack.
  const [withoutEvaluation, setWithoutEvaluation] = useState(true);
  const units = data?.units.filter((u) => withoutEvaluation || u.evaluationId !== null) ?? [];
  usePageTitle(data ? `${data.jurisdiction.name} ${data.year} 年度审查材料` : '审查材料');

  // Print rules for this page only: the app's menu and header are not part of the pack.
  useEffect(() => {
    document.body.classList.add('jx-print-pack');
    return () => document.body.classList.remove('jx-print-pack');
  }, []);

  const back = `/dashboard?${new URLSearchParams({ ...(jurisdictionId ? { jurisdictionId } : {}), ...(data ? { year: String(data.year) } : {}) }).toString()}`;
  return (
    <>
      <div className="jx-no-print">
        <PageHeader
          title="审查材料"
          extra={
            <Space wrap>
              <Checkbox checked={withoutEvaluation} onChange={(e) => setWithoutEvaluation(e.target.checked)}>
                包括尚无评价的单位
              </Checkbox>
              <Link to={back}>
                <ArrowLeftOutlined aria-hidden /> 返回监督看板
              </Link>
              <Button type="primary" icon={<PrinterOutlined aria-hidden />} disabled={!data || loading} onClick={() => window.print()}>
                打印
              </Button>
            </Space>
          }
        >
          <Typography.Text type="secondary">每个单位一页：主要数据、提示、主要审查发现和建议询问的问题。打印时每个单位另起一页。</Typography.Text>
        </PageHeader>
        {!jurisdictionId && <Alert type="info" showIcon title="请从监督看板进入，选定地区与年度。" />}
        {board.error && <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 16 }} />}
        {failed > 0 && <Alert type="warning" showIcon title={`有 ${failed} 个单位的审查发现未能读取，其页面只列提示与数据。`} style={{ marginBottom: 16 }} />}
      </div>
      {jurisdictionId && !data && board.loading && <Skeleton active />}
      {data && units.length === 0 && <Empty description="没有可列入的单位" />}
      {data && (
        <div className="jx-pack">
          {units.map((u, i) => (
            <UnitSheet key={u.unitId} unit={u} index={i + 1} total={units.length} place={data.jurisdiction.name} year={data.year} findings={u.evaluationId ? findings.get(u.evaluationId) : []} loading={loading} />
          ))}
        </div>
      )}
    </>
  );
}

function UnitSheet({
  unit: u,
  index,
  total,
  place,
  year,
  findings,
  loading,
}: {
  readonly unit: DashboardUnit;
  readonly index: number;
  readonly total: number;
  readonly place: string;
  readonly year: number;
  readonly findings: readonly Finding[] | undefined;
  readonly loading: boolean;
}) {
  const titleId = `pack-unit-${u.unitId}`;
  const questions = suggestQuestions(u, findings ?? []);
  const top = topFindings(findings ?? []);
  const figures: [string, string][] = [
    ['状态', u.status ? STATUS_LABEL[u.status] : '尚无评价'],
    ['预算数（万元）', money(u.budget)],
    ['执行数（万元）', money(u.executed)],
    ['预算执行率', percent(u.executionRate)],
    ['自评得分', score(u.statedScore)],
    ['复算得分', score(u.computedScore)],
    ['等级', u.grade ?? '—'],
    ['错误 / 警告', u.evaluationId ? `${u.errorCount} / ${u.warningCount}` : '—'],
  ];
  return (
    <section className="jx-pack-unit" aria-labelledby={titleId}>
      <div className="jx-pack-meta">
        {place} {year} 年度部门整体支出绩效自评审查材料 · 第 {index} / {total} 页
      </div>
      <h2 id={titleId} className="jx-pack-title">
        {u.unitName}
      </h2>
      <div className="jx-sub">
        {u.jurisdictionName} · 单位编码 {u.unitCode}
      </div>

      <table className="jx-pack-figures">
        <tbody>
          {[figures.slice(0, 4), figures.slice(4)].map((row, r) => (
            <tr key={r}>
              {row.map(([label, value]) => (
                <td key={label}>
                  <div className="jx-sub">{label}</div>
                  <div className="jx-num jx-pack-value">{value}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="jx-pack-heading">提示</h3>
      {u.flags.length ? (
        <Space size={4} wrap>
          {u.flags.map((f) => (
            <Tag key={f} color={f === 'score-above-execution' ? 'red' : 'orange'}>
              {FLAG_LABEL[f] ?? f}
            </Tag>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      )}

      <h3 className="jx-pack-heading">主要审查发现</h3>
      {!u.evaluationId ? (
        <Typography.Text type="secondary">本年度尚无部门整体评价。</Typography.Text>
      ) : findings === undefined ? (
        <Typography.Text type="secondary">{loading ? '正在读取…' : '未能读取。'}</Typography.Text>
      ) : top.length === 0 ? (
        <Typography.Text type="secondary">没有审查发现。</Typography.Text>
      ) : (
        <ol className="jx-pack-findings">
          {top.map((f, i) => (
            <li key={f.id ?? i}>
              <Tag color={SEVERITY_COLOR[f.severity]}>{SEVERITY_LABEL[f.severity]}</Tag>
              <strong>{RULE_TITLE[f.rule] ?? f.rule}</strong>：{f.message}
            </li>
          ))}
          {findings.length > top.length && <li className="jx-sub">另有 {findings.length - top.length} 项，见评价详情。</li>}
        </ol>
      )}

      <h3 className="jx-pack-heading">建议询问</h3>
      <ol className="jx-pack-questions" aria-label={`对${u.unitName}的建议询问`}>
        {questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ol>
      <div className="jx-pack-footer jx-sub">打印日期：{today()}</div>
    </section>
  );
}
