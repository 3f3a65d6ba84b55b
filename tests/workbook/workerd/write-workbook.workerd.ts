import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDistrictWorkbook } from '../../../worker/workbook/index.ts';
import { fixtureSource } from '../fixture.ts';

/** The writer inside workerd (the Worker's runtime): Web Streams, fflate, no Node APIs. */

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('district workbook in workerd', () => {
  it('streams a complete workbook', async () => {
    expect((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent).toBe('Cloudflare-Workers');
    const bytes = await bytesOf(writeDistrictWorkbook(fixtureSource()));
    const files = unzipSync(bytes);
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Tổng hợp',
      'Diễn biến',
      'Thiếu hụt',
      'Nhóm đối tượng',
      'Dự án',
      'Hộ',
      'Đối tượng hỗ trợ',
      'Tiến độ',
      'Kiểm tra',
      'Nguồn',
    ]);
    // Hộ: title, subtitle, two header rows and the 36 households of the three communes.
    const households = strFromU8(files['xl/worksheets/sheet6.xml'] ?? new Uint8Array());
    expect(households.match(/<row /g)?.length).toBe(4 + 36);
    expect(households).not.toMatch(/<f[\s>/]/);
  });

  it('streams the official layout', async () => {
    const files = unzipSync(await bytesOf(writeDistrictWorkbook(fixtureSource(), 'official')));
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Tổng hợp KQ rà soát',
      'DS hộ nghèo, cận nghèo',
      'DS hộ thoát nghèo',
      'Thiếu hụt hộ nghèo',
      'Thiếu hụt hộ cận nghèo',
      'Kiểm tra',
      'Nguồn',
    ]);
    // The lists: 6 rows above the table, 27 and 9 households, a note and 3 signature rows.
    const rows = (n: number): number => strFromU8(files[`xl/worksheets/sheet${n}.xml`] ?? new Uint8Array()).match(/<row /g)?.length ?? 0;
    expect([rows(2), rows(3)]).toEqual([6 + 27 + 4, 6 + 9 + 4]);
    for (const xml of Object.values(files)) expect(strFromU8(xml)).not.toMatch(/<f[\s>/]/);
  });
});
