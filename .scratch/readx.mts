import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile('/tmp/i9/shots/export-ko.xlsx');
const ws = wb.worksheets[0];
console.log(ws.name, ws.rowCount);
ws.eachRow((row, i) => { if (i <= 3) console.log((row.values as unknown[]).slice(1, 13).join(' | ')); });
