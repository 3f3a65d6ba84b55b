import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gnbv } from './run-gnbv.ts';
import { SAMPLES_DIR } from '../samples.ts';



const tmp = mkdtempSync(join(tmpdir(), 'gnbv-cli-'));
function file(name: string, bytes: Uint8Array | string): string {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

/** An OLE compound file header, as a legacy .xls (or an encrypted .xlsx) starts. */
function cfb(extra = ''): Uint8Array {
  const head = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.from(extra, 'utf16le');
  return Buffer.concat([head, Buffer.alloc(504), body]);
}

describe('gnbv validate', () => {
  it('exits 0 on a clean workbook and prints the sheets it read', async () => {
    const r = await gnbv('validate', join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'), '--date', '2024-12-05');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tien do: báo cáo tiến độ, tiêu đề ở dòng 6');
    expect(r.stdout).toContain('0 lỗi, 0 cảnh báo. Có thể gửi báo cáo.');
  });

  it('exits 1 with errors and gives the JSON shape of SPEC section 7', async () => {
    const r = await gnbv('validate', join(SAMPLES_DIR, 'households-simple-errors.xlsx'), '--json', '--date', '2024-12-05');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; sheets: unknown[]; issues: Record<string, unknown>[] };
    expect(out.file).toBe('households-simple-errors.xlsx');
    expect(out.sheets).toEqual([
      expect.objectContaining({ name: 'Ho ngheo', kind: 'households', headerRow: 4, columns: expect.objectContaining({ idNumber: 'F' }) }),
    ]);
    expect(out.issues[0]).toEqual({
      code: 'ID.PROVINCE',
      severity: 'error',
      sheet: 'Ho ngheo',
      row: 16,
      column: 'F',
      field: 'idNumber',
      value: '003187235958',
      params: { province: '003' },
      message: 'Ba chữ số đầu "003" của số định danh không phải mã tỉnh nào.',
    });
  });

  it('exits 0 when only warnings remain', async () => {
    const r = await gnbv('validate', join(SAMPLES_DIR, 'households-classic-clean.xlsx'), '--date', '2024-12-05', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).issues).toEqual([]);
  });

  it('takes --lang en', async () => {
    const r = await gnbv('validate', join(SAMPLES_DIR, 'households-simple-errors.xlsx'), '--date', '2024-12-05', '--lang', 'en');
    expect(r.stdout).toContain('are no province code');
  });

  it('checks beneficiaries against --households from another file', async () => {
    const r = await gnbv('validate', join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx'), '--date', '2024-12-05', '--households', join(SAMPLES_DIR, 'households-classic-clean.xlsx'), '--json');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).sheets).toHaveLength(5);
  });

  it.each([
    ['a damaged .xls', () => file('old.xls', cfb('Workbook')), 'bị hỏng'],
    ['password-protected .xlsx', () => file('locked.xlsx', cfb('EncryptedPackage')), 'mật khẩu'],
    ['a text file', () => file('notes.xlsx', 'STT,Họ và tên\n1,An\n'), 'không phải bảng tính (.xlsx, .xls, .ods hoặc .csv)'],
    ['a damaged zip', () => file('broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)])), 'bị hỏng'],
    ['an empty file', () => file('empty.xlsx', ''), 'rỗng'],
    ['a missing file', () => join(tmp, 'nope.xlsx'), 'Không tìm thấy tệp'],
  ])('exits 2 with one clear line for %s', async (_name, make, text) => {
    const r = await gnbv('validate', make());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(text);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('exits 2 on bad arguments', async () => {
    expect((await gnbv('validate')).code).toBe(2);
    expect((await gnbv('validate', 'a.xlsx', '--date', '05/12/2024')).stderr).toContain('YYYY-MM-DD');
    expect((await gnbv('validate', 'a.xlsx', '--bogus')).stderr).toContain('--bogus');
    expect((await gnbv('frobnicate')).code).toBe(2);
  });

  it('reads a plan file with --plan and rejects a malformed one', async () => {
    const { XUAN_HOA_2024 } = await import('../../shared/plans/index.ts');
    const plan = { ...XUAN_HOA_2024, villages: ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Thôn 5', 'Thôn 6', 'Thôn 7', 'Thôn Đông Sơn'] };
    const good = await gnbv('validate', join(SAMPLES_DIR, 'households-classic-errors.xlsx'), '--date', '2024-12-05', '--json', '--plan', file('plan.json', JSON.stringify(plan)));
    expect(JSON.parse(good.stdout).issues.map((i: { code: string }) => i.code)).not.toContain('HH.VILLAGE_UNKNOWN');
    const bad = await gnbv('validate', join(SAMPLES_DIR, 'households-classic-errors.xlsx'), '--plan', file('bad.json', '{"id": 1}'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Tệp kế hoạch');
  });

  it('reads the same list saved by LibreOffice as .ods, .xls and CSV, with the issues of the .xlsx', async () => {
    const xlsx = join(SAMPLES_DIR, 'households-classic-errors.xlsx');
    const expected = JSON.parse((await gnbv('validate', xlsx, '--date', '2024-12-05', '--json')).stdout) as { issues: { value: unknown }[] };
    expect(expected.issues).toHaveLength(18);
    const lo = (to: string) =>
      execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', to, '--outdir', join(tmp, 'lo'), xlsx], { stdio: 'ignore', timeout: 120_000 });
    lo('ods');
    lo('xls');
    // UTF-8, values as stored (not as shown).
    lo('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false');
    for (const ext of ['ods', 'xls', 'csv']) {
      const r = await gnbv('validate', join(tmp, 'lo', `households-classic-errors.${ext}`), '--date', '2024-12-05', '--json');
      expect(r.code, ext).toBe(1);
      const issues = (JSON.parse(r.stdout) as { issues: { sheet: string; value: unknown }[] }).issues;
      // .ods and .xls: the very issues, messages (with the legacy text's font) and all. A CSV names
      // its one sheet after the file and holds neither types (a 9-digit ID kept as text reads as a
      // number) nor fonts (the message names the encoding alone).
      const plain = (list: { sheet?: string; value: unknown; code?: unknown; row?: unknown; column?: unknown; severity?: unknown }[]) =>
        ext !== 'csv' ? list : list.map((i) => ({ code: i.code, severity: i.severity, row: i.row, column: i.column, value: String(i.value) }));
      expect(plain(issues), ext).toEqual(plain(expected.issues));
    }
  });

  it('exits 2, never "0 lỗi", on a workbook with no list or report in it, alone or in a batch', async () => {
    const notes = file('huong-dan.csv', 'HƯỚNG DẪN NHẬP LIỆU\n1. Nhập mỗi hộ một dòng\n');
    const r = await gnbv('validate', notes, '--date', '2024-12-05');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('SHEET.UNKNOWN_KIND  Không nhận ra bảng nào');
    expect(r.stdout).toContain('1 lỗi, 0 cảnh báo.');
    const batch = await gnbv('validate', notes, join(SAMPLES_DIR, 'households-classic-clean.xlsx'), '--date', '2024-12-05');
    expect(batch.code).toBe(2);
    expect(batch.stdout).toContain('1 tệp không nhận ra bảng nào');
  });

  it('exits 2 on a zip holding only a text file, renamed .xlsx', async () => {
    const r = await gnbv('validate', file('bao-cao.xlsx', zipSync({ 'ghi-chu.txt': strToU8('Danh sách gửi sau') })));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không phải bảng tính');
  });
});
