import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DecisionOf, PersistedOf, RejectionOf, Workflow, WorkflowTypes } from '@motcua/workflow';
import { AppError, BadInputError, ForbiddenActionError, InvalidTransitionError, VersionConflictError } from '../common/errors';
import { casWithWrites, fitsOneStatement, runWrites, updateStatement, type WriteStatement } from './write-batch';

/** The columns every workflow record (dossier, feedback) has, by the same names. */
export interface WorkflowRecordRow<T extends WorkflowTypes> extends ObjectLiteral {
  id: string;
  state: T['state'];
  snapshot: PersistedOf<T>;
  machineVersion: number;
  /** Optimistic-concurrency counter: compare-and-set on every transition. */
  version: number;
  updatedAt: Date;
}

export interface TransitionRequest<T extends WorkflowTypes, Row extends WorkflowRecordRow<T>> {
  workflow: Workflow<T>;
  entity: EntityTarget<Row>;
  /** The record as read in this transaction (the caller has checked the user may see it). */
  row: Row;
  /** The version the client saw; another one is a 409 VERSION_CONFLICT. */
  expectedVersion: number;
  event: T['event'];
  actor: T['actor'];
  now: Date;
  /**
   * The record's own columns that follow from the decision (clocks, facts, dates). Runs after
   * the machine accepted the event and before anything is written; it may refuse with an AppError.
   */
  columns?(decision: DecisionOf<T>): Promise<Partial<Row>> | Partial<Row>;
  /**
   * Appends the audit event for the new version, in the same transaction: either by writing it
   * (`audit`, after the compare-and-set succeeded) or by returning the writes (`auditWrites`), which
   * PostgreSQL receives in one statement with the compare-and-set (write-batch.ts). One of the two.
   */
  audit?(decision: DecisionOf<T>, version: number): Promise<unknown>;
  auditWrites?(decision: DecisionOf<T>, version: number): Promise<WriteStatement[]> | WriteStatement[];
}

/**
 * The one transition path of every workflow record: version check, the machine's decision,
 * compare-and-set of the row on `version`, audit event — all inside the caller's unit of work,
 * so a refusal at any point leaves nothing written. Dossiers and feedback both go through here.
 */
export async function applyTransition<T extends WorkflowTypes, Row extends WorkflowRecordRow<T>>(
  m: EntityManager,
  request: TransitionRequest<T, Row>,
): Promise<{ decision: DecisionOf<T>; next: Row }> {
  const { workflow, entity, row, now } = request;
  if (row.version !== request.expectedVersion) {
    throw new VersionConflictError(`${capitalise(workflow.name)} is at version ${row.version}, not ${request.expectedVersion}`, {
      currentVersion: row.version,
    });
  }
  const result = workflow.decide(row.snapshot, request.event, request.actor);
  if (!result.ok) throw rejectionToError(result as RejectionOf<T>);
  const decision = result as DecisionOf<T>;
  const extra = (await request.columns?.(decision)) ?? {};
  const changes = {
    ...extra,
    state: decision.to,
    snapshot: decision.snapshot,
    machineVersion: decision.snapshot.machineVersion,
    version: row.version + 1,
    updatedAt: now,
  } as Partial<Row>;
  const conflict = () => new VersionConflictError(`${capitalise(workflow.name)} was changed by another request`, { expectedVersion: row.version });
  const where = 'id = :id AND version = :version';
  const writes = request.auditWrites ? await request.auditWrites(decision, row.version + 1) : null;
  const cas = writes && m.connection.driver.options.type === 'postgres' ? updateStatement(m, entity, changes, where, { id: row.id, version: row.version }) : null;
  if (writes && cas && fitsOneStatement(cas.table, writes)) {
    if ((await casWithWrites(m, cas, writes)) !== 1) throw conflict();
  } else {
    const update = await m
      .createQueryBuilder()
      .update(entity)
      .set(changes as never)
      .where(where, { id: row.id, version: row.version })
      .execute();
    if (update.affected !== 1) throw conflict();
    if (writes) await runWrites(m, writes);
    else await request.audit?.(decision, row.version + 1);
  }
  return { decision, next: { ...row, ...changes } };
}

/** A refusal of the machine as the API's machine-readable error (409, 403 or 400). */
export function rejectionToError<T extends WorkflowTypes>(r: RejectionOf<T>): AppError {
  const details = { state: r.state, eventType: r.eventType, allowedEvents: r.allowedEvents };
  switch (r.code) {
    case 'INVALID_TRANSITION':
      return new InvalidTransitionError(r.message, details);
    case 'FORBIDDEN':
      return new ForbiddenActionError(r.message, details);
    case 'INVALID_EVENT':
      return new BadInputError(r.message, details);
    case 'UNKNOWN_MACHINE_VERSION':
      // Operator error (a snapshot from code this build does not have): a 500, logged.
      throw new Error(`Stored record has an unknown machine version: ${r.message}`);
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
