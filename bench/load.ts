import { load } from '../scripts/load.ts';

/** `npm run bench`'s short load run: 20 communes at once plus merged-workbook downloads (scripts/load.ts; `npm run load` for 200). */
const result = await load({ communes: 20, rows: 1000, concurrency: 8, downloads: 4 });
if (result.errors > 0) process.exitCode = 1;
