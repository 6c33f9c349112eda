import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { findById, insertSql, updateSql, type Statement } from '@motcua/persistence';
import { DossierEventEntity } from '../../apps/api/src/dossiers/dossier-event.entity';
import { DossierPauseEntity } from '../../apps/api/src/dossiers/dossier-pause.entity';
import { DossierStepEntity } from '../../apps/api/src/dossiers/dossier-step.entity';
import { DossierEntity } from '../../apps/api/src/dossiers/dossier.entity';
import { createDossier, pickWalkableProcedure, sendEvent } from '../support/dossier-helpers';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The transition's read and writes bypass TypeORM's query builder (libs/persistence statements.ts,
 * issue #17): each must leave and give exactly the rows TypeORM's own `findOne`, `insert` and
 * `update` do, on both dialects — JSON, dates, booleans and nulls included.
 */
describe('Hot-path statements: the rows TypeORM would write and read', () => {
  let t: TestApp;
  let m: EntityManager;
  let procedureCode: string;
  beforeAll(async () => {
    t = await startTestApp();
    m = t.app.get(DataSource).manager;
    procedureCode = (await pickWalkableProcedure(t)).code;
  });
  afterAll(() => t.close());

  async function dossierInProcessing(): Promise<string> {
    const d = await createDossier(t, procedureCode, 'direct', { scan: true });
    const res = await sendEvent(t, 'clerk', d.id, { type: 'COMPLETE_DIGITISATION', expectedVersion: d.version });
    expect(res.status).toBe(200);
    return d.id;
  }
  const run = (s: Statement | null) => {
    expect(s).not.toBeNull();
    return m.query(s!.sql, s!.parameters);
  };
  const pick = (row: ObjectLiteral | null, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, row![k]]));

  it('findById gives the dossier findOne gives (an instance, every column), and null for no row', async () => {
    const id = await dossierInProcessing();
    const fast = await findById(m, DossierEntity, id);
    expect(fast).toBeInstanceOf(DossierEntity);
    expect(fast).toEqual(await m.findOne(DossierEntity, { where: { id } }));
    expect(await findById(m, DossierEntity, randomUUID())).toBeNull();
  });

  it('an update of a dossier (the compare-and-set) leaves the row TypeORM’s update leaves', async () => {
    const [a, b] = [await dossierInProcessing(), await dossierInProcessing()];
    const row = (await m.findOne(DossierEntity, { where: { id: a } }))!;
    const set: Partial<DossierEntity> = {
      snapshot: { ...row.snapshot, context: { ...row.snapshot.context, note: 'Lò Văn Minh — “bổ sung”' } as never },
      version: row.version + 1,
      updatedAt: new Date('2026-03-02T03:04:05.678Z'),
      dueAt: null,
      digitised: false,
      processingWorkingMinutes: 125,
      assigneeId: null,
      finishedAt: undefined,
    };
    const where = 'id = :id AND version = :version';
    await run(updateSql(m, DossierEntity, set, where, { id: a, version: row.version }));
    await m.createQueryBuilder().update(DossierEntity).set(set).where(where, { id: b, version: row.version }).execute();
    const keys = Object.keys(set);
    expect(pick(await m.findOne(DossierEntity, { where: { id: a } }), keys)).toEqual(pick(await m.findOne(DossierEntity, { where: { id: b } }), keys));
    // A stale version changes nothing.
    await run(updateSql(m, DossierEntity, { state: 'returned' }, where, { id: a, version: row.version }));
    expect((await m.findOne(DossierEntity, { where: { id: a } }))!.state).toBe(row.state);
  });

  it('inserts of the audit event, a step and a pause, and the updates that close them, as TypeORM writes them', async () => {
    const dossierId = await dossierInProcessing();
    // `apart`: what the second row must hold differently (a unique key), left out of the comparison.
    const same = async <T extends ObjectLiteral>(entity: EntityTarget<T>, values: Partial<T>, apart: Partial<T> = {}) => {
      const [fast, typeorm] = [randomUUID(), randomUUID()];
      await run(insertSql(m, entity, { ...values, id: fast }));
      await m.insert(entity, { ...values, ...apart, id: typeorm } as never);
      const [x, y] = [await m.findOneBy(entity, { id: fast } as never), await m.findOneBy(entity, { id: typeorm } as never)];
      const compared = (row: T | null) => ({ ...row, ...Object.fromEntries(Object.keys(apart).map((k) => [k, null])), id: null });
      expect(compared(x)).toEqual(compared(y));
      return { fast, typeorm };
    };
    await same(DossierEventEntity, {
      dossierId,
      version: 99,
      type: 'REQUEST_SUPPLEMENT',
      fromState: 'processing',
      toState: 'awaiting_supplement',
      stepFrom: 0,
      stepTo: null,
      actorId: randomUUID(),
      actorUsername: 'specialist',
      payload: { reason: 'Thiếu bản vẽ', components: ['a', 'b'] },
      details: null,
      occurredAt: new Date('2026-03-02T08:00:00.123Z'),
    }, { version: 100 });
    const steps = await same(DossierStepEntity, {
      dossierId,
      stepIndex: 7,
      stepKey: 'appraise',
      stepName: 'Thẩm định hồ sơ',
      departmentCode: 'PQLKH',
      enteredAt: new Date('2026-03-02T08:00:00Z'),
      dueAt: new Date('2026-03-05T10:00:00Z'),
      leftAt: null,
      late: null,
    });
    const pauses = await same(DossierPauseEntity, { dossierId, startedAt: new Date('2026-03-02T08:00:00Z'), endedAt: null, workingMinutes: null, reason: 'Bổ sung' });

    const close = async <T extends ObjectLiteral>(entity: EntityTarget<T>, ids: { fast: string; typeorm: string }, set: Partial<T>) => {
      await run(updateSql(m, entity, set, 'id = :id', { id: ids.fast }));
      await m.createQueryBuilder().update(entity).set(set as never).where('id = :id', { id: ids.typeorm }).execute();
      const [x, y] = [await m.findOneBy(entity, { id: ids.fast } as never), await m.findOneBy(entity, { id: ids.typeorm } as never)];
      expect({ ...x, id: null }).toEqual({ ...y, id: null });
    };
    await close(DossierStepEntity, steps, { leftAt: new Date('2026-03-04T09:30:00Z'), late: true, dueAt: new Date('2026-03-04T10:00:00Z') });
    await close(DossierPauseEntity, pauses, { endedAt: new Date('2026-03-03T08:00:00Z'), workingMinutes: 480 });
  });

  it('leaves to TypeORM what it does not cover: raw SQL values, unknown properties, non-scalar parameters', () => {
    expect(updateSql(m, DossierEntity, { version: (() => 'version + 1') as never }, 'id = :id', { id: 'x' })).toBeNull();
    expect(insertSql(m, DossierPauseEntity, { nope: 1 } as never)).toBeNull();
    expect(updateSql(m, DossierPauseEntity, { workingMinutes: 1 }, 'id IN (:...ids)', { ids: ['a', 'b'] })).toBeNull();
  });
});
