import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * 佐证材料 (files a unit attaches to an evaluation as evidence) and the finance bureau's 自评工作考核评分 (its grade
 * of the unit's self-evaluation work by the 考核评分表). Both hang off one evaluation and go with it (ON DELETE
 * CASCADE, which the API never does). An evaluation holds one file of given bytes at most: the unique key makes a
 * double upload a conflict rather than a second copy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('attachments_one_per_content', ['evaluation_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('work_grades')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluations.id').onDelete('cascade'))
    .addColumn('graded_version', 'integer', (c) => c.notNull())
    .addColumn('lines', 'jsonb', (c) => c.notNull())
    .addColumn('total', sql`numeric(6, 2)`, (c) => c.notNull())
    .addColumn('graded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('graded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('work_grades').ifExists().execute();
  await db.schema.dropTable('attachments').ifExists().execute();
}
