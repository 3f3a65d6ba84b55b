import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectD1Databases } from './d1-databases.ts';
import { ROOT, wrangler } from './local-worker.ts';

/**
 * The migration step for every database: `wrangler d1 migrations apply <binding>` for each
 * [[d1_databases]] of wrangler.toml — the directory (DB) and every regional database — in order,
 * stopping at the first failure. All of them get the same migrations (worker/migrations): every
 * table exists everywhere, each database uses its own.
 *
 *   npm run migrate:all -- --local [--persist DIR]     the local D1s (wrangler dev's state, or DIR)
 *   npm run migrate:all -- --remote                    production ([[env.production.d1_databases]])
 *   npm run migrate:all -- --remote --env NAME         another environment of wrangler.toml
 */
export async function migrateAll(options: { remote: boolean; env?: string; persistDir?: string }): Promise<string[]> {
  const env = options.remote ? (options.env ?? 'production') : (options.env ?? null);
  const bindings = projectD1Databases(ROOT, env).map((d) => d.binding);
  for (const binding of bindings) {
    console.log(`gnbv: áp dụng migration cho ${binding} (applying migrations to ${binding})`);
    await wrangler(
      [
        'd1',
        'migrations',
        'apply',
        binding,
        options.remote ? '--remote' : '--local',
        ...(env === null ? [] : ['--env', env]),
        ...(options.persistDir === undefined ? [] : ['--persist-to', options.persistDir]),
      ],
      { timeoutMs: 1_800_000 },
    );
  }
  return bindings;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { remote: { type: 'boolean' }, local: { type: 'boolean' }, env: { type: 'string' }, persist: { type: 'string' } } });
  if (values.remote === values.local) {
    console.error('Cách dùng (usage): npm run migrate:all -- --local [--persist DIR] | --remote [--env production]');
    process.exitCode = 2;
  } else {
    try {
      const done = await migrateAll({
        remote: values.remote === true,
        ...(values.env === undefined ? {} : { env: values.env }),
        ...(values.persist === undefined ? {} : { persistDir: values.persist }),
      });
      console.log(`gnbv: xong ${done.length} cơ sở dữ liệu (migrated ${done.length} databases: ${done.join(', ')})`);
    } catch (e) {
      console.error(`gnbv: không thành công (failed): ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  }
}
