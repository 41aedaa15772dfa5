import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { Action } from '../access/permissions';
import { unitsVisibleTo } from '../access/scope-query';
import { recordChange } from '../audit-log';
import type { Database } from '../store/database';
import type { StoredImport } from './import-upload';

/**
 * Uploaded documents (the original bytes, kept as sent) and the import results made from them. Reads go
 * through the actor's scope in SQL: a document of a unit the actor may not read is never fetched.
 */
export interface NewUpload {
  readonly unitId: string;
  readonly year: number;
  readonly filename: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly userId: string;
}

export interface SavedImport {
  readonly documentId: string;
  readonly importId: string;
  readonly filename: string;
  readonly year: number;
  readonly result: StoredImport;
  readonly createdAt: Date;
  /** The same bytes were already uploaded to this unit and year: this is that upload, nothing new was stored. */
  readonly duplicate: boolean;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The earlier upload of the same bytes to the same unit and year, with its latest import. Importing is
 * deterministic for the same bytes, so a second upload (a double click, a retry after a lost answer) gets the
 * first one's result instead of a second document and a second, identical import.
 */
export async function findDuplicate(db: Kysely<Database>, unitId: string, year: number, sha256: string): Promise<SavedImport | undefined> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('import_results', 'import_results.document_id', 'documents.id')
    .where('documents.unit_id', '=', unitId)
    .where('documents.year', '=', year)
    .where('documents.sha256', '=', sha256)
    .select(['documents.id as document_id', 'documents.filename', 'import_results.id as import_id', 'import_results.result', 'import_results.created_at'])
    .orderBy('import_results.created_at', 'desc')
    .orderBy('import_results.id')
    .executeTakeFirst();
  if (!row) return undefined;
  return { documentId: row.document_id, importId: row.import_id, filename: row.filename, year, result: row.result as unknown as StoredImport, createdAt: row.created_at, duplicate: true };
}

/**
 * Stores an upload and its import in the caller's transaction. Two identical uploads racing each other are
 * serialised on a transaction lock keyed by unit, year and hash, so the second finds the first's rows.
 */
export async function saveImport(trx: Kysely<Database>, upload: NewUpload, result: StoredImport, now: Date): Promise<SavedImport> {
  const sha256 = sha256Hex(upload.bytes);
  await sql`select pg_advisory_xact_lock(hashtext(${`upload:${upload.unitId}:${upload.year}:${sha256}`}))`.execute(trx);
  const existing = await findDuplicate(trx, upload.unitId, upload.year, sha256);
  if (existing) return existing;
  const documentId = randomUUID();
  const importId = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id: documentId,
      unit_id: upload.unitId,
      year: upload.year,
      filename: upload.filename,
      media_type: upload.mediaType,
      size: upload.bytes.byteLength,
      sha256,
      bytes: upload.bytes,
      uploaded_by: upload.userId,
      created_at: now,
    })
    .execute();
  await trx.insertInto('import_results').values({ id: importId, document_id: documentId, ok: result.ok, result: JSON.stringify(result), created_at: now }).execute();
  const errors = result.audit.findings.filter((f) => f.severity === 'error').length;
  await recordChange(trx, {
    userId: upload.userId,
    action: 'upload',
    entity: 'document',
    entityId: documentId,
    after: { filename: upload.filename, size: upload.bytes.byteLength, sha256, unitId: upload.unitId, year: upload.year, importId, ok: result.ok, evaluations: result.summaries.length, errors },
  });
  return { documentId, importId, filename: upload.filename, year: upload.year, result, createdAt: now, duplicate: false };
}

function scopedImports(db: Kysely<Database>, actor: Actor, action: Action) {
  return db
    .selectFrom('import_results')
    .innerJoin('documents', 'documents.id', 'import_results.document_id')
    .innerJoin('units', 'units.id', 'documents.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where(unitsVisibleTo(actor, action));
}

export interface ScopedImport {
  readonly importId: string;
  readonly documentId: string;
  readonly filename: string;
  readonly year: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly jurisdictionPath: string;
  readonly result: StoredImport;
  readonly createdAt: Date;
}

/** One import, if the actor may read its unit. */
export async function findImport(db: Kysely<Database>, actor: Actor, importId: string): Promise<ScopedImport | undefined> {
  const row = await scopedImports(db, actor, 'read')
    .where('import_results.id', '=', importId)
    .select(['import_results.id', 'import_results.document_id', 'import_results.result', 'import_results.created_at', 'documents.filename', 'documents.year', 'units.id as unit_id', 'units.name as unit_name', 'jurisdictions.path'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    importId: row.id,
    documentId: row.document_id,
    filename: row.filename,
    // Uploads always have a year; a document stored without one (none are, today) reads as year 0.
    year: row.year ?? 0,
    unitId: row.unit_id,
    unitName: row.unit_name,
    jurisdictionPath: row.path,
    result: row.result as unknown as StoredImport,
    createdAt: row.created_at,
  };
}

export interface ImportListItem {
  readonly importId: string;
  readonly documentId: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly year: number;
  readonly ok: boolean;
  readonly evaluations: number;
  readonly errors: number;
  readonly warnings: number;
  readonly uploadedBy: { readonly id: string; readonly displayName: string } | null;
  readonly createdAt: Date;
}

const findingCount = (severity: 'error' | 'warning') =>
  sql<number>`(select count(*)::int from jsonb_array_elements(coalesce(${sql.ref('import_results.result')}->'audit'->'findings', '[]'::jsonb)) f where f->>'severity' = ${severity})`;

/** A unit's imports, newest first; the counts are read inside the database, not by loading each result. */
export async function listImports(
  db: Kysely<Database>,
  actor: Actor,
  unitId: string,
  year: number | undefined,
  page: { readonly page: number; readonly pageSize: number },
): Promise<{ items: ImportListItem[]; total: number }> {
  let query = scopedImports(db, actor, 'read').where('documents.unit_id', '=', unitId);
  if (year !== undefined) query = query.where('documents.year', '=', year);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('users', 'users.id', 'documents.uploaded_by')
    .select([
      'import_results.id',
      'import_results.document_id',
      'import_results.ok',
      'import_results.created_at',
      'documents.filename',
      'documents.media_type',
      'documents.size',
      'documents.sha256',
      'documents.year',
      'users.id as user_id',
      'users.display_name',
      sql<number>`jsonb_array_length(coalesce(${sql.ref('import_results.result')}->'summaries', '[]'::jsonb))`.as('evaluations'),
      findingCount('error').as('errors'),
      findingCount('warning').as('warnings'),
    ])
    .orderBy('import_results.created_at', 'desc')
    .orderBy('import_results.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      importId: r.id,
      documentId: r.document_id,
      filename: r.filename,
      mediaType: r.media_type,
      size: r.size,
      sha256: r.sha256,
      year: r.year ?? 0,
      ok: r.ok,
      evaluations: r.evaluations,
      errors: r.errors,
      warnings: r.warnings,
      uploadedBy: r.user_id ? { id: r.user_id, displayName: r.display_name ?? '' } : null,
      createdAt: r.created_at,
    })),
  };
}

export interface ScopedDocument {
  readonly id: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** A document's original bytes, if the actor may read its unit. */
export async function findDocument(db: Kysely<Database>, actor: Actor, documentId: string): Promise<ScopedDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('units', 'units.id', 'documents.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .where(unitsVisibleTo(actor, 'read'))
    .where('documents.id', '=', documentId)
    .select(['documents.id', 'documents.filename', 'documents.media_type', 'documents.sha256', 'documents.bytes'])
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, filename: row.filename, mediaType: row.media_type, sha256: row.sha256, bytes: row.bytes };
}
