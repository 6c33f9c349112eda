/**
 * Loads N synthetic dossiers (and their history) generated inside the database, the approach
 * of bench/indicators-report.js (generate_series on PostgreSQL, a recursive CTE on SQLite;
 * copied here, not shared, because that file is being changed separately).
 *
 * The indicator facts follow the same formulas as there (5 % still processing, the rest
 * returned, received over 2025–2026, outcomes, flags), so the quarter figures match. What is
 * added is what the read paths of the service need to work on these rows as on real ones:
 *
 * - the seeded catalogue's procedure versions (a step in the specialist's department makes a
 *   dossier visible to them: dossier-access.ts);
 * - a real workflow snapshot for each (procedure, place) — computed with the workflow library's
 *   own startDossier / decide from dist, walking a dossier to each step and to `returned`;
 * - current step and department of open dossiers (the inbox filters and sorts on them);
 * - the audit history those walks produced (dossier_event), one row per transition.
 *
 * Requires migrated tables and the seeded catalogue (start the API on the database first).
 */
const { performance } = require('node:perf_hooks');
const { join } = require('node:path');
const { DIST, round } = require('./common');

const DAYS = 730;
/** Demo account names by department, for the actor column of the history. */
const USERNAME = { PQLKH: 'specialist', PQLCN: 'specialist2', BGD: 'leader' };

/**
 * @param query (sql, params) → rows, on the target database (e.g. a TypeORM DataSource's query)
 * @returns {Promise<{seconds: number, dossiers: number, events: number, templates: number}>}
 */
async function loadDossiers(query, dialect, n) {
  const t0 = performance.now();
  const templates = await buildTemplates(query);
  await storeTemplates(query, dialect, templates);
  if (dialect === 'postgres') {
    await query(dossiersSqlPostgres(n, templates.procedures.length));
    await query(eventsSqlPostgres());
    // What autovacuum does on a live system: statistics and the visibility map.
    await query('VACUUM ANALYZE dossier');
    await query('VACUUM ANALYZE dossier_event');
  } else {
    await query(dossiersSqlSqlite(n, templates.procedures.length));
    await query(eventsSqlSqlite());
    await query('ANALYZE');
    await query('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  await query('DROP TABLE bench_template_event');
  await query('DROP TABLE bench_template');
  await query('DROP TABLE bench_procedure');
  const [{ events }] = await query(`SELECT COUNT(*) AS events FROM dossier_event WHERE actor_id = 'bench'`);
  return { seconds: round((performance.now() - t0) / 1000, 1), dossiers: n, events: Number(events), templates: templates.rows.length };
}

/**
 * One template per (procedure, place): open at step i (after COMPLETE_DIGITISATION and i
 * FORWARDs) or returned (the whole walk), with the snapshot and history of that walk.
 */
async function buildTemplates(query) {
  const { startDossier, decide } = require(join(DIST, 'libs/workflow/src'));
  const versions = await query(
    `SELECT pv.id, pv.procedure_code, pv.version, pv.field, pv.paper_result FROM procedure p
     JOIN procedure_version pv ON pv.procedure_code = p.code AND pv.version = p.current_version ORDER BY p.code`,
  );
  const stepRows = await query('SELECT procedure_version_id, position, step_key, name, department_code, role, working_days FROM procedure_step ORDER BY procedure_version_id, position');
  const clerk = { userId: 'bench', roles: ['clerk'], departmentCode: 'TTPVHCC' };
  const rows = [];
  const procedures = [];
  versions.forEach((v, pi) => {
    const steps = stepRows
      .filter((s) => s.procedure_version_id === v.id)
      .map((s) => ({ key: s.step_key, name: s.name, departmentCode: s.department_code, role: s.role, workingDays: Number(s.working_days) }));
    procedures.push({ pi, stepCount: steps.length });
    const handler = (i) => ({ userId: 'bench', roles: [steps[i].role], departmentCode: steps[i].departmentCode });
    let snapshot = startDossier({ channel: 'direct', steps }).snapshot;
    const events = [{ type: 'CREATE', from: null, to: snapshot.value, stepFrom: null, stepTo: null, actor: 'clerk', payload: { channel: 'direct', procedureVersion: Number(v.version) } }];
    const apply = (event, actor, username) => {
      const r = decide(snapshot, event, actor);
      if (!r.ok) throw new Error(`template walk of ${v.procedure_code}: ${event.type} refused: ${r.message}`);
      const { type, ...payload } = event;
      events.push({ type, from: r.from, to: r.to, stepFrom: r.stepFrom, stepTo: r.stepTo, actor: username, payload });
      snapshot = r.snapshot;
    };
    const push = (stepIndex) =>
      rows.push({
        pi,
        stepIndex,
        versionId: v.id,
        code: v.procedure_code,
        field: v.field,
        paperResult: Boolean(v.paper_result),
        state: snapshot.value,
        department: stepIndex >= 0 ? steps[stepIndex].departmentCode : null,
        firstDepartment: steps[0].departmentCode,
        snapshot: JSON.stringify(snapshot),
        events: events.map((e, i) => ({ ...e, version: i + 1 })),
      });
    apply({ type: 'COMPLETE_DIGITISATION' }, clerk, 'clerk');
    push(0);
    for (let i = 1; i < steps.length; i++) {
      apply({ type: 'FORWARD' }, handler(i - 1), USERNAME[steps[i - 1].departmentCode] ?? 'specialist');
      push(i);
    }
    const last = steps.length - 1;
    apply({ type: 'ISSUE_RESULT' }, handler(last), USERNAME[steps[last].departmentCode] ?? 'leader');
    apply({ type: 'RETURN_RESULT', method: 'counter' }, clerk, 'clerk');
    push(-1);
  });
  return { rows, procedures };
}

async function storeTemplates(query, dialect, { rows, procedures }) {
  const p = (k) => (dialect === 'postgres' ? `$${k}` : '?');
  const params = (count) => Array.from({ length: count }, (_, i) => p(i + 1)).join(', ');
  const bool = (b) => (dialect === 'postgres' ? b : b ? 1 : 0);
  await query('CREATE TABLE bench_procedure (pi integer PRIMARY KEY, step_count integer NOT NULL)');
  await query(`CREATE TABLE bench_template (pi integer, step_index integer, procedure_version_id varchar(36), procedure_code varchar(64), field varchar(255),
    paper_result boolean, state varchar(32), department_code varchar(32), first_department_code varchar(32), snapshot text, event_count integer, PRIMARY KEY (pi, step_index))`);
  await query(`CREATE TABLE bench_template_event (procedure_version_id varchar(36), step_index integer, version integer, type varchar(32), from_state varchar(32),
    to_state varchar(32), step_from integer, step_to integer, actor_username varchar(64), payload text, PRIMARY KEY (procedure_version_id, step_index, version))`);
  for (const pr of procedures) await query(`INSERT INTO bench_procedure VALUES (${params(2)})`, [pr.pi, pr.stepCount]);
  for (const t of rows) {
    await query(`INSERT INTO bench_template VALUES (${params(11)})`, [t.pi, t.stepIndex, t.versionId, t.code, t.field, bool(t.paperResult), t.state, t.department, t.firstDepartment, t.snapshot, t.events.length]);
    for (const e of t.events) {
      await query(`INSERT INTO bench_template_event VALUES (${params(10)})`, [t.versionId, t.stepIndex, e.version, e.type, e.from, e.to, e.stepFrom, e.stepTo, e.actor, JSON.stringify(e.payload)]);
    }
  }
}

/**
 * Open dossiers are n % 20 = 0 (as in bench/indicators-report.js). Their procedure and step are
 * taken from m = n / 20 (procedure m mod P, step (m / P) mod its step count): taken from n, every
 * open dossier would share the few procedures with n ≡ 0 (mod gcd(20, P)).
 */
function dossiersSqlPostgres(n, procedures) {
  return `
    INSERT INTO dossier (id, code, procedure_version_id, procedure_code, channel, state, snapshot, machine_version, version,
      current_step_index, current_department_code, applicant_name, applicant_id_number,
      submitted_at, received_at, due_at, appointment_at, step_entered_at, step_due_at, processing_ended_at, finished_at, outcome, deadline_status,
      paused_minutes, supplement_requests, digitised, reused_component, e_result, fee_applies, payment_method, rating, imported,
      paper_result, has_complaint, processing_working_minutes, field, department_code, lookup_secret, created_by, created_at, updated_at)
    SELECT gen_random_uuid()::text, 'BENCH-' || s.n, t.procedure_version_id, t.procedure_code, (ARRAY['direct','online','postal'])[1 + s.n % 3],
      t.state, t.snapshot, 1, t.event_count,
      CASE WHEN s.open THEN t.step_index END, t.department_code, 'Nguyễn Văn ' || s.n, lpad(s.n::text, 12, '0'),
      s.r, s.r, s.r + interval '15 days', s.r + interval '15 days',
      CASE WHEN s.open THEN s.r + interval '1 day' END, CASE WHEN s.open THEN s.r + interval '6 days' END,
      CASE WHEN s.open THEN NULL ELSE s.r + (s.n % 20) * interval '1 day' END,
      CASE WHEN s.open THEN NULL ELSE s.r + (s.n % 20) * interval '1 day' END,
      CASE WHEN s.open THEN NULL WHEN s.n % 20 <= 15 THEN 'on_time' ELSE 'late' END,
      CASE WHEN NOT s.open THEN NULL WHEN s.r + interval '15 days' < now() THEN 'overdue' ELSE 'on_track' END,
      0, (s.n % 7 = 0)::int + (s.n % 49 = 0)::int, s.n % 10 <> 0, s.n % 5 = 0, s.n % 4 <> 0, s.n % 3 = 0,
      CASE WHEN s.n % 6 = 0 THEN 'national_portal' WHEN s.n % 3 = 0 THEN 'counter' END,
      CASE WHEN s.n % 11 = 0 THEN 'dissatisfied' WHEN s.n % 2 = 0 THEN 'satisfied' END, false,
      t.paper_result, s.n % 97 = 0, CASE WHEN s.open THEN NULL ELSE 480 * (s.n % 20) END, t.field, t.first_department_code,
      md5(s.n::text), 'bench', s.r, s.r
    FROM (SELECT n, n % 20 = 0 AS open, CASE WHEN n % 20 = 0 THEN (n / 20) % ${procedures} ELSE n % ${procedures} END AS pi,
                 timestamptz '2025-01-01 00:00+07' + (n % ${DAYS}) * interval '1 day' + (n % 480) * interval '1 minute' AS r
          FROM generate_series(1, ${n}) AS n) s
    JOIN bench_procedure p ON p.pi = s.pi
    JOIN bench_template t ON t.pi = s.pi AND t.step_index = CASE WHEN s.open THEN (s.n / 20 / ${procedures}) % p.step_count ELSE -1 END`;
}

function eventsSqlPostgres() {
  return `
    INSERT INTO dossier_event (id, dossier_id, version, type, from_state, to_state, step_from, step_to, actor_id, actor_username, payload, details, occurred_at)
    SELECT gen_random_uuid()::text, d.id, e.version, e.type, e.from_state, e.to_state, e.step_from, e.step_to, 'bench', e.actor_username, e.payload, NULL,
      d.received_at + (e.version - 1) * interval '1 hour'
    FROM dossier d JOIN bench_template_event e ON e.procedure_version_id = d.procedure_version_id AND e.step_index = COALESCE(d.current_step_index, -1)
    WHERE d.created_by = 'bench'`;
}

/** A version-4 UUID from SQLite's randomblob (the API's routes only accept UUIDs as ids). */
const SQLITE_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
const SQLITE_TIME = (expr, ...mods) => `strftime('%Y-%m-%d %H:%M:%f', ${[expr, ...mods].join(', ')})`;

function dossiersSqlSqlite(n, procedures) {
  return `
    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n}),
    s AS (SELECT n, n % 20 = 0 AS open, CASE WHEN n % 20 = 0 THEN (n / 20) % ${procedures} ELSE n % ${procedures} END AS pi,
                 ${SQLITE_TIME("'2024-12-31 17:00:00'", `'+' || (n % ${DAYS}) || ' days'`, "'+' || (n % 480) || ' minutes'")} AS r FROM seq)
    INSERT INTO dossier (id, code, procedure_version_id, procedure_code, channel, state, snapshot, machine_version, version,
      current_step_index, current_department_code, applicant_name, applicant_id_number,
      submitted_at, received_at, due_at, appointment_at, step_entered_at, step_due_at, processing_ended_at, finished_at, outcome, deadline_status,
      paused_minutes, supplement_requests, digitised, reused_component, e_result, fee_applies, payment_method, rating, imported,
      paper_result, has_complaint, processing_working_minutes, field, department_code, lookup_secret, created_by, created_at, updated_at)
    SELECT ${SQLITE_UUID}, 'BENCH-' || s.n, t.procedure_version_id, t.procedure_code,
      CASE s.n % 3 WHEN 0 THEN 'direct' WHEN 1 THEN 'online' ELSE 'postal' END,
      t.state, t.snapshot, 1, t.event_count,
      CASE WHEN s.open THEN t.step_index END, t.department_code, 'Nguyễn Văn ' || s.n, substr('000000000000' || s.n, -12),
      s.r, s.r, ${SQLITE_TIME('s.r', "'+15 days'")}, ${SQLITE_TIME('s.r', "'+15 days'")},
      CASE WHEN s.open THEN ${SQLITE_TIME('s.r', "'+1 days'")} END, CASE WHEN s.open THEN ${SQLITE_TIME('s.r', "'+6 days'")} END,
      CASE WHEN s.open THEN NULL ELSE ${SQLITE_TIME('s.r', "'+' || (s.n % 20) || ' days'")} END,
      CASE WHEN s.open THEN NULL ELSE ${SQLITE_TIME('s.r', "'+' || (s.n % 20) || ' days'")} END,
      CASE WHEN s.open THEN NULL WHEN s.n % 20 <= 15 THEN 'on_time' ELSE 'late' END,
      CASE WHEN NOT s.open THEN NULL WHEN ${SQLITE_TIME('s.r', "'+15 days'")} < ${SQLITE_TIME("'now'")} THEN 'overdue' ELSE 'on_track' END,
      0, (s.n % 7 = 0) + (s.n % 49 = 0), s.n % 10 <> 0, s.n % 5 = 0, s.n % 4 <> 0, s.n % 3 = 0,
      CASE WHEN s.n % 6 = 0 THEN 'national_portal' WHEN s.n % 3 = 0 THEN 'counter' END,
      CASE WHEN s.n % 11 = 0 THEN 'dissatisfied' WHEN s.n % 2 = 0 THEN 'satisfied' END, 0,
      t.paper_result, s.n % 97 = 0, CASE WHEN s.open THEN NULL ELSE 480 * (s.n % 20) END, t.field, t.first_department_code,
      lower(hex(randomblob(18))), 'bench', s.r, s.r
    FROM s
    JOIN bench_procedure p ON p.pi = s.pi
    JOIN bench_template t ON t.pi = s.pi AND t.step_index = CASE WHEN s.open THEN (s.n / 20 / ${procedures}) % p.step_count ELSE -1 END`;
}

function eventsSqlSqlite() {
  return `
    INSERT INTO dossier_event (id, dossier_id, version, type, from_state, to_state, step_from, step_to, actor_id, actor_username, payload, details, occurred_at)
    SELECT ${SQLITE_UUID}, d.id, e.version, e.type, e.from_state, e.to_state, e.step_from, e.step_to, 'bench', e.actor_username, e.payload, NULL,
      ${SQLITE_TIME('d.received_at', "'+' || (e.version - 1) || ' hours'")}
    FROM dossier d JOIN bench_template_event e ON e.procedure_version_id = d.procedure_version_id AND e.step_index = COALESCE(d.current_step_index, -1)
    WHERE d.created_by = 'bench'`;
}

module.exports = { loadDossiers };
