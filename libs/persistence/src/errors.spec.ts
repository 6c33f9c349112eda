import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isConnectionFailure, isTransientConflict, isUniqueViolation } from './errors';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
/** How TypeORM wraps a driver error thrown by a query. */
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isConnectionFailure: the database cannot be talked to (→ 503)', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])('socket error %s, raw or wrapped by TypeORM', (code) => {
    expect(isConnectionFailure(withCode(code))).toBe(true);
    expect(isConnectionFailure(queryFailed(withCode(code)))).toBe(true);
  });

  it.each(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006'])('PostgreSQL SQLSTATE %s', (code) => {
    expect(isConnectionFailure(queryFailed(withCode(code, 'terminating connection due to administrator command')))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Connection terminated',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
  ])('node-postgres / pg-pool without a code: "%s"', (message) => {
    expect(isConnectionFailure(new Error(message))).toBe(true);
    expect(isConnectionFailure(queryFailed(new Error(message)))).toBe(true);
  });

  it('a pool error with the socket failure as its cause', () => {
    expect(isConnectionFailure(new Error('could not connect', { cause: withCode('ECONNREFUSED') }))).toBe(true);
  });

  it('TypeORM’s released query runner (its connection was terminated mid-transaction)', () => {
    expect(isConnectionFailure(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('the same seen through manager.query() of the transaction (raw SQL: the transition’s compare-and-set)', () => {
    expect(isConnectionFailure(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('a dual-stack connect that failed on every address (AggregateError), not one that failed on some', () => {
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(isConnectionFailure(new AggregateError([withCode('ECONNREFUSED'), new Error('other')]))).toBe(false);
    expect(isConnectionFailure(new AggregateError([]))).toBe(false);
  });

  it('not: constraint violations, syntax errors, serialisation failures, bugs, non-errors', () => {
    expect(isConnectionFailure(queryFailed(withCode('23505', 'duplicate key value violates unique constraint')))).toBe(false);
    expect(isConnectionFailure(queryFailed(withCode('42601', 'syntax error at or near "SELEC"')))).toBe(false);
    expect(isConnectionFailure(queryFailed(withCode('40001', 'could not serialize access')))).toBe(false);
    expect(isConnectionFailure(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isConnectionFailure(new Error('Connection string is invalid: terminated'))).toBe(false);
    for (const v of [undefined, null, 'ECONNREFUSED', 42]) expect(isConnectionFailure(v)).toBe(false);
  });

  it('stops at a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isConnectionFailure(a)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('PostgreSQL 23505 and the SQLite unique / primary-key codes, raw or wrapped', () => {
    expect(isUniqueViolation(queryFailed(withCode('23505')))).toBe(true);
    expect(isUniqueViolation(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(true);
    expect(isUniqueViolation(withCode('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe(true);
    expect(isUniqueViolation(withCode('57P01'))).toBe(false);
  });
});

describe('isTransientConflict: rolled back as a deadlock or serialisation victim (→ 503, retry)', () => {
  it('40P01 and 40001, raw or wrapped by TypeORM; not other errors', () => {
    expect(isTransientConflict(queryFailed(withCode('40P01', 'deadlock detected')))).toBe(true);
    expect(isTransientConflict(withCode('40001', 'could not serialize access'))).toBe(true);
    expect(isTransientConflict(queryFailed(withCode('23505')))).toBe(false);
    expect(isTransientConflict(new Error('deadlock detected'))).toBe(false);
    expect(isTransientConflict(null)).toBe(false);
  });
});
