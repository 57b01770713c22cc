import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableHeaders, tableStream, writeTable, type Column } from '../../infra/tabular';

interface Row {
  id: string;
  subject: string;
  count: number;
  at: Date;
}

const columns: Column<Row>[] = [
  { header: '티켓 ID', value: (row) => row.id },
  { header: '제목', value: (row) => row.subject },
  { header: 'Count', value: (row) => row.count },
  { header: 'Created', value: (row) => row.at },
];

const rows: Row[] = [
  { id: 'T1', subject: '카드 결제가 안 돼요', count: 3, at: new Date('2026-11-30T01:02:03Z') },
  { id: 'T2', subject: 'Quote "here", and\nnewline', count: 0, at: new Date('2026-12-01T00:00:00Z') },
  { id: 'T3', subject: '=HYPERLINK("http://evil")', count: -1, at: new Date('2026-12-01T00:00:00Z') },
];

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe('tabular export', () => {
  it('writes CSV with a BOM, RFC 4180 quoting, Korean intact and formulas neutralised', async () => {
    const text = (await bytesOf(tableStream('csv', columns, slowly(rows)))).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '티켓 ID,제목,Count,Created',
      'T1,카드 결제가 안 돼요,3,2026-11-30T01:02:03.000Z',
      'T2,"Quote ""here"", and\nnewline",0,2026-12-01T00:00:00.000Z',
      `T3,"'=HYPERLINK(""http://evil"")",-1,2026-12-01T00:00:00.000Z`,
      '',
    ]);
  });

  it('writes an XLSX a spreadsheet reads back with typed cells and Korean intact', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await bytesOf(tableStream('xlsx', columns, rows, { sheetName: '티켓' }));
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('티켓')!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, '티켓 ID', '제목', 'Count', 'Created']);
    expect(sheet.getRow(2).getCell(2).value).toBe('카드 결제가 안 돼요');
    expect(sheet.getRow(2).getCell(3).value).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toEqual(new Date('2026-11-30T01:02:03Z'));
    expect(sheet.getRow(4).getCell(2).value).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('reports progress and counts rows', async () => {
    const seen: number[] = [];
    const many = Array.from({ length: 2_500 }, (_, index) => ({ ...rows[0]!, id: `T${index}` }));
    const out = new PassThrough();
    out.resume();
    const written = await writeTable('csv', columns, many, out, { onProgress: (count) => seen.push(count) });
    expect(written).toBe(2_500);
    expect(seen).toEqual([1_000, 2_000, 2_500]);
  });

  it('names downloads in ASCII and in UTF-8', () => {
    expect(tableHeaders('xlsx', '콜백 현황')['content-disposition']).toBe(
      `attachment; filename="__ __.xlsx"; filename*=UTF-8''%EC%BD%9C%EB%B0%B1%20%ED%98%84%ED%99%A9.xlsx`,
    );
  });
});
