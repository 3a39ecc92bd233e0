/**
 * Price list import, pure: a CSV or XLSX file's bytes → its table ({@link readPriceList}) → the
 * items its rows give and their line-level errors ({@link parseTable}) → the dry run against the
 * live list and the plan that applies it ({@link diffImport}). Nothing here reads or writes the
 * database; routes/import.ts does, and applies the plan in one transaction.
 *
 * @example
 * const file = readPriceList(bytes);
 * const parsed = parseTable(file.rows);
 * const { diff, plan } = diffImport(parsed, liveItems, 'merge');
 */
import { CsvError, readCsv } from './csv.ts';
import { decodeText, type Encoding } from './decode.ts';
import { ImportFileError, MAX_ROWS, type TableRow } from './rows.ts';
import { isCompoundFile, isZip, readFirstSheet, XlsxError } from './xlsx.ts';

export { diffImport, priceListDigest, type ImportDiff, type ImportMode, type ImportPlan, type ItemData } from './diff.ts';
export { ImportFileError, MAX_ROWS, parseTable, type LineError, type ParsedTable } from './rows.ts';
export type { Text } from './values.ts';

/** How the file was read, for the dry run to show. */
export type FileSource =
  | { format: 'csv'; encoding: Encoding; delimiter: ';' | ',' | '\t' }
  | { format: 'xlsx'; sheet: string };

const XLSX_MESSAGES: Record<XlsxError['reason'], { da: string; en: string }> = {
  not_xlsx: { da: 'Filen er hverken en CSV-fil eller et Excel-ark (.xlsx)', en: 'The file is neither a CSV file nor an Excel workbook (.xlsx)' },
  old_format: { da: 'Filen er i det gamle Excel-format (.xls); gem den som .xlsx eller CSV og prøv igen', en: 'The file is in the old Excel format (.xls); save it as .xlsx or CSV and try again' },
  encrypted: { da: 'Excel-arket er beskyttet med adgangskode; gem det uden og prøv igen', en: 'The workbook is password-protected; save it without a password and try again' },
  too_large: { da: `Excel-arket er for stort (højst ${MAX_ROWS} rækker)`, en: `The workbook is too large (${MAX_ROWS} rows at most)` },
  corrupt: { da: 'Excel-arket kan ikke læses; det kan være beskadiget', en: 'The workbook cannot be read; it may be damaged' },
};

/**
 * The rows of a price list file: an .xlsx (by its zip signature) as its first sheet, anything
 * else as CSV text. Throws {@link ImportFileError} for a file that is neither.
 *
 * @example
 * readPriceList(new TextEncoder().encode('Varenr;Navn;Pris\nA-1;Rende;450\n'));
 * // { source: { format: 'csv', encoding: 'utf-8', delimiter: ';' }, rows: [{ line: 1, cells: [...] }, { line: 2, cells: [...] }] }
 */
export function readPriceList(bytes: Uint8Array): { source: FileSource; rows: TableRow[] } {
  if (bytes.length === 0) throw new ImportFileError({ da: 'Filen er tom', en: 'The file is empty' });
  if (isZip(bytes) || isCompoundFile(bytes)) {
    try {
      const { sheet, rows } = readFirstSheet(bytes, { maxRows: MAX_ROWS + 20 });
      return { source: { format: 'xlsx', sheet }, rows };
    } catch (error) {
      if (error instanceof XlsxError) throw new ImportFileError(XLSX_MESSAGES[error.reason]);
      throw error;
    }
  }
  const decoded = decodeText(bytes);
  if (!decoded) throw new ImportFileError(XLSX_MESSAGES.not_xlsx);
  try {
    const { delimiter, records } = readCsv(decoded.text);
    if (records.length > MAX_ROWS + 20) throw new ImportFileError({ da: `Filen har mere end ${MAX_ROWS} rækker; del den op`, en: `The file has more than ${MAX_ROWS} rows; split it` });
    return { source: { format: 'csv', encoding: decoded.encoding, delimiter }, rows: records };
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportFileError({ da: `Et felt i anførselstegn på linje ${error.line} lukkes aldrig`, en: `A quoted field on line ${error.line} is never closed` }, error.line);
    }
    throw error;
  }
}
