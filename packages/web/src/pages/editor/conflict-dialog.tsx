import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { EvaluationContent } from '../../api/types';
import { describePath } from '../evaluation/field-paths';
import { changedPaths, getAt } from './json-path';
import type { Json, JsonObject } from './json-path';

/** What a 409 on save carries (routes/evaluations.ts `writeFailure`). */
export interface SaveConflict {
  readonly currentVersion: number;
  /** Paths that differ between the version the editor started from and the current one: the other's changes. */
  readonly changedPaths: readonly string[];
  readonly current: JsonObject;
}

export function isSaveConflict(details: unknown): details is SaveConflict {
  if (typeof details !== 'object' || details === null) return false;
  const d = details as Partial<SaveConflict>;
  return typeof d.currentVersion === 'number' && Array.isArray(d.changedPaths) && typeof d.current === 'object' && d.current !== null;
}

function shown(value: Json | undefined): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value)) {
    const name = value.name ?? value.label ?? value.heading;
    if (typeof name === 'string') return `整行：${name || '（未命名）'}`;
  }
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 120)}…` : json;
}

/**
 * Two long texts (a report section) differ in a few words: show each around where they differ, not their
 * common opening, so that the change is what the user reads.
 */
function excerpts(a: Json | undefined, b: Json | undefined): [string, string] {
  if (typeof a !== 'string' || typeof b !== 'string' || (a.length <= 120 && b.length <= 120)) return [shown(a), shown(b)];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const cut = (text: string) => {
    const from = Math.max(0, start - 30);
    const to = Math.min(text.length, Math.max(text.length - end + 30, from + 60));
    const middle = text.slice(from, to);
    return `${from > 0 ? '…' : ''}${middle.length > 200 ? `${middle.slice(0, 200)}…` : middle}${to < text.length ? '…' : ''}`;
  };
  return [cut(a) || '（空）', cut(b) || '（空）'];
}

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

/**
 * The save was refused: someone saved a newer version since this editor opened. Lists what they changed with
 * both values (yours and theirs) and lets the user choose, knowingly, whose version wins: theirs (losing the
 * edits here, after asking), or theirs with every field changed here set again (where both changed a field,
 * the value here wins — those rows are marked). Closing keeps the edits on the page, unsaved.
 */
export function ConflictDialog({
  conflict,
  base,
  mine,
  busy,
  onTakeTheirs,
  onKeepMine,
  onClose,
}: {
  readonly conflict: SaveConflict | null;
  readonly base: JsonObject;
  readonly mine: JsonObject;
  readonly busy: boolean;
  readonly onTakeTheirs: () => void;
  readonly onKeepMine: () => void;
  readonly onClose: () => void;
}) {
  if (!conflict) return null;
  const mineChanged = changedPaths(base, mine);
  const content = conflict.current as unknown as EvaluationContent;
  const rows = conflict.changedPaths.map((path) => {
    const [yours, theirs] = excerpts(getAt(mine, path), getAt(conflict.current, path));
    return { key: path, path, where: describePath(path, content), mine: yours, theirs, both: mineChanged.some((m) => overlaps(m, path)) };
  });
  return (
    <Modal
      open
      title={`他人已保存第 ${conflict.currentVersion} 版`}
      width={760}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>稍后处理</Button>
          <Button danger onClick={onTakeTheirs} disabled={busy}>
            以对方版本为准
          </Button>
          <Button type="primary" onClick={onKeepMine} loading={busy}>
            保留我的修改
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        您编辑期间，他人保存了第 {conflict.currentVersion} 版，改动了 {rows.length} 处（见下表）。您在本页改动了 {mineChanged.length} 处，尚未保存。
      </Typography.Paragraph>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={rows}
        columns={[
          {
            title: '对方改动的字段',
            dataIndex: 'where',
            width: 200,
            render: (where: string, r) => (
              <>
                {where}
                {r.both && (
                  <Tag color="orange" style={{ marginInlineStart: 4 }}>
                    双方都改了
                  </Tag>
                )}
              </>
            ),
          },
          { title: '您的版本', dataIndex: 'mine', className: 'jx-prewrap' },
          { title: `对方版本（第 ${conflict.currentVersion} 版）`, dataIndex: 'theirs', className: 'jx-prewrap' },
        ]}
      />
      <Alert
        style={{ marginTop: 12 }}
        type="info"
        showIcon
        title="如何处理"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>保留我的修改：以第 {conflict.currentVersion} 版为基础，把您改动的 {mineChanged.length} 处重新填入后保存为新版本；对方改动的其他字段保留。标有“双方都改了”的字段以您的为准。</li>
            <li>以对方版本为准：载入第 {conflict.currentVersion} 版，放弃您本页的修改。</li>
            <li>稍后处理：关闭此窗口，您的修改仍在本页，尚未保存。</li>
          </ul>
        }
      />
    </Modal>
  );
}
