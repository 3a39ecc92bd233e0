/**
 * Office files made in code for the documents tests and benchmark: a DOCX with a table, an XLSX
 * with several sheets, and a zip bomb named like a DOCX.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';

/**
 * A DOCX with an optional title (core properties and a first heading), paragraphs and a table
 * whose first row is the header.
 *
 * @example
 * const bytes = await docxWithTable({ title: 'Tilbud', paragraphs: ['Vi tilbyder …'], table: [['Vare', 'Pris'], ['Tagrenovering', '125.000 kr.']] });
 */
export async function docxWithTable(options: { title?: string; paragraphs: string[]; table?: string[][] }): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  if (options.title) children.push(new Paragraph({ text: options.title, heading: HeadingLevel.HEADING_1 }));
  for (const text of options.paragraphs) children.push(new Paragraph({ text }));
  if (options.table && options.table.length > 0) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: options.table.map(
          (row, r) => new TableRow({ tableHeader: r === 0, children: row.map((text) => new TableCell({ children: [new Paragraph({ text })] })) }),
        ),
      }),
    );
  }
  const doc = new Document({ ...(options.title ? { title: options.title } : {}), creator: 'open-crm tests', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * An XLSX with one sheet per key; `Date` values are written as date-formatted cells (as Excel
 * does), `null` leaves a cell empty.
 *
 * @example
 * const bytes = await xlsxFile({ Priser: [['Vare', 'Pris', 'Dato'], ['Tag', 1250.5, new Date('2024-03-01')]] });
 */
export async function xlsxFile(sheets: Record<string, (string | number | Date | null)[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function localHeader(name: Buffer, method: number, compressed: number, declared: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(method, 8);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(declared, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(name: Buffer, method: number, compressed: number, declared: number, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(method, 10);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(declared, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/**
 * A zip named like a DOCX (`[Content_Types].xml` and `word/document.xml`) whose document
 * inflates to about 1.1 GB of zeros from about 1.1 MB. Built cheaply: one deflated megabyte of
 * zeros, compressed against a window of zeros, is a block that can be repeated as often as
 * wanted. `declaredSize` makes the central directory lie about the unpacked size (a bomb that
 * only inflating can catch). The CRC is not computed (a reader stops long before checking it).
 *
 * @example
 * const bomb = zipBomb(); // ~1.1 MB, declares 1_153_466_368 bytes
 * const liar = zipBomb({ declaredSize: 10_000 });
 */
export function zipBomb(options: { declaredSize?: number; megabytes?: number } = {}): Uint8Array {
  const megabytes = options.megabytes ?? 1100;
  const window = Buffer.alloc(32 * 1024);
  const first = deflateRawSync(window, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, dictionary: window, finishFlush: constants.Z_SYNC_FLUSH });
  // A final, empty block with fixed codes ends the stream.
  const data = Buffer.concat([first, ...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
  const realSize = window.length + megabytes * 1024 * 1024;
  const declared = options.declaredSize ?? realSize;

  const types = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  const typesName = Buffer.from('[Content_Types].xml');
  const docName = Buffer.from('word/document.xml');
  const part1 = localHeader(typesName, 0, types.length, types.length);
  const part2 = localHeader(docName, 8, data.length, declared);
  const docOffset = part1.length + types.length;
  const cdOffset = docOffset + part2.length + data.length;
  const central = Buffer.concat([centralHeader(typesName, 0, types.length, types.length, 0), centralHeader(docName, 8, data.length, declared, docOffset)]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([part1, types, part2, data, central, end]));
}
