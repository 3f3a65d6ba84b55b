import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The D1 databases wrangler.toml declares, for one environment (none: the top level, as `wrangler
 * dev` and the tests use it; "production": its [[env.production.d1_databases]]). Read from the
 * file's [[…d1_databases]] tables, so adding a regional database is one block there and every
 * script (migrations, seeds, backups) follows. DB, the directory, comes first.
 */
export interface D1Declaration {
  binding: string;
  databaseName: string;
}

export function d1Databases(configText: string, env: string | null = null): D1Declaration[] {
  const header = env === null ? '[[d1_databases]]' : `[[env.${env}.d1_databases]]`;
  const found: D1Declaration[] = [];
  let current: Partial<D1Declaration> | null = null;
  const flush = (): void => {
    if (current?.binding !== undefined && current.databaseName !== undefined) found.push({ binding: current.binding, databaseName: current.databaseName });
    current = null;
  };
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      flush();
      if (line === header) current = {};
      continue;
    }
    if (current === null) continue;
    const match = /^(binding|database_name)\s*=\s*"([^"]*)"/.exec(line);
    if (match?.[1] === 'binding') current.binding = match[2];
    if (match?.[1] === 'database_name') current.databaseName = match[2];
  }
  flush();
  if (!found.some((d) => d.binding === 'DB')) throw new Error(`wrangler.toml declares no ${header} with binding "DB" (the directory)`);
  return [...found.filter((d) => d.binding === 'DB'), ...found.filter((d) => d.binding !== 'DB')];
}

/** d1Databases() of the project's wrangler.toml. */
export function projectD1Databases(root: string, env: string | null = null): D1Declaration[] {
  return d1Databases(readFileSync(join(root, 'wrangler.toml'), 'utf8'), env);
}
