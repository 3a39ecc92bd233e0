/**
 * Price list import through the HTTP API: a dry run first (CSV in Windows-1252 or UTF-8 with
 * `;`, `,` or tab, XLSX), with line-level errors on the lines the file has them, the diff
 * against the live list (create, update with each field's change, unchanged, archive with
 * mode=replace), then applied exactly as shown, once, and only while the list is as it was.
 * The pure readers (amounts, units, VAT, CSV, the XLSX sheet reader) are tested first. PGlite
 * and, with TEST_DATABASE_URL, Postgres.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { recognise } from './import/columns.ts';
import { parseCsv, sniffDelimiter } from './import/csv.ts';
import { decodeText, toWindows1252 } from './import/decode.ts';
import { exclusiveOfVat, readAmount, readDate, readQuantity, readUnit, readVat } from './import/values.ts';
import { readFirstSheet } from './import/xlsx.ts';
import plugin from './index.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('reading price list cells', () => {
  it('reads Danish and English amounts exactly, in øre, and refuses what is not a price', () => {
    const cases: [string, ',' | '.', number | null][] = [
      ['1.250,50', ',', 125050], ['450,-', ',', 45000], ['kr. 450', ',', 45000], ['450 kr.', ',', 45000], ['DKK 1 250,5', ',', 125050], ['1.250', ',', 125000],
      ['12,5', ',', 1250], ['12.5', ',', 1250], ['1,250.50', '.', 125050], ['1.250', '.', 125], ['1.250.000,00', ',', 125000000], ['0', ',', 0],
      ['ca. 400', ',', null], ['fra 400', ',', null], ['400+', ',', null], ['1,005', '.', 100500], ['1.005', '.', null], ['1,005', ',', null], ['-5', ',', null], ['1.25.0', ',', null], ['', ',', null],
    ];
    for (const [text, mark, ore] of cases) {
      const read = readAmount(text, mark);
      expect(read.ok ? read.value : null, `${text} (${mark})`).toBe(ore);
    }
    // A spreadsheet's number is taken as stored, float noise trimmed.
    expect(readAmount({ number: '1250.5' }, ',')).toEqual({ ok: true, value: 125050 });
    expect(readAmount({ number: '0.30000000000000004' }, ',')).toEqual({ ok: true, value: 30 });
    expect(readAmount({ number: '10.005' }, ',').ok).toBe(false);
  });

  it('converts a price including moms by ÷ 1,25 exactly, rounded half away from zero', () => {
    expect([56250, 100, 125001, 1, 2, 3, 1003, 1004, 1007].map(exclusiveOfVat)).toEqual([45000, 80, 100001, 1, 2, 2, 802, 803, 806]);
    // Every amount: excl × 1,25 is within half an øre of incl.
    for (let incl = 0; incl < 2000; incl++) expect(Math.abs(exclusiveOfVat(incl) * 5 - incl * 4)).toBeLessThanOrEqual(2);
  });

  it('reads quantities, dates, units and VAT classes as the trade writes them', () => {
    expect(readQuantity('1,5', ',')).toEqual({ ok: true, value: 1500 });
    expect(readQuantity('20 stk.', ',')).toEqual({ ok: true, value: 20000 });
    expect(readQuantity('0', ',').ok).toBe(false);
    expect(readQuantity('1,2345', ',').ok).toBe(false);
    expect(['01-03-2027', '1.3.2027', '2027-03-01', '01/03/2027'].map((d) => readDate(d))).toEqual(Array(4).fill({ ok: true, value: '2027-03-01' }));
    expect(readDate('31-02-2027').ok).toBe(false);
    expect(readDate('1/3-27').ok).toBe(false);
    const units = ['stk.', 'Styk', 'pcs', 'meter', 'lbm.', 'm²', 'kvm', 'M2', 'm³', 'timer', 'Time', 'hours', 'kg', 'liter', 'dage', 'uger', 'mdr.', 'måned', 'år', 'km', 'sæt', 'pk.', 'tons', 'pr. stk'];
    expect(units.map((u) => { const r = readUnit(u); return r.ok ? r.value : u; })).toEqual(['stk', 'stk', 'stk', 'm', 'm', 'm2', 'm2', 'm2', 'm3', 'time', 'time', 'time', 'kg', 'l', 'dag', 'uge', 'måned', 'måned', 'år', 'km', 'sæt', 'pakke', 'ton', 'stk']);
    expect(readUnit('fod').ok).toBe(false);
    const vat = ['25', '25 %', '25,00', '0,25', 'standard', '0', '0%', 'fritaget', 'Momsfri', 'exempt'].map((v) => { const r = readVat(v); return r.ok ? r.value : v; });
    expect(vat).toEqual(['standard', 'standard', 'standard', 'standard', 'standard', 'exempt', 'exempt', 'exempt', 'exempt', 'exempt']);
    expect(readVat('12').ok).toBe(false);
  });

  it('knows the column names in Danish and English, whatever their case, spaces and accents', () => {
    const fields = (headers: string[]) => headers.map((h) => { const r = recognise(h); return r ? `${r.field}${r.inclVat ? '+moms' : ''}${r.breakAt ? `@${r.breakAt / 1000}` : ''}` : null; });
    expect(fields(['Varenr.', 'VARE NR', 'SKU', 'Item No.', 'Nummer', 'Navn', 'Betegnelse', 'Beskrivelse', 'Name', 'name_en', 'Engelsk navn', 'English', 'Enhed', 'Unit']))
      .toEqual(['sku', 'sku', 'sku', 'sku', 'sku', 'name_da', 'name_da', 'name_da', 'name_da', 'name_en', 'name_en', 'name_en', 'unit', 'unit']);
    expect(fields(['Pris', 'Stykpris', 'Enhedspris', 'Pris ekskl. moms', 'Price', 'Pris inkl. moms', 'Price incl. VAT', 'Inkl. moms', 'Pris (kr.)']))
      .toEqual(['price', 'price', 'price', 'price', 'price', 'price+moms', 'price+moms', 'price+moms', 'price']);
    expect(fields(['Moms', 'Moms %', 'VAT', 'Synonymer', 'Synonyms', 'Min. antal', 'Minimum', 'Gyldig fra', 'Valid from', 'Gyldig til', 'Valid to', 'Offentlig', 'Public']))
      .toEqual(['vat_class', 'vat_class', 'vat_class', 'synonyms', 'synonyms', 'min_quantity', 'min_quantity', 'valid_from', 'valid_from', 'valid_to', 'valid_to', 'public', 'public']);
    expect(fields(['Pris fra 20', 'price from 50', 'Pris fra 20 stk.', 'Pris fra 12,5 m inkl. moms', 'Lager', 'Bemærkning']))
      .toEqual(['break@20', 'break@50', 'break@20', 'break+moms@12.5', null, null]);
  });

  it('sniffs the delimiter and keeps the line each record starts on', () => {
    expect(sniffDelimiter('Varenr;Navn;Pris\nA-1;Rende, zink;1.250,50\nA-2;Rør;450\n')).toBe(';');
    expect(sniffDelimiter('SKU,Name,Price\nA-1,"Gutter; zinc","1,250.50"\n')).toBe(',');
    expect(sniffDelimiter('SKU\tName\tPrice\nA-1\tGutter, zinc\t1250,50\n')).toBe('\t');
    expect(parseCsv('a;b\r\n"x\r\ny";"say ""hi"""\r\n\r\nz;w', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x\r\ny', 'say "hi"'] }, { line: 5, cells: ['z', 'w'] },
    ]);
  });

  it('decodes UTF-8 with and without a BOM, UTF-16 and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Rør')]))).toEqual({ text: 'Rør', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('Rør'))).toEqual({ text: 'Rør', encoding: 'utf-8' });
    expect(decodeText(toWindows1252('Rør – 5 €'))).toEqual({ text: 'Rør – 5 €', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('Rør', 'utf16le')]))).toEqual({ text: 'Rør', encoding: 'utf-16le' });
  });

  it('reads the first sheet of a workbook with inline strings, formula results and shared strings', () => {
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
    const bytes = zipSync({
      '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Skjult" sheetId="1" state="hidden" r:id="rId2"/><sheet name="Priser" sheetId="2" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
      'xl/sharedStrings.xml': xml('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Varenr.</t></si><si><r><t>Tag</t></r><r><t xml:space="preserve">rende &amp; rør</t></r></si></sst>'),
      'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>skjult</t></is></c></row></sheetData></worksheet>'),
      'xl/worksheets/sheet2.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>Pris</t></is></c></row>'
        + '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4" t="b"><v>1</v></c><c r="C4"><v>1250.5</v></c><c r="D4" t="str"><f>A4</f><v>Tag</v></c></row>'
        + '</sheetData></worksheet>'),
    });
    expect(readFirstSheet(bytes)).toEqual({
      sheet: 'Priser',
      rows: [{ line: 2, cells: ['Varenr.', '', 'Pris'] }, { line: 4, cells: ['Tagrende & rør', 'TRUE', { number: '1250.5' }, 'Tag'] }],
    });
  });
});

describe.each(DRIVERS)('price list import on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let customer: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    host = await createTestHost({ plugins: [plugin], database: database.db });
    customer = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
  });
  afterAll(async () => {
    await host?.close();
    await database?.destroy();
  });
  // Each test starts from an empty price list.
  beforeEach(async () => {
    for (const item of (await host.request('GET', '/api/pricing/items')).body.items) await host.request('DELETE', `/api/pricing/items/${item.id}`);
  });

  /** A dry run of a file, sent raw as the body. */
  const dryRun = async (body: Uint8Array | string, options: { type?: string; query?: string; token?: string } = {}) => {
    const res = await host.fetch(`/api/pricing/import${options.query ?? ''}`, {
      method: 'POST', body: new Uint8Array(typeof body === 'string' ? new TextEncoder().encode(body) : body),
      headers: { 'content-type': options.type ?? 'text/csv', authorization: `Bearer ${options.token ?? host.adminKey}` },
    });
    return { status: res.status, body: await res.json() };
  };
  const apply = (id: string, query = '') => host.request('POST', `/api/pricing/import/${id}/apply${query}`);
  const items = async () => (await host.request('GET', '/api/pricing/items')).body.items as Record<string, unknown>[];
  const strip = ({ id: _id, created_at: _c, updated_at: _u, archived_at: _a, ...rest }: Record<string, unknown>) => rest;

  it('reads a Danish semicolon CSV in Windows-1252 (æøå, 1.250,50, Danish units) and applies exactly that', async () => {
    const csv = [
      'Prisliste 2027 – Nordlys Tag ApS',
      '',
      'Varenr.;Betegnelse;Engelsk navn;Enhed;Pris ekskl. moms;Moms;Synonymer;Min. antal;Pris fra 20;Gyldig fra;Gyldig til;Offentlig;Lager',
      'TR-ZINK-333;Tagrende i zink, 333 mm;Zinc gutter, 333 mm;meter;1.250,50;25;tagrende, zinktagrende|rende;1,5;1.100,00;01-03-2027;31.12.2027;ja;12',
      'NED-ØKO;Nedløbsrør, økologisk;;stk.;450,-;25 %;;;;;;nej;',
      'MONT-TIME;Montage, pr. påbegyndt time;Fitting, per hour started;timer;kr. 595;fritaget;montør;;;;;;',
      '"TAG-M2";"Tagpap; 2 lag";Roofing felt;m²;"12.345,67";;;;;2027-01-01;;;',
    ].join('\r\n');
    const dry = await dryRun(toWindows1252(csv), { type: 'text/csv; charset=windows-1252', query: '?name=prisliste.csv' });
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({
      name: 'prisliste.csv', mode: 'merge', source: { format: 'csv', encoding: 'windows-1252', delimiter: ';' }, header_line: 3, rows: 4,
      update: [], unchanged: 0, archive: [], errors: [], created_by: expect.stringMatching(/^key:/),
    });
    expect(dry.body.notes.map((n: { en: string }) => n.en)).toContain('Columns not used: Lager');
    const expected = [
      { sku: 'MONT-TIME', name: { da: 'Montage, pr. påbegyndt time', en: 'Fitting, per hour started' }, synonyms: ['montør'], unit: 'time', unit_price_ore: 59500, vat_class: 'exempt', breaks: [], min_quantity: null, add_ons: [], valid_from: null, valid_to: null, public: true },
      { sku: 'NED-ØKO', name: { da: 'Nedløbsrør, økologisk', en: 'Nedløbsrør, økologisk' }, synonyms: [], unit: 'stk', unit_price_ore: 45000, vat_class: 'standard', breaks: [], min_quantity: null, add_ons: [], valid_from: null, valid_to: null, public: false },
      { sku: 'TAG-M2', name: { da: 'Tagpap; 2 lag', en: 'Roofing felt' }, synonyms: [], unit: 'm2', unit_price_ore: 1234567, vat_class: 'standard', breaks: [], min_quantity: null, add_ons: [], valid_from: '2027-01-01', valid_to: null, public: true },
      {
        sku: 'TR-ZINK-333', name: { da: 'Tagrende i zink, 333 mm', en: 'Zinc gutter, 333 mm' }, synonyms: ['tagrende', 'zinktagrende', 'rende'], unit: 'm', unit_price_ore: 125050, vat_class: 'standard',
        breaks: [{ min_quantity: 20, unit_price_ore: 110000 }], min_quantity: 1.5, add_ons: [], valid_from: '2027-03-01', valid_to: '2027-12-31', public: true,
      },
    ];
    expect(dry.body.create.map((c: { line: number }) => c.line)).toEqual([4, 5, 6, 7]);
    expect([...dry.body.create].sort((a, b) => a.sku.localeCompare(b.sku)).map(({ line: _l, ...c }: { line: number }) => c)).toEqual(expected);
    // The dry run changed nothing.
    expect(await items()).toEqual([]);
    const applied = await apply(dry.body.id);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ id: dry.body.id, created: 4, updated: 0, archived: 0, unchanged: 0, skipped_rows: 0 });
    expect((await items()).map(strip)).toEqual(expected);
  });

  it('reads an English comma CSV (UTF-8 with BOM) whose prices include VAT, and says they were converted', async () => {
    const csv = '\uFEFF' + [
      'SKU,Name,Name_en,Unit,Price incl. VAT,VAT,Synonyms,Minimum,Price from 50 incl. VAT,Valid from,Public',
      'GUT-1,Tagrende,Gutter,m,562.50,25,"gutter|eaves trough",,"1,000.00",2027-01-01,yes',
      'SRV-2,Servicebesøg,Service visit,hour,"1,250.01",exempt,,2,,,no',
      'BRK-3,Beslag,Bracket,pcs,10.07,25%,,,,,',
      'BRK-4,Skrue,Screw,pcs,0.01,25,,,,,',
    ].join('\n');
    const dry = await dryRun(csv);
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body.source).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.columns.filter((c: { incl_vat: boolean }) => c.incl_vat).map((c: { column: string }) => c.column)).toEqual(['Price incl. VAT', 'Price from 50 incl. VAT']);
    expect(dry.body.notes.map((n: { en: string }) => n.en).join(' ')).toMatch(/"Price incl\. VAT", "Price from 50 incl\. VAT" include VAT and were converted to excluding VAT: divided by 1\.25/);
    expect(dry.body.create.map((c: Record<string, unknown>) => [c.sku, c.unit, c.unit_price_ore, c.vat_class, c.breaks, c.min_quantity, c.public, c.synonyms, c.name])).toEqual([
      ['GUT-1', 'm', 45000, 'standard', [{ min_quantity: 50, unit_price_ore: 80000 }], null, true, ['gutter', 'eaves trough'], { da: 'Tagrende', en: 'Gutter' }],
      // Exempt: no VAT in the price to take out.
      ['SRV-2', 'time', 125001, 'exempt', [], 2, false, [], { da: 'Servicebesøg', en: 'Service visit' }],
      ['BRK-3', 'stk', 806, 'standard', [], null, true, [], { da: 'Beslag', en: 'Bracket' }],
      ['BRK-4', 'stk', 1, 'standard', [], null, true, [], { da: 'Skrue', en: 'Screw' }],
    ]);
    expect((await apply(dry.body.id)).body).toMatchObject({ created: 4 });
    expect((await items()).map((i) => [i.sku, i.unit_price_ore])).toEqual([['BRK-3', 806], ['BRK-4', 1], ['GUT-1', 45000], ['SRV-2', 125001]]);
  });

  it('reads an XLSX workbook built with exceljs: its first sheet, numbers, dates, shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Priser');
    sheet.addRow(['Prisliste']);
    sheet.addRow(['Varenr.', 'Navn', 'Enhed', 'Pris', 'Moms', 'Gyldig fra', 'Offentlig', 'Pris fra 10', 'Synonymer']);
    sheet.addRow(['X-1', 'Skrue, rustfri', 'pakke', 89.95, 25, new Date(Date.UTC(2027, 1, 1)), 'Ja', 80, 'skruer']);
    sheet.addRow(['X-2', 'Stillads, leje', 'uge', 1250.5, 0, null, 'nej', null, null]);
    sheet.addRow([1003, 'Kran', 'dag', 4500, 25, null, null, null, null]);
    sheet.addRow(['X-4', 'Forkert', 'rulle', 'ca. 400', 25, null, null, null, null]);
    sheet.getCell('F3').numFmt = 'dd-mm-yyyy';
    workbook.addWorksheet('Noter').addRow(['Varenr.', 'Navn', 'Pris']);
    workbook.getWorksheet('Noter')!.addRow(['NOT-1', 'Ikke med', 1]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const dry = await dryRun(bytes, { type: XLSX_TYPE, query: '?name=priser.xlsx' });
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({ name: 'priser.xlsx', source: { format: 'xlsx', sheet: 'Priser' }, header_line: 2, rows: 4 });
    expect(dry.body.create.map((c: Record<string, unknown>) => [c.line, c.sku, c.unit, c.unit_price_ore, c.vat_class, c.valid_from, c.public, c.breaks, c.synonyms])).toEqual([
      [3, 'X-1', 'pakke', 8995, 'standard', '2027-02-01', true, [{ min_quantity: 10, unit_price_ore: 8000 }], ['skruer']],
      [4, 'X-2', 'uge', 125050, 'exempt', null, false, [], []],
      [5, '1003', 'dag', 450000, 'standard', null, true, [], []],
    ]);
    expect(dry.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([[6, 'Enhed'], [6, 'Pris']]);
  });

  it('gives line-level errors on the lines of the file: missing price, bad unit, "ca. 400", a SKU twice, a bad date', async () => {
    const csv = [
      'Varenr;Navn;Enhed;Pris;Gyldig fra', // 1
      'A-1;"Rende', // 2
      'med ny linje";m;100;', // 3
      'A-2;Uden pris;stk;;', // 4
      '', // 5
      'A-3;Fod;fod;100;', // 6
      'A-4;Cirka;stk;ca. 400;', // 7
      'a-1;Igen;stk;100;', // 8
      'A-5;Dato;stk;100;31-02-2027', // 9
      'Tagrender og nedløb', // 10
      'A-6;God;stk;100,00;', // 11
      'A 7;Mellemrum;stk;100;', // 12
    ].join('\n');
    const dry = await dryRun(csv);
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body.errors.map((e: { line: number; column: string | null }) => [e.line, e.column])).toEqual([
      [4, 'Pris'], [6, 'Enhed'], [7, 'Pris'], [8, 'Varenr'], [9, 'Gyldig fra'], [12, 'Varenr'],
    ]);
    const [missing, unit, approx, twice, date, space] = dry.body.errors.map((e: { message: { da: string; en: string } }) => e.message);
    expect(missing).toEqual({ da: 'Prisen mangler', en: 'The price is missing' });
    expect(unit.da).toMatch(/^»fod« er ikke en enhed/);
    expect(approx.en).toBe('"ca. 400" is not an exact price (write e.g. 1,250.50)');
    expect(twice).toEqual({ da: 'Varenummeret a-1 står allerede på linje 2', en: 'The SKU a-1 is already on line 2' });
    expect(date.en).toMatch(/^"31-02-2027" is not a date/);
    expect(space.en).toMatch(/letters, digits and/);
    expect(dry.body.headings).toEqual([10]);
    expect(dry.body.rows).toBe(8);
    expect(dry.body.create.map((c: { line: number; sku: string; name: { da: string } }) => [c.line, c.sku, c.name.da])).toEqual([[2, 'A-1', 'Rende med ny linje'], [11, 'A-6', 'God']]);

    // Not applied with errors, unless the good rows are asked for.
    const refused = await apply(dry.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toEqual({ path: 'line 4, Pris', message: 'The price is missing' });
    expect(await items()).toEqual([]);
    const good = await apply(dry.body.id, '?skip_errors=true');
    expect(good.body).toMatchObject({ created: 2, skipped_rows: 6 });
    expect((await items()).map((i) => i.sku)).toEqual(['A-1', 'A-6']);
  });

  it('diffs against the live list (create, update with each field’s change, unchanged), applies once, and not after the list changed', async () => {
    const create = (body: Record<string, unknown>) => host.request('POST', '/api/pricing/items', { body: { unit: 'stk', ...body } });
    const tr1 = (await create({ sku: 'TR-1', name: { da: 'Tagrende', en: 'Gutter' }, unit: 'm', unit_price_ore: 45000, synonyms: ['rende'] })).body;
    const tr2 = (await create({ sku: 'TR-2', name: { da: 'Nedløb', en: 'Downpipe' }, unit_price_ore: 10000 })).body;
    const tr3 = (await create({ sku: 'TR-3', name: { da: 'Gammel', en: 'Old' }, unit_price_ore: 500 })).body;
    const csv = 'Varenr;Navn;Enhed;Pris;Synonymer\ntr-1;Tagrende;m;460,00;rende, gutter\nTR-2;Nedløb;stk;100,00;\nTR-4;Ny vare;stk;50;\n';

    const merge = await dryRun(csv);
    expect(merge.status, JSON.stringify(merge.body)).toBe(201);
    expect(merge.body).toMatchObject({
      rows: 3, unchanged: 1, archive: [], errors: [],
      update: [{ line: 2, id: tr1.id, sku: 'TR-1', changes: { unit_price_ore: { from: 45000, to: 46000 }, synonyms: { from: ['rende'], to: ['rende', 'gutter'] } } }],
      create: [{ line: 4, sku: 'TR-4', name: { da: 'Ny vare', en: 'Ny vare' }, unit_price_ore: 5000 }],
    });
    expect(Object.keys(merge.body.update[0].changes)).toEqual(['synonyms', 'unit_price_ore']);

    // The list changes after the dry run: apply refuses, and changes nothing.
    await host.request('PATCH', `/api/pricing/items/${tr2.id}`, { body: { unit_price_ore: 11000 } });
    const stale = await apply(merge.body.id);
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/changed since the dry run/);
    expect((await items()).map((i) => [i.sku, i.unit_price_ore])).toEqual([['TR-1', 45000], ['TR-2', 11000], ['TR-3', 500]]);

    // mode=replace also archives what the file doesn't name.
    const replace = await dryRun(csv, { query: '?mode=replace' });
    expect(replace.body).toMatchObject({ mode: 'replace', unchanged: 0, archive: [{ id: tr3.id, sku: 'TR-3', name: { da: 'Gammel', en: 'Old' } }] });
    expect(replace.body.update.map((u: { sku: string; changes: object }) => [u.sku, Object.keys(u.changes)])).toEqual([['TR-1', ['synonyms', 'unit_price_ore']], ['TR-2', ['unit_price_ore']]]);
    const applied = await apply(replace.body.id);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ created: 1, updated: 2, archived: 1, unchanged: 0, skipped_rows: 0 });
    expect((await items()).map(strip)).toEqual([
      { sku: 'TR-1', name: { da: 'Tagrende', en: 'Gutter' }, synonyms: ['rende', 'gutter'], unit: 'm', unit_price_ore: 46000, vat_class: 'standard', breaks: [], min_quantity: null, add_ons: [], valid_from: null, valid_to: null, public: true },
      { sku: 'TR-2', name: { da: 'Nedløb', en: 'Downpipe' }, synonyms: [], unit: 'stk', unit_price_ore: 10000, vat_class: 'standard', breaks: [], min_quantity: null, add_ons: [], valid_from: null, valid_to: null, public: true },
      { sku: 'TR-4', name: { da: 'Ny vare', en: 'Ny vare' }, synonyms: [], unit: 'stk', unit_price_ore: 5000, vat_class: 'standard', breaks: [], min_quantity: null, add_ons: [], valid_from: null, valid_to: null, public: true },
    ]);
    expect((await host.request('GET', `/api/pricing/items/${tr3.id}`)).body.archived_at).toEqual(expect.any(String));

    // Applied once only.
    const again = await apply(replace.body.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/applied already/);
    // The same file again: nothing to do.
    expect((await dryRun(csv, { query: '?mode=replace' })).body).toMatchObject({ create: [], update: [], unchanged: 3, archive: [] });
  });

  it('refuses what is no price list, with a problem answer', async () => {
    const noHeader = await dryRun('bare,noget\ntekst,her\n');
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.detail).toMatch(/No header row/);
    expect(noHeader.body.text.da).toMatch(/ingen overskriftsrække/);
    expect((await dryRun('')).status).toBe(422);
    const xls = await dryRun(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), { type: XLSX_TYPE });
    expect(xls.status).toBe(422);
    expect(xls.body.detail).toMatch(/old Excel format/);
    expect((await dryRun('Varenr;Navn;Pris\n"A-1;Rende;100\n')).body.detail).toBe('A quoted field on line 2 is never closed');
    expect((await apply('019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47')).status).toBe(404);
  });

  it('shows a key restricted to a customer nothing: 404 for the dry run and for apply', async () => {
    const dry = await dryRun('Varenr;Navn;Pris\nA-1;Rende;100\n');
    const key = await host.key(['crm:read', 'crm:write'], [customer]);
    expect((await dryRun('Varenr;Navn;Pris\nA-2;Rør;100\n', { token: key })).status).toBe(404);
    expect((await host.request('POST', `/api/pricing/import/${dry.body.id}/apply`, { token: key })).status).toBe(404);
    expect(await items()).toEqual([]);
    // It was left as it was: the admin can still apply it.
    expect((await apply(dry.body.id)).body).toMatchObject({ created: 1 });
  });

  it('declares its routes in /openapi.json', async () => {
    const doc = (await (await host.fetch('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string; requestBody?: { content: object } }>> };
    expect(doc.paths['/api/pricing/import']?.post?.operationId).toBe('pricingImportDryRun');
    expect(Object.keys(doc.paths['/api/pricing/import']!.post!.requestBody!.content)).toEqual(expect.arrayContaining(['text/csv', XLSX_TYPE]));
    expect(doc.paths['/api/pricing/import/{id}/apply']?.post?.operationId).toBe('pricingApplyImport');
  });
});
