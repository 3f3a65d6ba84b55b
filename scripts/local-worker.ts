import { execFile, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { projectD1Databases } from './d1-databases.ts';
import { proxyRetriesLostGets } from './patch-wrangler.ts';

/**
 * The one way to run the real Worker locally (`wrangler dev`, workerd, a local D1), for the browser
 * tests (tests/e2e/harness.ts), the fault test, the restore drill, the load script and `npm start`:
 *
 *   startLocalWorker({ port?, persistDir?, seed? })
 *       a persist dir (the local D1's state; a fresh temp dir unless given), migrations applied
 *       on every D1 database of wrangler.toml (`wrangler d1 migrations apply B --local
 *       --persist-to DIR` for DB and each regional DB_…), the seed's statements run, each on its
 *       database (`wrangler d1 execute`), then `wrangler dev --local --ip 127.0.0.1 --port PORT
 *       --persist-to DIR` in its own process group, ready once GET /api/health answers 200.
 *   worker.kill()     SIGKILL to the whole process group (wrangler, its proxy, workerd): a crash.
 *                     The state stays.
 *   worker.restart()  wrangler dev again on the same port and the same state, ready when healthy.
 *   worker.stop()     SIGTERM (SIGKILL after 5 s), and the persist dir deleted when this made it
 *                     (`{ keepState: true }` keeps it).
 *
 * Wrangler runs without prompts, telemetry or update checks: nothing leaves the machine.
 */

export const ROOT = resolve(import.meta.dirname, '..');

const require = createRequire(import.meta.url);
export const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

export const WRANGLER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CI: 'true',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** The directory database's binding in wrangler.toml (regional databases: d1Bindings()). */
export const DB_BINDING = 'DB';

/** Every D1 binding of wrangler.toml's top level (local dev and tests): DB first, then each regional DB_…. */
export function d1Bindings(): string[] {
  return projectD1Databases(ROOT).map((d) => d.binding);
}

/** Seed statements: a list runs on DB; a record names the database of each list. */
export type Seed = readonly string[] | Readonly<Record<string, readonly string[]>>;

/** Runs a command to its end in the project root; rejects with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string; stdoutOnly?: boolean } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, timeout: options.timeoutMs ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${basename(command)} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolvePromise(options.stdoutOnly === true ? stdout : `${stdout}${stderr}`);
      },
    );
  });
}

/** The project's own wrangler, run with this Node, to its end (stdin closed: never a prompt). */
export function wrangler(args: readonly string[], options: { timeoutMs?: number; stdoutOnly?: boolean } = {}): Promise<string> {
  return run(process.execPath, [WRANGLER_BIN, ...args], { env: WRANGLER_ENV, timeoutMs: options.timeoutMs ?? 300_000, stdoutOnly: options.stdoutOnly ?? false });
}

/** `--persist-to DIR`, or nothing for wrangler's default (.wrangler/state, as `npm start` uses). */
function persistArgs(persistDir: string | undefined): string[] {
  return persistDir === undefined ? [] : ['--persist-to', persistDir];
}

/** The same migrations on every local D1 database (scripts/migrate-all.ts does so for any environment). */
export async function applyMigrations(persistDir?: string): Promise<void> {
  for (const binding of d1Bindings()) await wrangler(['d1', 'migrations', 'apply', binding, '--local', ...persistArgs(persistDir)]);
}

/** Runs a seed: each list of statements on its database. */
export async function executeSeed(persistDir: string | undefined, seed: Seed): Promise<void> {
  const byDatabase: [string, readonly string[]][] = isStatementList(seed) ? [[DB_BINDING, seed]] : Object.entries(seed);
  for (const [binding, statements] of byDatabase) if (statements.length > 0) await executeStatements(persistDir, statements, binding);
}

function isStatementList(seed: Seed): seed is readonly string[] {
  return Array.isArray(seed);
}

/** Runs SQL statements (one per line or more) on a local D1 (DB unless named), through a file in a temp dir. */
export async function executeStatements(persistDir: string | undefined, statements: readonly string[], binding: string = DB_BINDING): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-sql-'));
  try {
    const file = join(dir, 'statements.sql');
    writeFileSync(file, `${statements.join('\n')}\n`, 'utf8');
    await wrangler(['d1', 'execute', binding, '--local', ...persistArgs(persistDir), `--file=${file}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One query on a local D1 (DB unless named; while no Worker holds it, or read-only), rows as JSON objects. */
export async function queryLocal<T = Record<string, unknown>>(persistDir: string, sql: string, binding: string = DB_BINDING): Promise<T[]> {
  const out = await wrangler(['d1', 'execute', binding, '--local', ...persistArgs(persistDir), '--json', `--command=${sql}`], {
    stdoutOnly: true,
  });
  const parsed = JSON.parse(out) as { results: T[]; success: boolean }[];
  return parsed.flatMap((r) => r.results);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

export interface DevOptions {
  port: number;
  persistDir?: string;
  inspectorPort?: number;
  /** Further `wrangler dev` arguments (`npm start`: HTTPS and its certificate). */
  extraArgs?: readonly string[];
  /** 'pipe' (kept for logs()) by default; `npm start` inherits. */
  stdio?: StdioOptions;
  /** Plain http on loopback (the tests), or any address wrangler's default picks (`npm start`). */
  loopback?: boolean;
}

/** `wrangler dev --local` in its own process group, so a kill ends wrangler and its workerd and nothing else. */
export function spawnDev(options: DevOptions): ChildProcess {
  const args = [
    WRANGLER_BIN,
    'dev',
    '--local',
    ...(options.loopback === false ? [] : ['--ip', '127.0.0.1']),
    '--port',
    String(options.port),
    ...(options.inspectorPort === undefined ? [] : ['--inspector-port', String(options.inspectorPort)]),
    ...persistArgs(options.persistDir),
    '--show-interactive-dev-session=false',
    '--log-level',
    'info',
    ...(options.extraArgs ?? []),
  ];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: WRANGLER_ENV,
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

export interface LocalWorkerOptions {
  /** A free loopback port unless given. */
  port?: number;
  /** The local D1's state; a fresh temp dir (deleted by stop()) unless given. */
  persistDir?: string;
  /** Statements run after the migrations (e.g. provinceSeedStatements(), on DB; or per database); none unless given. */
  seed?: () => Promise<Seed>;
  /** Skip migrations and seed: the state is already there (a restored backup, a restart). */
  prepared?: boolean;
  timeoutMs?: number;
}

export interface LocalWorker {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  persistDir: string;
  /** The running wrangler's process id (its process group's id), or null between kill and restart. */
  pid(): number | null;
  /** wrangler dev's output so far (for failure messages). */
  logs(): string;
  /** SIGKILL to the process group; resolves when wrangler is gone. The state stays. */
  kill(): Promise<void>;
  /** Starts wrangler dev again on the same port and state; resolves when healthy. */
  restart(): Promise<void>;
  /** Ends the process group; deletes the persist dir when this made it, unless keepState. */
  stop(options?: { keepState?: boolean }): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let exited: string | null = child.exitCode !== null || child.signalCode !== null ? 'exited' : null;
  child.once('exit', (code, signal) => (exited = `exit ${code ?? ''} ${signal ?? ''}`.trim()));
  while (Date.now() - started < timeoutMs) {
    if (exited !== null) throw new Error(`wrangler dev stopped before it was ready (${exited}):\n${logs()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url}/api/health within ${timeoutMs / 1000} s:\n${logs()}`);
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Signals the child's process group and waits for the child to exit. */
async function endGroup(child: ChildProcess, signal: NodeJS.Signals, escalateAfterMs: number | null): Promise<void> {
  if (!alive(child) || child.pid === undefined) return;
  const pid = child.pid;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
  const timer =
    escalateAfterMs === null
      ? null
      : setTimeout(() => {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, escalateAfterMs);
  await gone;
  if (timer !== null) clearTimeout(timer);
  // The rest of the group (workerd) got the same signal; give the kernel a moment to free the port.
  for (let i = 0; i < 40; i += 1) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startLocalWorker(options: LocalWorkerOptions = {}): Promise<LocalWorker> {
  if (!proxyRetriesLostGets()) {
    throw new Error(
      "wrangler dev's proxy would hold a GET forever after a lost connection to the Worker: the postinstall " +
        'fix (scripts/patch-wrangler.ts) is not applied to this wrangler. Run `npm ci`, or see that script.',
    );
  }
  const ownsDir = options.persistDir === undefined;
  const persistDir = options.persistDir ?? mkdtempSync(join(tmpdir(), 'gnbv-d1-'));
  const timeoutMs = options.timeoutMs ?? 90_000;
  if (options.prepared !== true) {
    try {
      await applyMigrations(persistDir);
      if (options.seed) await executeSeed(persistDir, await options.seed());
    } catch (e) {
      if (ownsDir) rmSync(persistDir, { recursive: true, force: true });
      throw e;
    }
  }

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  let child: ChildProcess | null = null;
  const logs = (): string => output;

  const launch = async (): Promise<void> => {
    const inspectorPort = await freePort();
    const started = spawnDev({ port, inspectorPort, persistDir });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    child = started;
    await waitForHealth(url, started, logs, timeoutMs);
  };

  let stopped = false;
  const worker: LocalWorker = {
    url,
    port,
    persistDir,
    pid: () => (child !== null && alive(child) ? (child.pid ?? null) : null),
    logs,
    async kill() {
      if (child !== null) await endGroup(child, 'SIGKILL', null);
    },
    async restart() {
      if (child !== null) await endGroup(child, 'SIGKILL', null);
      output += '\n---- restarted ----\n';
      await launch();
    },
    async stop(stopOptions = {}) {
      if (stopped) return;
      stopped = true;
      if (child !== null) await endGroup(child, 'SIGTERM', 5_000);
      if (ownsDir && stopOptions.keepState !== true) rmSync(persistDir, { recursive: true, force: true });
    },
  };

  try {
    await launch();
  } catch (e) {
    await worker.stop();
    throw e;
  }
  return worker;
}
