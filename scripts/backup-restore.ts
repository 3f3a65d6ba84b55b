import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DB_BINDING, ROOT, run, WRANGLER_BIN, WRANGLER_ENV, wrangler } from './local-worker.ts';

/**
 * Backup and restore of the GNBV database, as SQL (schema, data, and D1's migration record):
 *
 *   npm run backup -- --out gnbv.sql                   the local D1 (.wrangler/state)
 *   npm run backup -- --out gnbv.sql --persist DIR     a local D1 kept in DIR (wrangler dev --persist-to DIR)
 *   npm run backup -- --out gnbv.sql --remote          production (`wrangler d1 export --remote --env production`)
 *   npm run restore -- --file gnbv.sql --persist DIR   into a FRESH local D1 in DIR (refused when DIR holds one);
 *                                                      then `wrangler dev --persist-to DIR` serves it
 *
 * `wrangler d1 export --local` reads only the state next to the wrangler config (it has no
 * --persist-to), so a local backup of DIR runs it on a copy of wrangler.toml in a temp dir whose
 * .wrangler/state is a link to DIR: the same database id, so the same SQLite file.
 */

/** `wrangler d1 export` of the local D1 in persistDir (wrangler's default state when undefined). */
async function exportLocal(out: string, persistDir: string | undefined): Promise<void> {
  if (persistDir === undefined) {
    await wrangler(['d1', 'export', DB_BINDING, '--local', `--output=${out}`]);
    return;
  }
  if (!existsSync(join(persistDir, 'v3', 'd1'))) throw new Error(`no local D1 in ${persistDir} (expected ${join(persistDir, 'v3', 'd1')})`);
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-backup-'));
  try {
    copyFileSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
    mkdirSync(join(dir, '.wrangler'));
    symlinkSync(resolve(persistDir), join(dir, '.wrangler', 'state'), 'dir');
    await run(process.execPath, [WRANGLER_BIN, 'd1', 'export', DB_BINDING, '--local', '--config', join(dir, 'wrangler.toml'), `--output=${out}`], {
      env: WRANGLER_ENV,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function backup(options: { out: string; persistDir?: string; remote?: boolean }): Promise<void> {
  const out = resolve(options.out);
  if (options.remote === true) {
    await wrangler(['d1', 'export', DB_BINDING, '--remote', '--env', 'production', `--output=${out}`], { timeoutMs: 1_800_000 });
  } else {
    await exportLocal(out, options.persistDir === undefined ? undefined : resolve(options.persistDir));
  }
  if (!existsSync(out)) throw new Error(`wrangler wrote no ${out}`);
}

/** Imports a backup into a fresh local D1 in persistDir (no migrations first: the backup holds the schema and their record). */
export async function restore(options: { file: string; persistDir: string }): Promise<void> {
  const file = resolve(options.file);
  const persistDir = resolve(options.persistDir);
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);
  if (existsSync(join(persistDir, 'v3', 'd1')) && readdirSync(join(persistDir, 'v3', 'd1')).length > 0) {
    throw new Error(`${persistDir} already holds a local D1: restore only into a fresh directory`);
  }
  mkdirSync(persistDir, { recursive: true });
  await wrangler(['d1', 'execute', DB_BINDING, '--local', '--persist-to', persistDir, `--file=${file}`], { timeoutMs: 1_800_000 });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, file: { type: 'string' }, persist: { type: 'string' }, remote: { type: 'boolean' } },
  });
  const [command] = positionals;
  try {
    if (command === 'backup' && values.out !== undefined) {
      await backup({ out: values.out, ...(values.persist === undefined ? {} : { persistDir: values.persist }), remote: values.remote === true });
      console.log(`gnbv: sao lưu xong (backup written): ${resolve(values.out)}`);
    } else if (command === 'restore' && values.file !== undefined && values.persist !== undefined) {
      await restore({ file: values.file, persistDir: values.persist });
      console.log(`gnbv: đã khôi phục vào ${resolve(values.persist)} (restored); chạy: npx wrangler dev --persist-to ${values.persist}`);
    } else {
      console.error(
        'Cách dùng (usage):\n  npm run backup -- --out FILE.sql [--persist DIR | --remote]\n  npm run restore -- --file FILE.sql --persist NEW_DIR',
      );
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(`gnbv: không thành công (failed): ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
