import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { In, Not } from 'typeorm';
import { currentDialect, UnitOfWork } from '@motcua/persistence';
import { loadAppConfig } from '@config/app-config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { OutboxDispatcher, OutboxWriter } from '../../apps/api/src/outbox';
import { OutboxMessageEntity } from '../../apps/api/src/outbox/outbox-message.entity';
import type { OutboxMessageInput } from '../../apps/api/src/outbox/outbox.types';
import { HttpReceiver, startHttpReceiver } from '../support/http-receiver';
import { ManualClock } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Several dispatchers on one database, each in its own Nest application context of
 * apps/worker's WorkerModule (its own DataSource and connection pool), as when workers are
 * scaled out. Real database, real HTTP receiver; time is a manual clock shared by all of them.
 */
describe(`Outbox dispatchers sharing one database (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let db: TestDatabase;
  let receiver: HttpReceiver;
  const contexts: INestApplicationContext[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-worker-'));

  async function worker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      OUTBOX_DISPATCHER: 'off',
      PORTAL_SYNC_URL: receiver.url,
      OUTBOX_BATCH_SIZE: '10',
      OUTBOX_CONCURRENCY: '4',
      OUTBOX_LEASE_SECONDS: '60',
      OUTBOX_DELIVERY_TIMEOUT_SECONDS: '5',
      OUTBOX_MAX_ATTEMPTS: '3',
      ...env,
    });
    const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { clock }), { logger: false });
    await ctx.init();
    contexts.push(ctx);
    return ctx;
  }

  /** Portal records of `aggregates` dossiers × `versions` versions. */
  function records(prefix: string, aggregates: number, versions: number): OutboxMessageInput[] {
    return Array.from({ length: aggregates * versions }, (_, i) => {
      const a = Math.floor(i / versions);
      const v = (i % versions) + 1;
      const id = `${prefix}-${String(a).padStart(4, '0')}`;
      return {
        topic: 'dossier.changed',
        channel: 'portal-sync',
        aggregateType: 'dossier',
        aggregateId: id,
        aggregateVersion: v,
        idempotencyKey: `${id}:${v}:portal-sync`,
        payload: { record: { MaHoSo: id, PhienBan: v } as never },
      };
    });
  }

  async function enqueue(ctx: INestApplicationContext, messages: OutboxMessageInput[]): Promise<void> {
    const writer = ctx.get(OutboxWriter);
    await ctx.get(UnitOfWork).run((m) => writer.enqueue(m, messages));
  }

  const rows = (ctx: INestApplicationContext, prefix: string) =>
    ctx.get(UnitOfWork).read((m) => m.find(OutboxMessageEntity, { where: { aggregateId: In([...Array(200).keys()].map((a) => `${prefix}-${String(a).padStart(4, '0')}`)) } }));

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = await startHttpReceiver();
  });
  afterAll(async () => {
    for (const ctx of contexts.reverse()) await ctx.close();
    await receiver.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    // One after the other: both run pending migrations when they connect.
    await worker();
    await worker();
  });

  // Concurrent claims need PostgreSQL (FOR UPDATE SKIP LOCKED). On SQLite, two better-sqlite3
  // connections in one thread deadlock: one busy-waits synchronously for a lock the other can only
  // release once the event loop runs again. (Separate processes on one SQLite file do not have this.)
  const onPostgres = currentDialect === 'postgres' ? it : it.skip;

  onPostgres('two dispatchers on 500 messages: each delivered exactly once, and in version order per dossier', async () => {
    const [a, b] = contexts;
    await enqueue(a, records('many', 100, 5));
    // A receiver that answers after a moment, so the two dispatchers' batches interleave.
    receiver.respond(() => new Promise((resolve) => setTimeout(() => resolve(200), Math.random() * 4)));

    const remaining = () => a.get(UnitOfWork).read((m) => m.count(OutboxMessageEntity, { where: { status: Not('delivered') } }));
    async function work(ctx: INestApplicationContext): Promise<number> {
      const dispatcher = ctx.get(OutboxDispatcher);
      let delivered = 0;
      for (let i = 0; i < 5000; i++) {
        const report = await dispatcher.runOnce();
        delivered += report.delivered;
        // Nothing claimable can still mean work: the other dispatcher holds the earlier versions.
        if (report.claimed === 0 && (await remaining()) === 0) break;
        if (report.claimed === 0) await new Promise((r) => setTimeout(r, 2));
      }
      return delivered;
    }
    const [byA, byB] = await Promise.all([work(a), work(b)]);

    const accepted = receiver.acceptedByKey();
    expect(accepted.size).toBe(500);
    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.requests).toHaveLength(500);
    expect(byA + byB).toBe(500);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    const order = new Map<string, number[]>();
    for (const r of receiver.requests) {
      const { MaHoSo, PhienBan } = r.body as { MaHoSo: string; PhienBan: number };
      order.set(MaHoSo, [...(order.get(MaHoSo) ?? []), PhienBan]);
    }
    expect([...order.values()].every((versions) => versions.join() === '1,2,3,4,5')).toBe(true);
    const stored = await rows(a, 'many');
    expect(stored).toHaveLength(500);
    expect(stored.every((r) => r.status === 'delivered' && r.attempts === 1 && r.lockedBy === null && r.deliveredAt !== null)).toBe(true);
  }, 30_000);

  it('a claim whose worker died is delivered again once its lease has run out', async () => {
    const [a, b] = contexts;
    receiver.respond(() => 200);
    await enqueue(a, records('lease', 1, 1));
    // Worker A claims and dies without a word (no graceful shutdown, so nothing is handed back).
    const claimed = await a.get(OutboxDispatcher).claim();
    expect(claimed.map((c) => c.idempotencyKey)).toEqual(['lease-0000:1:portal-sync']);

    clock.set(new Date(clock.now().getTime() + 59_000)); // lease is 60 s
    expect((await b.get(OutboxDispatcher).runOnce()).claimed).toBe(0);
    clock.set(new Date(clock.now().getTime() + 2_000));
    expect(await b.get(OutboxDispatcher).runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const [row] = await rows(a, 'lease');
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lockedBy: null });
    expect(receiver.acceptedByKey().get('lease-0000:1:portal-sync')).toBe(1);
  });

  it('a worker whose lease ran out mid-delivery cannot overwrite the outcome of the worker that took over', async () => {
    const [a, b] = contexts;
    await enqueue(a, records('slow', 1, 1));
    let release!: () => void;
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    receiver.respond((_req, nth) => (nth === 1 ? held : 200));

    const slow = a.get(OutboxDispatcher).runOnce(); // A's delivery hangs at the receiver
    await waitFor(() => receiver.requests.some((r) => r.idempotencyKey === 'slow-0000:1:portal-sync'));
    clock.set(new Date(clock.now().getTime() + 61_000));
    expect(await b.get(OutboxDispatcher).runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    release();
    expect(await slow).toMatchObject({ claimed: 1, delivered: 1 });

    const [row] = await rows(a, 'slow');
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lockedBy: null });
    // At least once: the receiver saw it twice and can drop the second by its Idempotency-Key.
    expect(receiver.acceptedByKey().get('slow-0000:1:portal-sync')).toBe(2);
  });

  it('a message whose last attempt died with its worker is dead, not attempted again', async () => {
    const [a, b] = contexts;
    await enqueue(a, records('crash', 1, 1));
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await a.get(OutboxDispatcher).claim()).toHaveLength(1);
      clock.set(new Date(clock.now().getTime() + 61_000));
    }
    const before = receiver.requests.length;
    expect(await b.get(OutboxDispatcher).runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    expect(receiver.requests).toHaveLength(before);
    const [row] = await rows(a, 'crash');
    expect(row).toMatchObject({ status: 'dead', attempts: 4, lastError: 'Lease ran out during attempt 3 of 3' });
  });

  it('graceful shutdown hands back claims not yet attempted', async () => {
    const [a] = contexts;
    await enqueue(a, records('stop', 3, 1));
    const c = await worker();
    expect(await c.get(OutboxDispatcher).claim()).toHaveLength(3);
    await c.close();
    contexts.splice(contexts.indexOf(c), 1);
    const stored = await rows(a, 'stop');
    expect(stored.map((r) => [r.status, r.attempts, r.lockedBy])).toEqual([
      ['pending', 0, null],
      ['pending', 0, null],
      ['pending', 0, null],
    ]);
    expect(await a.get(OutboxDispatcher).drain()).toMatchObject({ delivered: 3 });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
