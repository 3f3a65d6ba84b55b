import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The project's own wrangler (node_modules), run with this Node: no global install, no npx. */
const require = createRequire(import.meta.url);
const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');

export function spawnWrangler(args: readonly string[], stdio: StdioOptions = 'inherit'): ChildProcess {
  return spawn(process.execPath, [WRANGLER_BIN, ...args], { stdio });
}

/**
 * Runs wrangler to completion. Standard input is closed so wrangler never waits for a "continue?"
 * answer (it takes its non-interactive default, as in CI).
 */
export function runWrangler(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnWrangler(args, ['ignore', 'inherit', 'inherit']);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`wrangler ${args.join(' ')} failed (${signal ?? `exit ${String(code)}`})`));
    });
  });
}
