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
});
