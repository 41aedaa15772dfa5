import { randomUUID } from 'node:crypto';
import { formatSize } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { recordChange } from '../audit-log';
import { sha256Hex } from '../documents/document-store';
import type { Database, EvaluationStatus } from '../store/database';
import { STATUS_LABEL } from './workflow';

/**
 * 佐证材料: files a unit attaches to its evaluation as evidence for the 考核评分表's lines the report cannot show
 * (the 自评通知, the 工作小组's file, …). Kept byte for byte with their SHA-256, listed and downloaded by whoever may
 * read the evaluation, added and removed by its 填报人 while the evaluation can still change (草稿, 退回修改).
 * The caller has found the evaluation through the actor's scope and checked the right on its unit.
 */

/** Statuses in which the unit may add or remove files: the ones in which it may edit the evaluation. */
export const ATTACHMENTS_EDITABLE: readonly EvaluationStatus[] = ['draft', 'returned'];

/** Per evaluation: a reviewer reads them one by one, and the store keeps them in the database. */
export const ATTACHMENT_LIMITS = { maxFiles: 50, maxTotalBytes: 200 * 1024 * 1024 } as const;

/** Why files cannot be added or removed in this status, in Chinese; undefined when they can. */
export function attachmentsLocked(status: EvaluationStatus, verb: '上传' | '删除'): string | undefined {
  if (ATTACHMENTS_EDITABLE.includes(status)) return undefined;
  return `只有${ATTACHMENTS_EDITABLE.map((s) => `“${STATUS_LABEL[s]}”`).join('或')}的评价可以${verb}佐证材料，当前为“${STATUS_LABEL[status]}”`;
}

export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly description: string | null;
  readonly uploadedBy: { readonly id: string; readonly username: string; readonly displayName: string };
  readonly uploadedAt: Date;
}

function listed(db: Kysely<Database>, evaluationId: string) {
  return db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploaded_by')
    .where('attachments.evaluation_id', '=', evaluationId)
    .select([
      'attachments.id',
      'attachments.file_name',
      'attachments.media_type',
      'attachments.size',
      'attachments.sha256',
      'attachments.description',
      'attachments.uploaded_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
    ]);
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof listed>['executeTakeFirstOrThrow']>>;

function attachmentOf(r: ListedRow): Attachment {
  return {
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    description: r.description,
    uploadedBy: { id: r.user_id, username: r.username, displayName: r.display_name },
    uploadedAt: r.uploaded_at,
  };
}

/** An evaluation's files, newest first. */
export async function listAttachments(db: Kysely<Database>, evaluationId: string): Promise<Attachment[]> {
  const rows = await listed(db, evaluationId).orderBy('attachments.uploaded_at', 'desc').orderBy('attachments.id', 'desc').execute();
  return rows.map(attachmentOf);
}

/** One file of the evaluation, with its bytes; undefined when the id is unknown or another evaluation's. */
export async function findAttachment(db: Kysely<Database>, evaluationId: string, attachmentId: string): Promise<(Attachment & { readonly bytes: Uint8Array }) | undefined> {
  const row = await listed(db, evaluationId).where('attachments.id', '=', attachmentId).select('attachments.bytes').executeTakeFirst();
  return row ? { ...attachmentOf(row), bytes: row.bytes } : undefined;
}

export interface NewAttachment {
  readonly evaluationId: string;
  readonly fileName: string;
  /** The detected kind's (attachment-kind.ts). */
  readonly mediaType: string;
  readonly description: string | null;
  readonly bytes: Uint8Array;
  readonly userId: string;
  readonly now: Date;
}

export type AddResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly kind: 'duplicate' | 'limit'; readonly message: string };

export const duplicateMessage = (existing: string): string => `已上传过相同的文件：${existing}`;

/**
 * Stores a file in the caller's transaction, which holds the evaluation's row lock (so two uploads to one evaluation
 * count and compare one after the other), and logs it. The same bytes twice, or past the limits, are refused.
 */
export async function addAttachment(db: Kysely<Database>, input: NewAttachment): Promise<AddResult> {
  const sha256 = sha256Hex(input.bytes);
  const same = await db.selectFrom('attachments').select('file_name').where('evaluation_id', '=', input.evaluationId).where('sha256', '=', sha256).executeTakeFirst();
  if (same) return { ok: false, kind: 'duplicate', message: duplicateMessage(same.file_name) };
  const { files, bytes } = await db
    .selectFrom('attachments')
    .where('evaluation_id', '=', input.evaluationId)
    .select([sql<string>`count(*)::text`.as('files'), sql<string>`coalesce(sum(size), 0)::text`.as('bytes')])
    .executeTakeFirstOrThrow();
  const { maxFiles, maxTotalBytes } = ATTACHMENT_LIMITS;
  if (Number(files) >= maxFiles) return { ok: false, kind: 'limit', message: `每个评价最多 ${maxFiles} 个佐证材料，此评价已有 ${files} 个：请删除不需要的文件，或把多个文件打包成 ZIP 后再上传` };
  if (Number(bytes) + input.bytes.byteLength > maxTotalBytes) {
    return {
      ok: false,
      kind: 'limit',
      message: `每个评价的佐证材料合计不能超过 ${formatSize(maxTotalBytes)}：此评价已有 ${formatSize(Number(bytes))}，这个文件 ${formatSize(input.bytes.byteLength)}；请压缩或删除不需要的文件后再上传`,
    };
  }
  const id = randomUUID();
  await db
    .insertInto('attachments')
    .values({
      id,
      evaluation_id: input.evaluationId,
      file_name: input.fileName,
      media_type: input.mediaType,
      size: input.bytes.byteLength,
      sha256,
      description: input.description,
      bytes: input.bytes,
      uploaded_by: input.userId,
      uploaded_at: input.now,
    })
    .execute();
  await recordChange(db, {
    userId: input.userId,
    action: 'attachment-add',
    entity: 'evaluation',
    entityId: input.evaluationId,
    after: { attachmentId: id, fileName: input.fileName, mediaType: input.mediaType, size: input.bytes.byteLength, sha256, description: input.description },
  });
  return { ok: true, id };
}

/** Removes a file of the evaluation and logs what it was (its bytes are gone with it); false when there is none. */
export async function removeAttachment(db: Kysely<Database>, input: { readonly evaluationId: string; readonly attachmentId: string; readonly userId: string }): Promise<boolean> {
  const removed = await db
    .deleteFrom('attachments')
    .where('evaluation_id', '=', input.evaluationId)
    .where('id', '=', input.attachmentId)
    .returning(['id', 'file_name', 'media_type', 'size', 'sha256', 'description'])
    .executeTakeFirst();
  if (!removed) return false;
  await recordChange(db, {
    userId: input.userId,
    action: 'attachment-remove',
    entity: 'evaluation',
    entityId: input.evaluationId,
    before: { attachmentId: removed.id, fileName: removed.file_name, mediaType: removed.media_type, size: removed.size, sha256: removed.sha256, description: removed.description },
  });
  return true;
}
