import { describe, expect, it } from 'vitest';
import { decodeText, windows1252Byte } from './encoding.ts';
import { extractMarkdown, markdownTitle } from './markdown.ts';
import { extractText, markdownTable, splitParts } from './text.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';

const options = (name = 'noter.txt'): ExtractOptions => ({ name, maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } });
const danish = 'Blåbærgrød og rødkål\r\nÆble – “citat” €5\r\n';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array([...(bom ? mark : []), ...le]);
}

describe('decodeText', () => {
  it('reads UTF-16 with and without a byte-order mark', () => {
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        expect(decodeText(utf16(danish, endian, bom))).toEqual({ text: 'Blåbærgrød og rødkål\nÆble – “citat” €5\n', encoding: `utf-16${endian}` });
      }
    }
  });

  it('tells UTF-8 from Windows-1252, including the bytes where Windows-1252 differs from Latin-1', () => {
    expect(decodeText(new TextEncoder().encode(danish))).toEqual({ text: 'Blåbærgrød og rødkål\nÆble – “citat” €5\n', encoding: 'utf-8' });
    const cp1252 = Uint8Array.from([...danish], (c) => windows1252Byte(c)!);
    expect(cp1252).toContain(0x80);
    expect(decodeText(cp1252)).toEqual({ text: 'Blåbærgrød og rødkål\nÆble – “citat” €5\n', encoding: 'windows-1252' });
  });

  it('composes decomposed letters (NFC), strips NULs and old Mac line ends', () => {
    expect(decodeText(new TextEncoder().encode('Sa\u030ang\u0000\rny')).text).toBe('Sång\nny');
  });
});

describe('splitParts and markdownTable', () => {
  it('splits at paragraph boundaries and cuts an overlong paragraph at a line end or space', () => {
    expect(splitParts('aaa\n\nbbb\n\nccc', 8)).toEqual(['aaa\n\nbbb', 'ccc']);
    const long = Array.from({ length: 50 }, (_, i) => `ord${i}`).join(' ');
    const parts = splitParts(long, 40);
    expect(parts.every((p) => p.length <= 40)).toBe(true);
    expect(parts.join(' ')).toBe(long);
  });

  it('pads short rows and escapes pipes', () => {
    expect(markdownTable([['a', 'b'], ['x|y']])).toBe('| a | b |\n| --- | --- |\n| x\\|y |  |');
    // A letterhead above the table is text, and the table's own first row is its header.
    expect(markdownTable([['Nordlys IT', ''], ['Prisliste 2027'], ['Varenr.', 'Pris'], ['6703', '860,89']])).toBe('Nordlys IT\n\nPrisliste 2027\n\n| Varenr. | Pris |\n| --- | --- |\n| 6703 | 860,89 |');
  });
});

describe('extractText', () => {
  it('gives one part for a short UTF-16 file and several for a long one', async () => {
    const short = await extractText(utf16('Mødereferat\n\nVi aftalte levering i uge 12.', 'le', true), options());
    expect(short.meta).toEqual({ encoding: 'utf-16le' });
    expect(short.sections).toEqual([{ anchor: 'part=1', label: { da: 'del 1', en: 'part 1' }, text: 'Mødereferat\n\nVi aftalte levering i uge 12.', format: 'text' }]);
    const long = await extractText(new TextEncoder().encode(Array.from({ length: 1000 }, (_, i) => `Linje ${i}: ${'x'.repeat(60)}`).join('\n\n')), options());
    expect(long.sections.length).toBe(4);
    expect(long.sections[3]).toMatchObject({ anchor: 'part=4', label: { da: 'del 4', en: 'part 4' } });
    expect(long.sections[3]!.text).toContain('Linje 999:');
  });

  it('refuses a file of whitespace as empty', async () => {
    const error = await extractText(new TextEncoder().encode(' \n\n\t \n'), options()).catch((e: unknown) => e);
    expect((error as ExtractionError).code).toBe('empty');
  });
});

describe('extractMarkdown', () => {
  it('takes the title from front matter, the first heading or the first line', async () => {
    expect(markdownTitle('---\ntitle: "Prisliste 2024"\n---\n# Priser')).toBe('Prisliste 2024');
    expect(markdownTitle('Intro\n\n## Leveringsbetingelser\n')).toBe('Leveringsbetingelser');
    expect(markdownTitle('Kravspecifikation\n=================\n\ntekst')).toBe('Kravspecifikation');
    expect(markdownTitle('bare tekst\nmere')).toBe('bare tekst');
    const result = await extractMarkdown(new TextEncoder().encode('# Tilbud\n\n| Vare | Pris |\n| --- | --- |\n| Tag | 100 |\n'), options('tilbud.md'));
    expect(result.title).toBe('Tilbud');
    expect(result.sections[0]).toMatchObject({ anchor: 'part=1', format: 'markdown', text: '# Tilbud\n\n| Vare | Pris |\n| --- | --- |\n| Tag | 100 |' });
  });
});
