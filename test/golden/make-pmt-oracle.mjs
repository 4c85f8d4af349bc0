import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
const scenarios = [
  { name: 'A', pv: 100000, rate: 0.08, n: 24, per: 12 },
  { name: 'B', pv: 25000, rate: 0.0975, n: 60, per: 12 },
  { name: 'C', pv: 40000, rate: 0.0755, n: 12, per: 4 },
];
const ws = wb.addWorksheet('o');
let row = 1;
for (const s of scenarios) {
  for (let k = 1; k <= s.n; k++) {
    ws.getCell(row, 1).value = s.name;
    ws.getCell(row, 2).value = k;
    ws.getCell(row, 3).value = { formula: `ROUND(-PMT(${s.rate}/${s.per},${s.n},${s.pv}),10)` };
    ws.getCell(row, 4).value = { formula: `ROUND(-IPMT(${s.rate}/${s.per},${k},${s.n},${s.pv}),10)` };
    ws.getCell(row, 5).value = { formula: `ROUND(-PPMT(${s.rate}/${s.per},${k},${s.n},${s.pv}),10)` };
    row++;
  }
}
await wb.xlsx.writeFile('oracle.xlsx');
