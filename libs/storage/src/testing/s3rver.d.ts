// Minimal typings for the parts of s3rver@3 the tests use (the package ships none).
declare module 's3rver' {
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }

  /** The subset of a Koa context the test middleware touches. */
  interface S3rverContext {
    method: string;
    path: string;
    /** Path and query string. */
    url: string;
    query: Record<string, string | string[] | undefined>;
    type: string;
    body: unknown;
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Starts listening; resolves with the bound address. */
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** Set by `run()`. */
    httpServer: import('node:http').Server;
    /** Koa's middleware list, composed when the server starts listening. */
    middleware: Array<(ctx: S3rverContext, next: () => Promise<void>) => unknown>;
  }

  export = S3rver;
}
