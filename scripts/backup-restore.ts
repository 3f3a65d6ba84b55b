import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectD1Databases } from './d1-databases.ts';
import { DB_BINDING, ROOT, run, WRANGLER_BIN, WRANGLER_ENV, wrangler } from './local-worker.ts';

/**
 * Backup and restore of the GNBV databases, as SQL (schema, data, and D1's migration record): every
 * D1 database of wrangler.toml — the directory (DB) and each regional database — in one file, each
 * after a line `-- gnbv-backup: database BINDING` (a file without such lines, from before regional
 * databases, is DB's alone):
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

/** The line that starts each database's part of a backup. */
const SECTION = /^-- gnbv-backup: database (DB(?:_[A-Z0-9_]+)?)$/;

function sectionLine(binding: string): string {
  return `-- gnbv-backup: database ${binding}`;
}

/** A backup's parts by binding, in the file's order. */
export function backupSections(text: string): [string, string][] {
  const lines = text.split('\n');
  if (!lines.some((line) => SECTION.test(line))) return [[DB_BINDING, text]];
  const sections: [string, string[]][] = [];
  for (const line of lines) {
    const binding = SECTION.exec(line)?.[1];
    if (binding !== undefined) sections.push([binding, []]);
    else sections.at(-1)?.[1].push(line);
  }
  return sections.map(([binding, body]) => [binding, body.join('\n')]);
}

/** `wrangler d1 export` of one local D1 in persistDir (wrangler's default state when undefined). */
async function exportLocal(out: string, persistDir: string | undefined, binding: string): Promise<void> {
  if (persistDir === undefined) {
    await wrangler(['d1', 'export', binding, '--local', `--output=${out}`]);
    return;
  }
  if (!existsSync(join(persistDir, 'v3', 'd1'))) throw new Error(`no local D1 in ${persistDir} (expected ${join(persistDir, 'v3', 'd1')})`);
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-backup-'));
  try {
    copyFileSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
    mkdirSync(join(dir, '.wrangler'));
    symlinkSync(resolve(persistDir), join(dir, '.wrangler', 'state'), 'dir');
    await run(process.execPath, [WRANGLER_BIN, 'd1', 'export', binding, '--local', '--config', join(dir, 'wrangler.toml'), `--output=${out}`], {
      env: WRANGLER_ENV,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every database (production's with `remote`) into one file, each part after its section line. */
export async function backup(options: { out: string; persistDir?: string; remote?: boolean }): Promise<void> {
  const out = resolve(options.out);
  const remote = options.remote === true;
  const bindings = projectD1Databases(ROOT, remote ? 'production' : null).map((d) => d.binding);
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-backup-parts-'));
  try {
    const parts: string[] = [];
    for (const binding of bindings) {
      const part = join(dir, `${binding}.sql`);
      if (remote) {
        await wrangler(['d1', 'export', binding, '--remote', '--env', 'production', `--output=${part}`], { timeoutMs: 1_800_000 });
      } else {
        await exportLocal(part, options.persistDir === undefined ? undefined : resolve(options.persistDir), binding);
      }
      if (!existsSync(part)) throw new Error(`wrangler wrote no backup of ${binding}`);
      const text = readFileSync(part, 'utf8');
      parts.push(`${sectionLine(binding)}\n${text.endsWith('\n') ? text : `${text}\n`}`);
    }
    writeFileSync(out, parts.join(''), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports a backup into fresh local D1s in persistDir, each part into its database (no migrations first: the backup holds the schema and their record). */
export async function restore(options: { file: string; persistDir: string }): Promise<void> {
  const file = resolve(options.file);
  const persistDir = resolve(options.persistDir);
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);
  if (existsSync(join(persistDir, 'v3', 'd1')) && readdirSync(join(persistDir, 'v3', 'd1')).length > 0) {
    throw new Error(`${persistDir} already holds a local D1: restore only into a fresh directory`);
  }
  mkdirSync(persistDir, { recursive: true });
  const configured = new Set(projectD1Databases(ROOT).map((d) => d.binding));
  const sections = backupSections(readFileSync(file, 'utf8'));
  const unknown = sections.map(([binding]) => binding).filter((binding) => !configured.has(binding));
  if (unknown.length > 0) throw new Error(`the backup holds ${unknown.join(', ')}, which wrangler.toml does not declare: add the binding first`);
  const dir = mkdtempSync(join(tmpdir(), 'gnbv-restore-parts-'));
  try {
    for (const [binding, sql] of sections) {
      if (sql.trim() === '') continue;
      const part = join(dir, `${binding}.sql`);
      writeFileSync(part, sql, 'utf8');
      await wrangler(['d1', 'execute', binding, '--local', '--persist-to', persistDir, `--file=${part}`], { timeoutMs: 1_800_000 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
