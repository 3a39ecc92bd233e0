import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { xlsxFile, zipBomb } from '../testing/office.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';
import { extractXlsx, type SheetInfo } from './xlsx.ts';
import { extractionFailure } from '../testing/failure.ts';

const options = (name = 'priser.xlsx'): ExtractOptions => ({ name, maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } });

/** A workbook written by hand the way other producers do: inline strings, rich text, booleans, no `r` on cells, the 1904 date system. */
function handMadeXlsx(workbookPart = 'xl/workbook.xml'): Uint8Array {
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const file = workbookPart.slice(folder.length);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/${workbookPart}"/></Relationships>`),
    [workbookPart]: strToU8(`<?xml version="1.0"?><x:workbook ${ns.replace('xmlns=', 'xmlns:x=')}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Tilbud &amp; ordre" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`),
    [`${folder}_rels/${file}.rels`]: strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../shared/strings.xml"/></Relationships>',
    ),
    [`${folder}styles.xml`]: strToU8(`<?xml version="1.0"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>`),
    'shared/strings.xml': strToU8(`<?xml version="1.0"?><sst ${ns}><si><r><rPr><b/></rPr><t>Fed</t></r><r><t xml:space="preserve"> og tynd</t></r></si><si><t>Beløb</t></si></sst>`),
    [`${folder}worksheets/data.xml`]: strToU8(
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>` +
        '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>Godkendt</t></is></c><c><v>x</v></c></row>' +
        '<row><c t="inlineStr"><is><r><t>Rich </t></r><r><t>inline</t></r></is></c><c><v>1234.5</v></c><c t="b"><v>1</v></c><c s="1"><v>0.5</v></c></row>' +
        '<row r="4"><c r="B4" s="2"><v>0.25</v></c><c r="D4" t="str"><f>A1</f><v>formel</v></c></row>' +
        '</sheetData></worksheet>',
    ),
  });
}

describe('extractXlsx', () => {
  it('gives one Markdown section per non-empty sheet, with numbers and dates', async () => {
    const bytes = await xlsxFile({
      Priser: [
        ['Vare', 'Pris', 'Leveret', 'Bemærkning'],
        ['Tagsten rød', 18.5, new Date('2024-03-01T00:00:00Z'), 'på lager'],
        ['Tagrende', 0.1 + 0.2, null, 'æøå ÆØÅ'],
        [],
        ['Arbejdsløn', 450, new Date('2024-12-24T00:00:00Z'), null],
      ],
      Tom: [],
      Kunder: [[null, null, 'Navn', 'CVR'], [null, null, 'Nordlys Tag ApS', 12345678]],
    });
    const result = await extractXlsx(bytes, options());
    expect(result.sections.map((s) => s.anchor)).toEqual(['sheet=Priser', 'sheet=Kunder']);
    const [priser, kunder] = result.sections;
    expect(priser).toMatchObject({ sheet: 'Priser', label: { da: 'ark Priser', en: 'sheet Priser' }, format: 'markdown' });
    expect(priser!.text.split('\n')).toEqual([
      '| Vare | Pris | Leveret | Bemærkning |',
      '| --- | --- | --- | --- |',
      '| Tagsten rød | 18.5 | 2024-03-01 | på lager |',
      '| Tagrende | 0.3 |  | æøå ÆØÅ |',
      '| Arbejdsløn | 450 | 2024-12-24 |  |',
    ]);
    // Data starting in column C loses the empty columns A and B.
    expect(kunder!.text).toBe('| Navn | CVR |\n| --- | --- |\n| Nordlys Tag ApS | 12345678 |');
    const sheets = result.meta!.sheets as SheetInfo[];
    expect(result.meta!.sheetCount).toBe(3);
    expect(sheets[0]).toMatchObject({ name: 'Priser', rows: 4, columns: 4, rowNumbers: [1, 2, 3, 5] });
  });

  it.each(['xl/workbook.xml', 'excel/book.xml'])('reads rich text, inline strings, booleans, formulas, percent, custom date formats and the 1904 system (workbook at %s)', async (part) => {
    const result = await extractXlsx(handMadeXlsx(part), options());
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]!.anchor).toBe('sheet=Tilbud & ordre');
    expect(result.sections[0]!.text.split('\n')).toEqual([
      '| Fed og tynd | Beløb | Godkendt | x |',
      '| --- | --- | --- | --- |',
      '| Rich inline | 1234.5 | TRUE | 1904-01-01T12:00:00 |',
      '|  | 25% |  | formel |',
    ]);
    expect((result.meta!.sheets as SheetInfo[])[0]!.rowNumbers).toEqual([1, 2, 4]);
  });

  it('caps the rows of a large sheet and says so', async () => {
    const rows = [['Nr', 'Tekst'], ...Array.from({ length: 10_050 }, (_, i) => [i + 1, `række ${i + 1}`])];
    const result = await extractXlsx(await xlsxFile({ Stor: rows }), options());
    const info = (result.meta!.sheets as SheetInfo[])[0]!;
    expect(info.truncatedRows).toBe(51);
    expect(info.rowNumbers).toHaveLength(10_000);
    expect(result.sections[0]!.text).toContain('| 9999 | række 9999 |');
    expect(result.sections[0]!.text).not.toContain('række 10000 ');
  });

  it('refuses encrypted, corrupt and bomb workbooks with their codes', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 600);
    expect((await extractionFailure(extractXlsx(ole, options()))).code).toBe('encrypted');
    const good = await xlsxFile({ A: [['x']] });
    expect((await extractionFailure(extractXlsx(good.subarray(0, 3000), options()))).code).toBe('corrupt');
    expect((await extractionFailure(extractXlsx(zipBomb(), options('bomb.xlsx')))).code).toBe('zip_bomb');
    expect((await extractionFailure(extractXlsx(await xlsxFile({ Tom: [] }), options()))).code).toBe('empty');
  });
});
