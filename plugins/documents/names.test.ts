import { describe, expect, it } from 'vitest';
import { extensionOf, safeFileName } from './names.ts';

describe('file names', () => {
  it('keeps what the user wrote, without folders, control characters or disguising marks', () => {
    expect(safeFileName('Tilbud – tag, Århus (endelig).pdf')).toBe('Tilbud – tag, Århus (endelig).pdf');
    expect(safeFileName('C:\\Users\\mette\\Skrivebord\\faktura.pdf')).toBe('faktura.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('fdp\u202Eexe.pdf')).toBe('fdpexe.pdf'); // a right-to-left override would show "fdpfdp.exe"
    expect(safeFileName('a\u0000b\nc\td.txt')).toBe('ab c d.txt'); // NUL goes, a line break or tab is a space
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('   ')).toBe('dokument');
    expect(safeFileName(undefined)).toBe('dokument');
    expect(safeFileName('Cafe\u0301.pdf')).toBe('Café.pdf'); // NFC
  });

  it('shortens a very long name and keeps its extension', () => {
    const long = `${'ø'.repeat(300)}.docx`;
    const safe = safeFileName(long);
    expect(safe.length).toBe(255);
    expect(safe.endsWith('.docx')).toBe(true);
    expect(extensionOf('Prisliste.XLSX')).toBe('xlsx');
    expect(extensionOf('README')).toBe('');
  });
});
