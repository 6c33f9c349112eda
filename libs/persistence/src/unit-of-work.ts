import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs each command in one database transaction, passing the EntityManager
 * explicitly (no ambient transaction to forget).
 *
 * SQLite has a single connection: two overlapping `dataSource.transaction()` calls
 * fail with "cannot start a transaction within a transaction" (typeorm#8668), and a
 * read issued while another request's transaction is open would see its uncommitted
 * rows. So on SQLite every unit of work, reads included, waits its turn in a FIFO
 * queue. PostgreSQL gets a pooled connection per transaction and no queue.
 */
export class UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3' || dataSource.options.type === 'sqlite';
  }

  /** One read-write transaction. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue(() => this.dataSource.transaction(work));
  }

  /** Reads outside a transaction (still queued on SQLite, see above). */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue(() => work(this.dataSource.manager));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (!this.serialise) return task();
    const result = this.tail.then(task, task);
    // Keep the queue going whatever this task's outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
