import { describe, expect, it } from 'vitest';
import { detectType, sniffText } from './detect.ts';

const enc = (text: string) => new TextEncoder().encode(text);
const detect = (bytes: Uint8Array, name: string) => detectType(new Blob([bytes as BlobPart]).stream(), name, bytes.subarray(0, 4100));

describe('the type of a file, from its bytes', () => {
  it('tells the text formats apart', () => {
    expect(sniffText(enc('<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">'), 'f.xml')?.type).toBe('ubl');
    expect(sniffText(enc('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2">'), 'k')?.type).toBe('ubl');
    expect(sniffText(enc('<!DOCTYPE html><html><body>Hej</body></html>'), 'x')?.type).toBe('html');
    expect(sniffText(enc('From: a@b.dk\r\nTo: c@d.dk\r\nSubject: Tilbud\r\nDate: Tue, 1 Dec 2026 10:00:00 +0100\r\n\r\nHej'), 'mail')?.type).toBe('eml');
    expect(sniffText(enc('Navn;By;Postnr\nSøren;Århus;8000\nÅse;Præstø;4720\n'), 'kunder')?.type).toBe('csv');
    expect(sniffText(enc('# Prisliste\n\nAlle priser inkl. moms.'), 'x')?.type).toBe('markdown');
    expect(sniffText(enc('Kære Mette\n\nTak for i går.'), 'brev.txt')?.type).toBe('text');
    expect(sniffText(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x65, 0x00, 0x6a, 0x00]), 'u16.txt')?.type).toBe('text');
    expect(sniffText(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x00]), 'x.bin')).toBeUndefined();
    expect(sniffText(enc('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg')).toBeUndefined();
  });

  it('refuses programs, archives and names that say another type', async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a]);
    expect(await detect(exe, 'faktura.pdf')).toMatchObject({ code: 'unsupported' });
    expect(await detect(enc('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'faktura.pdf')).toMatchObject({ type: 'pdf', mime: 'application/pdf' });
    const pdf = enc('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    expect(await detect(pdf, 'tilbud.docx')).toMatchObject({ code: 'mismatch', reason: 'The name says .docx, but the file is a PDF' });
    expect(await detect(enc('Navn;By\nSøren;Århus\nÅse;Præstø\n'), 'kunder.xlsx')).toMatchObject({ code: 'mismatch' });
    expect(await detect(enc('Almindelig tekst uden navn'), 'noter')).toMatchObject({ type: 'text' });
  });
});
