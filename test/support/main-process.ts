import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const MAIN = join(REPO, 'apps/api/src/main.ts');
const REGISTER = require.resolve('@swc-node/register');

export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Every child started, so that a failed test leaves none running (`killChildren` in afterAll). */
const children = new Set<ChildProcess>();

/**
 * apps/api/src/main.ts as a real process, run from its sources through @swc-node/register (which
 * reads tsconfig.json and its aliases). DATABASE_URL of the test run is not passed on: `env` says which.
 */
export function runMain(args: string[], env: Record<string, string>): Child {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ['-r', REGISTER, MAIN, ...args], {
    cwd: REPO,
    env: { ...inherited, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, exited };
}

export function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
