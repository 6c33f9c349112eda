export { UnitOfWork } from './unit-of-work';
export { buildDataSourceOptions, DatabaseTarget, DataSourceParts } from './data-source-options';
export { currentDialect, dialectOf, timestampType, Dialect } from './dialect';
export { isUniqueViolation, isConnectionFailure, isTransientConflict } from './errors';
export { withAdvisoryLock } from './advisory-lock';
export { bulkInsert } from './bulk-insert';
export { findById, insertSql, updateSql, type Statement } from './statements';
