import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { gnbv } from './run-gnbv.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { progressLine } from '../../cli/progress.ts';
import { parseDelimited } from '../../shared/xlsx/read-csv.ts';
import { gridsToXlsx } from '../grid-to-xlsx.ts';
import { loadSamples, matchKey, sampleGrids, SAMPLES_DIR } from '../samples.ts';
import { household, householdSheet } from '../shared/grid-builder.ts';

const DATE = '2024-12-05';


const tmp = mkdtempSync(join(tmpdir(), 'gnbv-batch-'));

/** A folder under the temporary one, with files at relative paths: bytes, text, or { sample } to copy a sample. */
function folder(name: string, files: Record<string, { sample: string } | string | Uint8Array>): string {
  const root = join(tmp, name);
  for (const [path, content] of Object.entries(files)) {
    const to = join(root, path);
    mkdirSync(dirname(to), { recursive: true });
    if (typeof content === 'object' && 'sample' in content) copyFileSync(sample(content.sample), to);
    else writeFileSync(to, content);
  }
  mkdirSync(root, { recursive: true });
  return root;
}

function sample(name: string): string {
  return join(SAMPLES_DIR, `${name}.xlsx`);
}

/**
 * Errors and warnings a sample gives: the engine's own check of the file, held to the answer key's
 * issues (a code's severity can depend on the row, so it is not read from the catalogue).
 */
async function keyCounts(name: string): Promise<{ errors: number; warnings: number }> {
  const key = loadSamples().find((s) => s.name === name);
  if (!key) throw new Error(`no answer key for ${name}`);
  const result = validateWorkbook(
    (await sampleGrids(key.file)).map((grid) => ({ grid })),
    { plan: XUAN_HOA_2024, reportDate: key.date },
  );
  expect(matchKey(result.issues, key.issues)).toEqual({ missed: [], extra: [] });
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: result.issues.length - errors };
}

const SIMPLE = 'households-simple-errors';
const CLEAN = 'households-classic-clean';
const simple = await keyCounts(SIMPLE);

const BROKEN = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]);
const unreadable = folder('unreadable', { 'broken.xlsx': BROKEN, 'fake.ods': Buffer.from('PK\u0003\u0004mimetypeapplication/vnd.oasis.opendocument.spreadsheet') });

/** Issues whose values Excel would run as formulas if a CSV passed them on as they are. */
const formulaFile = join(tmp, 'formula.xlsx');
writeFileSync(formulaFile, await gridsToXlsx([householdSheet([household(1, { size: '=2+2' }), household(2, { village: '-Thôn "X", 5' }), household(3)])]));

interface JsonIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  value: string | number | boolean | null;
}
interface JsonEntry {
  file: string;
  ok: boolean;
  error?: string;
  issues: JsonIssue[];
}

/** The rows the --out table must hold for a batch's JSON, in the header's order. */
function expectedRows(entries: readonly JsonEntry[]): (string | number | null)[][] {
  return entries.flatMap((e) =>
    e.error !== undefined
      ? [[e.file, null, null, null, null, 'Không đọc được', null, e.error, null]]
      : e.issues.map((i) => [
          e.file,
          i.sheet,
          i.row !== null && i.column !== null ? `${i.column}${i.row}` : null,
          i.row,
          i.column,
          i.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
          i.code,
          i.message,
          typeof i.value === 'boolean' ? String(i.value) : i.value,
        ]),
  );
}

const HEADER = ['Tệp', 'Trang tính', 'Ô', 'Dòng', 'Cột', 'Mức', 'Mã', 'Nội dung', 'Giá trị'];


describe('gnbv validate with several files', () => {
  it('prints one line per file and the total, and exits 1 when a file has errors', async () => {
    const r = await gnbv('validate', sample(SIMPLE), sample(CLEAN), '--date', DATE);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${sample(SIMPLE)}: ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`,
      `${sample(CLEAN)}: 0 lỗi, 0 cảnh báo.`,
      `Tổng: 2 tệp, 1 tệp có lỗi, 0 tệp không đọc được, ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`,
      '',
    ]);
    // Not a terminal: no progress line.
    expect(r.stderr).toBe('');
  });

  it('speaks English with --lang en, and exits 0 when every file is clean', async () => {
    const r = await gnbv('validate', sample(CLEAN), sample('workbook-xuan-hoa-2024-clean'), '--date', DATE, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Total: 2 files, 0 with errors, 0 unreadable, 0 errors, 0 warnings.');
  });

  it('walks a folder: nested folders and any case of extension, sorted, without lock files, hidden files or other files', async () => {
    const dir = folder('walk', {
      'b.xlsx': { sample: SIMPLE },
      'Xa Dong/c.XLSX': { sample: CLEAN },
      '~$b.xlsx': 'lock',
      '.hidden.xlsx': 'hidden',
      '.cache/d.xlsx': 'hidden folder',
      'notes.txt': 'not a workbook',
    });
    const r = await gnbv('validate', dir, join(dir, 'b.xlsx'), '--date', DATE);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      // Code-unit order: "X" before "b".
      `${join(dir, 'Xa Dong/c.XLSX')}: 0 lỗi, 0 cảnh báo.`,
      `${join(dir, 'b.xlsx')}: ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`,
      `Tổng: 2 tệp, 1 tệp có lỗi, 0 tệp không đọc được, ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`,
    ]);
  });

  it('exits 2 when a file cannot be read, and still checks the others', async () => {
    const r = await gnbv('validate', sample(SIMPLE), unreadable, join(tmp, 'nope.xlsx'), '--date', DATE);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`${sample(SIMPLE)}: ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`);
    expect(lines[1]).toContain(`Tệp ${join(unreadable, 'broken.xlsx')} bị hỏng`);
    expect(lines[2]).toContain(join(unreadable, 'fake.ods'));
    expect(lines[3]).toContain(`Không tìm thấy tệp ${join(tmp, 'nope.xlsx')}`);
    expect(lines[4]).toBe(`Tổng: 4 tệp, 1 tệp có lỗi, 3 tệp không đọc được, ${simple.errors} lỗi, ${simple.warnings} cảnh báo.`);
    expect(r.stdout + r.stderr).not.toMatch(/không mong đợi|\bat .*\(.*:\d+:\d+\)/);
  });

  it('exits 2 on a folder with no workbook in it', async () => {
    const dir = folder('nothing', { '~$x.xlsx': 'lock', '.x.xlsx': 'hidden' });
    const r = await gnbv('validate', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`Không tìm thấy sổ làm việc nào (.xlsx, .xlsm, .xls, .ods, .csv) trong thư mục ${dir}. / No workbook found in the folder.`);
    const empty = mkdtempSync(join(tmp, 'empty-'));
    expect((await gnbv('validate', empty, '--json')).code).toBe(2);
  });

  it('--json: one document, each file as the single-file JSON with ok (and error), and the total', async () => {
    const broken = join(unreadable, 'broken.xlsx');
    const r = await gnbv('validate', sample(SIMPLE), sample(CLEAN), broken, '--json', '--date', DATE);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { files: (JsonEntry & Record<string, unknown>)[]; total: unknown };
    const single = JSON.parse((await gnbv('validate', sample(SIMPLE), '--json', '--date', DATE)).stdout) as Record<string, unknown>;
    expect(out.files[0]).toEqual({ ...single, file: sample(SIMPLE), ok: false });
    expect(Object.keys(out.files[0] ?? {})).toEqual(['file', 'ok', 'reportDate', 'period', 'rulePack', 'sheets', 'issues']);
    expect(out.files[1]).toMatchObject({ file: sample(CLEAN), ok: true, issues: [] });
    expect(out.files[2]).toEqual({
      file: broken,
      ok: false,
      error: expect.stringContaining('bị hỏng'),
      reportDate: null,
      period: null,
      rulePack: null,
      sheets: [],
      issues: [],
    });
    expect(out.total).toEqual({ files: 3, withErrors: 1, unreadable: 1, unrecognised: 0, errors: simple.errors, warnings: simple.warnings });
  });

  it('applies --plan to every file', async () => {
    const { XUAN_HOA_2024 } = await import('../../shared/plans/index.ts');
    const plan = join(tmp, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...XUAN_HOA_2024, villages: [...XUAN_HOA_2024.villages, 'Thôn Đông Sơn'] }));
    const copy = folder('plan', { 'copy.xlsx': { sample: 'households-classic-errors' } });
    const codes = async (...extra: string[]): Promise<string[][]> => {
      const r = await gnbv('validate', sample('households-classic-errors'), copy, '--json', '--date', DATE, ...extra);
      return (JSON.parse(r.stdout) as { files: JsonEntry[] }).files.map((f) => f.issues.map((i) => i.code));
    };
    expect((await codes()).map((c) => c.includes('HH.VILLAGE_UNKNOWN'))).toEqual([true, true]);
    expect((await codes('--plan', plan)).map((c) => c.includes('HH.VILLAGE_UNKNOWN'))).toEqual([false, false]);
  });
});

describe('gnbv validate --out', () => {
  const files = [formulaFile, sample(SIMPLE), join(unreadable, 'broken.xlsx')];

  async function batch(out: string): Promise<{ entries: JsonEntry[]; stderr: string }> {
    const r = await gnbv('validate', ...files, '--json', '--date', DATE, '--out', out);
    expect(r.code).toBe(2);
    return { entries: (JSON.parse(r.stdout) as { files: JsonEntry[] }).files, stderr: r.stderr };
  }

  it('writes a CSV Excel opens in Vietnamese: BOM, CRLF, quoted, no cell taken for a formula', async () => {
    const out = join(tmp, 'issues.csv');
    const { entries, stderr } = await batch(out);
    const rows = expectedRows(entries);
    expect(stderr.trim()).toBe(`Đã ghi ${rows.length} vấn đề vào ${out}.`);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    // Every record ends in CRLF, as RFC 4180 has it and Excel expects.
    expect(text.endsWith('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, ''))).toBe(true);
    const [header, ...body] = parseDelimited(text.slice(0, -2), ',');
    expect(header).toEqual(HEADER);
    const guarded = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v))));
    expect(body).toEqual(guarded);
    expect(body.map((r) => r[8])).toContain("'=2+2");
    expect(body.map((r) => r[8])).toContain('\'-Thôn "X", 5');
  });

  it('writes an .xlsx: strings as strings, never a formula; bold frozen header, a filter, widths', async () => {
    const out = join(tmp, 'issues.xlsx');
    const { entries } = await batch(out);
    const rows = expectedRows(entries);
    const bytes = readFileSync(out);

    const wb = XLSX.read(bytes, { cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')) as [string, XLSX.CellObject][];
    expect(cells.filter(([, c]) => c.f !== undefined)).toEqual([]);
    expect(cells.find(([, c]) => c.v === '=2+2')?.[1].t).toBe('s');
    // Title and subtitle above the header on row 3.
    const table = XLSX.utils.sheet_to_json<(string | number | null)[]>(ws, { header: 1, range: 2, defval: null });
    expect(table[0]).toEqual(HEADER);
    expect(table.slice(1)).toEqual(rows);
    expect(rows.length).toBe(entries.reduce((n, e) => n + (e.error === undefined ? e.issues.length : 1), 0));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBe(`A3:I${3 + rows.length}`);
    expect(sheet.getColumn(8).width).toBeGreaterThanOrEqual(40);
  });

  it('works for one file: its report as before, then where the table went', async () => {
    const out = join(tmp, 'one.xlsx');
    const plain = await gnbv('validate', sample(SIMPLE), '--date', DATE);
    const r = await gnbv('validate', sample(SIMPLE), '--date', DATE, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${plain.stdout}Đã ghi ${simple.errors + simple.warnings} vấn đề vào ${out}.\n`);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses an unknown extension, and a file it would overwrite, before checking anything', async () => {
    const wrong = await gnbv('validate', sample(SIMPLE), '--out', join(tmp, 'issues.txt'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--out');
    expect(existsSync(join(tmp, 'issues.txt'))).toBe(false);
    const copy = folder('overwrite', { 'x.xlsx': { sample: CLEAN } });
    const over = await gnbv('validate', join(copy, 'x.xlsx'), '--out', join(copy, 'x.xlsx'));
    expect(over.code).toBe(2);
    expect(readFileSync(join(copy, 'x.xlsx'))).toEqual(readFileSync(sample(CLEAN)));
  });

  it('leaves the table it writes out of the folder it checks', async () => {
    const dir = folder('self', { 'a.xlsx': { sample: CLEAN } });
    await gnbv('validate', dir, '--out', join(dir, 'issues.xlsx'));
    const again = await gnbv('validate', dir, '--out', join(dir, 'issues.xlsx'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Tổng: 1 tệp');
  });
});

describe('the progress line', () => {
  function stream(isTTY: boolean, columns?: number): { isTTY: boolean; columns?: number; written: string[]; write(s: string): void } {
    const written: string[] = [];
    return { isTTY, columns, written, write: (s) => void written.push(s) };
  }

  it('is rewritten in place on a terminal and cleared at the end', () => {
    const s = stream(true, 80);
    const p = progressLine(s, 120);
    p.show(3, 'reports/x.xlsx');
    p.clear();
    expect(s.written).toEqual(['\r\u001b[K[3/120] reports/x.xlsx', '\r\u001b[K']);
  });

  it('keeps the end of a path too long for the terminal', () => {
    const s = stream(true, 32);
    progressLine(s, 120).show(3, 'reports/xa-dong/thon-1/bao-cao-ho-ngheo.xlsx');
    expect(s.written).toEqual(['\r\u001b[K[3/120] …/bao-cao-ho-ngheo.xlsx']);
  });

  it('writes nothing into a file or a pipe, or for a single file', () => {
    const pipe = stream(false);
    progressLine(pipe, 120).show(1, 'a.xlsx');
    const one = stream(true);
    progressLine(one, 1).show(1, 'a.xlsx');
    expect([...pipe.written, ...one.written]).toEqual([]);
  });
});
