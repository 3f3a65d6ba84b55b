#!/usr/bin/env node
// The gnbv command: runs the bundle of cli/ and shared/ that `npm ci` (prepare) or `npm run build` makes.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/gnbv.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('gnbv: chưa dựng lệnh gnbv — hãy chạy `npm run build`. / The command is not built yet: run `npm run build`.\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
