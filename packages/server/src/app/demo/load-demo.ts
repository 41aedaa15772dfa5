import { randomUUID } from 'node:crypto';
import { DEFAULT_FRAMEWORK_ID, JixiaoError } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { ROLE_LABEL } from '../access/actor';
import { passwordProblems } from '../accounts/password-rules';
import { recordChange } from '../audit-log';
import { appendVersion, createEvaluation, setStatus } from '../evaluations/evaluation-store';
import type { WriteResult } from '../evaluations/evaluation-store';
import { importDocument } from '../import-document';
import { saveImport } from '../documents/document-store';
import { toStoredImport } from '../documents/import-upload';
import type { StoredImport } from '../documents/import-upload';
import type { DocumentReaders, ImportLimits, PasswordHasher } from '../ports';
import type { Database, EvaluationKind, EvaluationRow, Role } from '../store/database';
import type { DemoUnit } from './demo-world';
import { DEMO_JURISDICTIONS, DEMO_UNITS, DEMO_USERS, demoDeadlines, demoReviewer } from './demo-world';
import { initialPassword } from './initial-password';

/**
 * Loads the demo world into an empty store (no jurisdictions), all in one transaction: the jurisdiction tree,
 * the five seed units, users for every role, frameworks and deadlines for the seed years, and each seed report
 * imported through the real importer, stored as a document, and taken through the workflow to its demo status.
 * A store that has any jurisdiction is left alone, so this runs once, on the first start.
 */
export interface DemoPorts {
  readonly readers: DocumentReaders;
  readonly limits: ImportLimits;
  readonly hasher: PasswordHasher;
  /** A demo report's bytes, by its file name in packages/server/demo/. */
  readonly readReport: (file: string) => Promise<Uint8Array>;
}

export interface DemoOptions {
  /** One password for every demo user (JIXIAO_ADMIN_PASSWORD); without it each gets a random one. */
  readonly password?: string;
}

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleLabel: string;
  /** The jurisdiction or unit the role is granted on. */
  readonly scope: string;
  /** The random initial password, shown once; absent when every user got the given password. */
  readonly password?: string;
}

export interface DemoCounts {
  readonly jurisdictions: number;
  readonly units: number;
  readonly users: number;
  readonly evaluations: number;
}

export type DemoLoad = { readonly loaded: false } | { readonly loaded: true; readonly accounts: readonly DemoAccount[]; readonly counts: DemoCounts };

interface ImportedUnit {
  readonly unit: DemoUnit;
  readonly bytes: Uint8Array;
  readonly result: StoredImport;
  readonly evaluations: readonly Record<string, unknown>[];
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('jurisdictions').select('id').limit(1).executeTakeFirst()) === undefined;
}

async function importUnit(unit: DemoUnit, ports: DemoPorts): Promise<ImportedUnit> {
  const bytes = await ports.readReport(unit.file);
  const result = toStoredImport(await importDocument(bytes, unit.file, ports.readers, ports.limits), { unitName: unit.name, year: unit.year });
  // The demo reports are fixed files: one that no longer imports is a bug in the importer, not bad input.
  if (!result.ok || !result.report) throw new JixiaoError('INVARIANT', `演示报告 ${unit.file} 导入失败：${result.error ?? '没有结果'}`);
  if (result.report.year !== unit.year) throw new JixiaoError('INVARIANT', `演示报告 ${unit.file} 的年度为 ${result.report.year}，应为 ${unit.year}`);
  return { unit, bytes, result, evaluations: result.report.evaluations as Record<string, unknown>[] };
}

function written(result: WriteResult, what: string): EvaluationRow {
  if (!result.ok) throw new JixiaoError('INVARIANT', `演示数据 ${what} 写入失败：${JSON.stringify(result)}`);
  return result.evaluation;
}

export async function loadDemo(db: Kysely<Database>, ports: DemoPorts, options: DemoOptions = {}): Promise<DemoLoad> {
  if (!(await isEmpty(db))) return { loaded: false };
  if (options.password !== undefined) {
    for (const user of DEMO_USERS) {
      const problems = passwordProblems(options.password, user.username);
      if (problems.length) throw new JixiaoError('CONFIG', `JIXIAO_ADMIN_PASSWORD 不能用作用户 ${user.username} 的密码：${problems.join('；')}`);
    }
  }
  // Reading, extracting and hashing take most of the time and touch no table: done before the transaction.
  const imported: ImportedUnit[] = [];
  for (const unit of DEMO_UNITS) imported.push(await importUnit(unit, ports));
  const shared = options.password === undefined ? undefined : { password: options.password, hash: await ports.hasher.hash(options.password) };
  const credentials = new Map<string, { password: string; hash: string }>();
  for (const user of DEMO_USERS) {
    if (shared) credentials.set(user.username, shared);
    else {
      const password = initialPassword(user.username);
      credentials.set(user.username, { password, hash: await ports.hasher.hash(password) });
    }
  }

  return db.transaction().execute(async (trx): Promise<DemoLoad> => {
    // Two servers started at once on one PostgreSQL database: the second waits here, then finds the demo loaded.
    await sql`lock table jurisdictions in share row exclusive mode`.execute(trx);
    if (!(await isEmpty(trx))) return { loaded: false };

    const jurisdictionIds = new Map<string, string>();
    const paths = new Map<string, string>();
    for (const j of DEMO_JURISDICTIONS) {
      const id = randomUUID();
      const path = `${j.parent ? paths.get(j.parent) : '/'}${id}/`;
      jurisdictionIds.set(j.key, id);
      paths.set(j.key, path);
      await trx
        .insertInto('jurisdictions')
        .values({ id, parent_id: j.parent ? (jurisdictionIds.get(j.parent) ?? null) : null, name: j.name, level: j.level, code: j.code, path })
        .execute();
    }
    const jid = (key: string): string => jurisdictionIds.get(key) as string;

    const unitIds = new Map(DEMO_UNITS.map((u) => [u.key, randomUUID()]));
    await trx
      .insertInto('units')
      .values(DEMO_UNITS.map((u) => ({ id: unitIds.get(u.key) as string, jurisdiction_id: jid(u.jurisdiction), name: u.name, code: u.code, staff_quota: u.staffQuota })))
      .execute();

    const userIds = new Map(DEMO_USERS.map((u) => [u.username, randomUUID()]));
    const uid = (username: string): string => userIds.get(username) as string;
    await trx
      .insertInto('users')
      .values(DEMO_USERS.map((u) => ({ id: uid(u.username), username: u.username, display_name: u.displayName, password_hash: credentials.get(u.username)?.hash as string })))
      .execute();
    await trx
      .insertInto('role_grants')
      .values(
        DEMO_USERS.map((u) => ({
          id: randomUUID(),
          user_id: uid(u.username),
          role: u.role,
          unit_id: u.unit ? (unitIds.get(u.unit) as string) : null,
          jurisdiction_id: u.jurisdiction ? jid(u.jurisdiction) : null,
        })),
      )
      .execute();

    // 湖南省's standard for every unit and year of the demo, except where a unit's own report follows
    // another framework (浏阳's 部门整体 table): that framework is set on the unit's jurisdiction.
    const years = [...new Set(DEMO_UNITS.map((u) => u.year))].sort();
    const frameworks: { jurisdiction_id: string; year: number; kind: EvaluationKind; framework_id: string; policies: string }[] = [];
    for (const year of years) for (const kind of ['department', 'project'] as const) frameworks.push({ jurisdiction_id: jid('hn'), year, kind, framework_id: DEFAULT_FRAMEWORK_ID, policies: '{}' });
    for (const { unit, evaluations } of imported) {
      const own = evaluations.find((e) => e.kind === 'department')?.frameworkId;
      if (typeof own === 'string' && own !== DEFAULT_FRAMEWORK_ID) frameworks.push({ jurisdiction_id: jid(unit.jurisdiction), year: unit.year, kind: 'department', framework_id: own, policies: '{}' });
    }
    await trx.insertInto('jurisdiction_frameworks').values(frameworks).execute();
    await trx
      .insertInto('deadlines')
      .values(years.flatMap((year) => demoDeadlines(year).map((d) => ({ jurisdiction_id: jid('hn'), year, kind: d.kind, due_date: d.dueDate }))))
      .execute();

    let evaluationCount = 0;
    for (const { unit, bytes, result, evaluations } of imported) {
      const unitId = unitIds.get(unit.key) as string;
      const filler = uid(`filler_${unit.key}`);
      // Stored as an upload through the import page would store it: the document, and the import audited.
      await saveImport(trx, { unitId, year: unit.year, filename: unit.file, mediaType: 'text/plain; charset=utf-8', bytes, userId: filler }, result, new Date());

      // The 部门整体 evaluation first: its projects point to it.
      const ordered = [...evaluations].sort((a, b) => Number(b.kind === 'department') - Number(a.kind === 'department'));
      let parentId: string | null = null;
      for (const evaluation of ordered) {
        const kind = evaluation.kind as EvaluationKind;
        const frameworkId = typeof evaluation.frameworkId === 'string' ? evaluation.frameworkId : DEFAULT_FRAMEWORK_ID;
        const content = { ...evaluation, frameworkId };
        const title = String(evaluation.title ?? unit.name);
        const created = written(
          await createEvaluation(trx, {
            unitId,
            year: unit.year,
            kind,
            ...(kind === 'project' ? { projectName: title, parentId } : {}),
            frameworkId,
            content,
            reason: 'import',
            userId: filler,
          }),
          `${unit.name} ${title}`,
        );
        if (kind === 'department') parentId = created.id;
        await advance(trx, unit, created, content, uid);
        evaluationCount++;
      }
    }

    const accounts: DemoAccount[] = DEMO_USERS.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      roleLabel: ROLE_LABEL[u.role],
      scope: u.unit ? (DEMO_UNITS.find((x) => x.key === u.unit)?.name ?? '') : (DEMO_JURISDICTIONS.find((x) => x.key === u.jurisdiction)?.name ?? ''),
      ...(shared ? {} : { password: credentials.get(u.username)?.password as string }),
    }));
    const counts: DemoCounts = { jurisdictions: DEMO_JURISDICTIONS.length, units: DEMO_UNITS.length, users: DEMO_USERS.length, evaluations: evaluationCount };
    await recordChange(trx, { userId: null, action: 'demo-load', entity: 'system', entityId: 'demo', after: { ...counts, usernames: DEMO_USERS.map((u) => u.username) } });
    return { loaded: true, accounts, counts };
  });
}

/**
 * Takes one imported evaluation through the workflow to its unit's demo status, as the people would:
 * the unit head submits (a new version, as every submission records), the finance reviewer returns with a
 * comment, or approves and then publishes.
 */
async function advance(trx: Kysely<Database>, unit: DemoUnit, evaluation: EvaluationRow, content: Record<string, unknown>, uid: (username: string) => string): Promise<void> {
  const { status, comment, submittedOn } = unit.review;
  if (status === 'draft') return;
  const reviewer = uid(demoReviewer(unit));
  const submitted = written(
    await appendVersion(trx, { evaluationId: evaluation.id, baseVersion: evaluation.current_version, content, reason: 'submit', userId: uid(`head_${unit.key}`), status: 'submitted', ...(submittedOn ? { at: new Date(`${submittedOn}T10:00:00+08:00`) } : {}) }),
    `${unit.name} 提交`,
  );
  if (status === 'submitted') return;
  if (status === 'returned') {
    await setStatus(trx, evaluation.id, 'returned', reviewer, 'return');
    if (comment) {
      const id = randomUUID();
      await trx.insertInto('comments').values({ id, evaluation_id: evaluation.id, version: submitted.current_version, kind: 'review', field_path: null, finding_id: null, body: comment, author_id: reviewer }).execute();
      await recordChange(trx, { userId: reviewer, action: 'comment', entity: 'comment', entityId: id, after: { evaluationId: evaluation.id, version: submitted.current_version, body: comment } });
    }
    return;
  }
  await setStatus(trx, evaluation.id, 'approved', reviewer, 'approve');
  if (status === 'published') await setStatus(trx, evaluation.id, 'published', reviewer, 'publish');
}
