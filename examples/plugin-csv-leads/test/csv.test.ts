import { describe, expect, it } from 'vitest';
import { mapHeader } from '../src/columns.ts';
import { CsvError, detectDelimiter, parseCsv } from '../src/csv.ts';
import { decodeChunks } from '../src/decode.ts';
import { readLead } from '../src/row.ts';

const records = async (chunks: string[], delimiter = ',') => {
  const out: [number, string[]][] = [];
  for await (const r of parseCsv(chunks, delimiter)) out.push([r.line, r.fields]);
  return out;
};

describe('CSV reading', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, and numbers records by their first line', async () => {
    const text = 'a,b\r\n"x, y","say ""hej"""\r\n"two\nlines",z\n\nlast,1';
    expect(await records([text])).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hej"']],
      [3, ['two\nlines', 'z']],
      [6, ['last', '1']],
    ]);
  });

  it('gives the same records however the text is cut into chunks', async () => {
    const text = '\uFEFFFirma;E-mail\r\n"A ""B"" ApS";a@b.dk\r\nC;"c@d.dk"\r\n';
    const whole = await records([text], ';');
    for (let cut = 1; cut < text.length; cut++) expect(await records([text.slice(0, cut), text.slice(cut)], ';')).toEqual(whole);
    expect(whole[1]).toEqual([2, ['A "B" ApS', 'a@b.dk']]);
  });

  it('refuses a quote that is never closed, naming the line', async () => {
    await expect(records(['a,b\n1,"open\n2,3'])).rejects.toThrow(new CsvError(2, 'a quoted field is never closed'));
  });

  it('finds the delimiter and Danish or English headers', () => {
    expect(detectDelimiter('Firma;CVR;E-mail')).toBe(';');
    expect(detectDelimiter('Company,"Phone; mobile",Email')).toBe(',');
    expect(mapHeader(['Firma', 'CVR-nr.', 'E-mail', 'Tlf', 'Noter'])).toEqual({ columns: { company: 0, cvr: 1, email: 2, phone: 3 }, ignored: ['Noter'] });
    expect(mapHeader(['Company name', 'Website', 'Job title']).columns).toEqual({ company: 0, domain: 1, role: 2 });
  });

  it('decodes Windows-1252 files (Excel on Danish Windows) as well as UTF-8', () => {
    const latin = Uint8Array.from([0x46, 0xf8, 0x72, 0x73, 0x74, 0x65, 0x3b, 0xc6, 0x62, 0x6c, 0x65]); // "Første;Æble"
    expect([...decodeChunks(latin)].join('')).toBe('Første;Æble');
    expect([...decodeChunks(new TextEncoder().encode('Første;Æble'))].join('')).toBe('Første;Æble');
  });

  it('validates a row and says what is wrong in words', () => {
    const columns = { company: 0, cvr: 1, email: 2 };
    expect(readLead(['Jensens VVS', 'DK 25 31 37 63', 'mette@jensens-vvs.dk'], columns)).toMatchObject({
      ok: true, lead: { company: { name: 'Jensens VVS', cvr: '25313763' }, contact: { email: 'mette@jensens-vvs.dk' } },
    });
    expect(readLead(['X', '123', ''], columns)).toEqual({ ok: false, error: 'cvr must be 8 digits' });
    expect(readLead(['X', '', 'nope'], columns)).toEqual({ ok: false, error: 'email is not an email address' });
    expect(readLead(['', '', ''], columns)).toEqual({ ok: false, error: 'names no company: give a company name, CVR number, website or email' });
  });
});
