// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { periodOn, vietnamDateTime } from '../../addin/period-choice.ts';
import { loadUserSettings, normaliseServerUrl, saveUserSettings } from '../../addin/settings.ts';
import { mountTaskPane } from '../../addin/ui/app.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';
import { ManualTimers } from './submit-doubles.ts';

const ORIGIN = 'https://localhost:8787';
let clean: Grid[];
beforeAll(async () => {
  clean = await readGrids(readFileSync(join(SAMPLES_DIR, 'households-classic-clean.xlsx')));
});
beforeEach(() => window.localStorage.clear());

function mount(excel: FakeExcel, now = new Date('2024-12-05T08:00:00+07:00')) {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app') as HTMLElement;
  const pane = mountTaskPane(root, {
    run: (work) => excel.run(work),
    documentSettings: excel.documentSettings(),
    storage: window.localStorage,
    fetch: (async () => new Response('{}', { status: 500 })) as typeof fetch,
    notes: true,
    defaultServerUrl: ORIGIN,
    now: () => now,
    timers: new ManualTimers(),
  });
  return { root, pane };
}

const el = <T extends HTMLElement>(root: HTMLElement, selector: string) => root.querySelector(selector) as T;
const idle = (root: HTMLElement) => vi.waitFor(() => expect(el<HTMLButtonElement>(root, '#check').disabled).toBe(false), { timeout: 20_000 });

async function saveSettingsForm(root: HTMLElement, values: { serverUrl?: string; token?: string; lang?: 'vi' | 'en' }) {
  if (!root.querySelector('form.settings')) el<HTMLButtonElement>(root, '#settings-toggle').click();
  if (values.serverUrl !== undefined) el<HTMLInputElement>(root, '#serverUrl').value = values.serverUrl;
  if (values.token !== undefined) el<HTMLInputElement>(root, '#token').value = values.token;
  if (values.lang !== undefined) el<HTMLSelectElement>(root, '#lang').value = values.lang;
  el<HTMLFormElement>(root, 'form.settings').requestSubmit();
  await idle(root);
}

describe('the officer’s settings (this computer’s localStorage)', () => {
  it('start from the pane’s own origin, no token, Vietnamese; a broken or foreign value is ignored', () => {
    const defaults = { serverUrl: ORIGIN, token: '', lang: 'vi' };
    expect(loadUserSettings(window.localStorage, ORIGIN)).toEqual(defaults);
    window.localStorage.setItem('gnbv.settings.v1', '{not json');
    expect(loadUserSettings(window.localStorage, ORIGIN)).toEqual(defaults);
    window.localStorage.setItem('gnbv.settings.v1', JSON.stringify({ serverUrl: 'https://x.vn', token: 't', lang: 'fr' }));
    expect(loadUserSettings(window.localStorage, ORIGIN)).toEqual(defaults);
    saveUserSettings(window.localStorage, { serverUrl: 'https://gnbv.thanhhoa.gov.vn', token: 'abc', lang: 'en' });
    expect(loadUserSettings(window.localStorage, ORIGIN)).toEqual({ serverUrl: 'https://gnbv.thanhhoa.gov.vn', token: 'abc', lang: 'en' });
  });

  it('accept an https server (or http on this computer), without the trailing slash', () => {
    expect(normaliseServerUrl(' https://gnbv.thanhhoa.gov.vn/ ')).toBe('https://gnbv.thanhhoa.gov.vn');
    expect(normaliseServerUrl('http://localhost:8787')).toBe('http://localhost:8787');
    expect(normaliseServerUrl('http://127.0.0.1:43613/')).toBe('http://127.0.0.1:43613');
    expect(normaliseServerUrl('http://gnbv.thanhhoa.gov.vn')).toBeNull();
    expect(normaliseServerUrl('gnbv.thanhhoa.gov.vn')).toBeNull();
    expect(normaliseServerUrl('')).toBe('');
  });

  it('the form saves server, token and language here, never in the workbook; English switches the pane’s words', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const { root, pane } = mount(excel);
    expect(el(root, '#check').textContent).toBe('Kiểm tra');
    await saveSettingsForm(root, { serverUrl: 'https://gnbv.thanhhoa.gov.vn/', token: ' demo-xuan-hoa ', lang: 'en' });
    expect(JSON.parse(window.localStorage.getItem('gnbv.settings.v1') ?? 'null')).toEqual({
      serverUrl: 'https://gnbv.thanhhoa.gov.vn',
      token: 'demo-xuan-hoa',
      lang: 'en',
    });
    expect(document.documentElement.lang).toBe('en');
    expect(el(root, '#check').textContent).toBe('Check');
    expect(el(root, '#submit').textContent).toBe('Submit report');
    expect(el(root, '#settings-toggle').textContent).toBe('Settings');
    expect(el(root, '#submit-note').textContent).toBe('Run Check first; once there is no error the report can be submitted.');
    el<HTMLButtonElement>(root, '#check').click();
    await idle(root);
    expect(el(root, '.status').textContent).toBe('No issues. The workbook is ready to submit.');
    expect(el(root, '#submit').textContent).toBe('Submit report — Year 2024');
    expect(JSON.stringify([...excel.settings, ...excel.savedSettings])).not.toContain('demo-xuan-hoa');
    expect(JSON.stringify(excel.valuesSnapshot())).not.toContain('demo-xuan-hoa');
    pane.dispose();

    // The next pane (another workbook, same computer) opens in English with the same server and token.
    const next = mount(FakeExcel.fromGrids(clean));
    expect(el(next.root, '#check').textContent).toBe('Check');
    el<HTMLButtonElement>(next.root, '#settings-toggle').click();
    expect(el<HTMLInputElement>(next.root, '#serverUrl').value).toBe('https://gnbv.thanhhoa.gov.vn');
    expect(el<HTMLInputElement>(next.root, '#token').value).toBe('demo-xuan-hoa');
    await saveSettingsForm(next.root, { lang: 'vi' });
    expect(el(next.root, '#check').textContent).toBe('Kiểm tra');
    expect(document.documentElement.lang).toBe('vi');
  });

  it('a server address that is not https is refused, and nothing is saved', async () => {
    const { root } = mount(FakeExcel.fromGrids(clean));
    await saveSettingsForm(root, { serverUrl: 'http://gnbv.thanhhoa.gov.vn', token: 'x' });
    expect(el(root, '[role="alert"]').textContent).toBe('Địa chỉ máy chủ phải bắt đầu bằng https://');
    expect(window.localStorage.getItem('gnbv.settings.v1')).toBeNull();
  });
});

describe('the report period', () => {
  it('is proposed from the sheet titles; the picker offers quarters, the first six months and the year', async () => {
    const { root } = mount(FakeExcel.fromGrids(clean));
    const picker = el<HTMLSelectElement>(root, '#period');
    expect(picker.value).toBe('');
    expect(picker.options[0]?.textContent).toBe('Theo tiêu đề trang (Quý IV 2024)');
    expect(el(root, '#period-hint').textContent).toBe('Nếu tiêu đề trang không ghi kỳ, dùng kỳ hiện tại (Quý IV 2024).');
    expect([...picker.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'))).toEqual(['2024', '2023', '2022']);
    expect([...picker.querySelectorAll('optgroup[label="2024"] option')].map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['2024-Q1', 'Quý I 2024'],
      ['2024-Q2', 'Quý II 2024'],
      ['2024-Q3', 'Quý III 2024'],
      ['2024-Q4', 'Quý IV 2024'],
      ['2024-H1', '6 tháng đầu năm 2024'],
      ['2024-Y', 'Cả năm 2024'],
    ]);
    el<HTMLButtonElement>(root, '#check').click();
    await idle(root);
    expect(el<HTMLSelectElement>(root, '#period').options[0]?.textContent).toBe('Theo tiêu đề trang: Cả năm 2024');
    expect(el(root, '#submit').textContent).toBe('Gửi báo cáo — Cả năm 2024');

    // The officer's choice wins over the title; Gửi will check again for it.
    const chosen = el<HTMLSelectElement>(root, '#period');
    chosen.value = '2024-H1';
    chosen.dispatchEvent(new Event('change'));
    expect(el(root, '#submit').textContent).toBe('Gửi báo cáo — 6 tháng đầu năm 2024');
    expect(root.querySelector('#period-hint')).toBeNull();
  });

  it('with no title naming one, it is the quarter of the day in Vietnam', async () => {
    // The same list with its title lines blanked.
    const untitled: Grid[] = clean.map((g) => ({ ...g, rows: g.rows.map((row, i) => (i < 6 ? row.map(() => null) : row)), merges: [] }));
    const { root } = mount(FakeExcel.fromGrids(untitled), new Date('2024-09-30T18:30:00Z')); // 01:30 on 1 October in Vietnam
    el<HTMLButtonElement>(root, '#check').click();
    await idle(root);
    expect(el<HTMLSelectElement>(root, '#period').options[0]?.textContent).toBe('Kỳ hiện tại: Quý IV 2024');
    expect(el(root, '#submit').textContent).toBe('Gửi báo cáo — Quý IV 2024');
  });

  it('Vietnam’s clock is UTC+7 all year', () => {
    expect(periodOn(new Date('2024-03-31T16:59:59Z'))).toBe('2024-Q1');
    expect(periodOn(new Date('2024-03-31T17:00:00Z'))).toBe('2024-Q2');
    expect(periodOn(new Date('2024-12-31T17:00:00Z'))).toBe('2025-Q1');
    expect(vietnamDateTime('2024-12-05T01:02:03.000Z')).toBe('05/12/2024 08:02:03');
    expect(vietnamDateTime('2024-12-31T17:00:00Z')).toBe('01/01/2025 00:00:00');
  });
});
