import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSeedByDatabase } from './demo-data.ts';
import { runWrangler } from './wrangler.ts';

/**
 * Seeds the demo into the LOCAL D1s only (`--local`; never --remote): Thọ Xuân, four communes with
 * 2024 plans, and the demo tokens; the directory in DB, Thọ Xuân's data in its own database
 * (DB_R1). Idempotent. Run after the migrations (`npm start` does both).
 */
export async function seedDemo(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = join(root, '.wrangler');
  mkdirSync(dir, { recursive: true });
  for (const [binding, statements] of Object.entries(await demoSeedByDatabase(new Date().toISOString()))) {
    const file = join(dir, `seed-demo-${binding}.sql`);
    writeFileSync(file, `${statements.join('\n')}\n`, 'utf8');
    await runWrangler(['d1', 'execute', binding, '--local', `--file=${file}`]);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await seedDemo();
}
