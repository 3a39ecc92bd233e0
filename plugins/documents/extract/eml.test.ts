import { describe, expect, it } from 'vitest';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { emlWithAttachment } from '../testing/text.ts';
import { extractEml } from './eml.ts';
import type { ExtractOptions } from './types.ts';

const options: ExtractOptions = { name: 'tilbud.eml', maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } };

function compose(mail: ConstructorParameters<typeof MailComposer>[0]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => new MailComposer(mail).compile().build((e, m) => (e ? reject(e) : resolve(new Uint8Array(m)))));
}

describe('extractEml', () => {
  it('gives the body under a header block, the subject as title, and the attachment bytes intact', async () => {
    const pdf = new Uint8Array(20_000).map((_, i) => (i * 7919) % 256);
    pdf.set(new TextEncoder().encode('%PDF-1.7'));
    const bytes = await emlWithAttachment({
      from: 'Jens Hansen <jens@hansen-byg.dk>',
      to: 'Salg <salg@nordlys-tag.dk>',
      cc: 'bogholderi@hansen-byg.dk',
      subject: 'Tilbud på tagrenovering – Vestervej 4',
      text: 'Hej Nordlys,\n\nSe vedhæftede tilbud. Vi ønsker levering i uge 12.\n\nMvh Jens',
      attachment: { name: 'tilbud-T88.pdf', bytes: pdf, contentType: 'application/pdf' },
    });
    const result = await extractEml(bytes, options);
    expect(result.title).toBe('Tilbud på tagrenovering – Vestervej 4');
    const text = result.sections[0]!.text;
    expect(text.split('\n').slice(0, 5)).toEqual([
      'From: "Jens Hansen" <jens@hansen-byg.dk>',
      'To: "Salg" <salg@nordlys-tag.dk>',
      'Cc: bogholderi@hansen-byg.dk',
      'Date: 2024-03-05T09:30:00.000Z',
      'Subject: Tilbud på tagrenovering – Vestervej 4',
    ]);
    expect(text).toContain('Se vedhæftede tilbud. Vi ønsker levering i uge 12.');
    expect(result.meta).toMatchObject({ from: '"Jens Hansen" <jens@hansen-byg.dk>', to: '"Salg" <salg@nordlys-tag.dk>', date: '2024-03-05T09:30:00.000Z', messageId: '<tilbud-4711@kunde.dk>' });
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments!;
    expect(attachment!.name).toBe('tilbud-T88.pdf');
    expect(attachment!.contentType).toBe('application/pdf');
    expect(Buffer.from(attachment!.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('reads an HTML-only email with its table, and leaves out a small inline logo', async () => {
    const logo = new Uint8Array(600).fill(7);
    const bytes = await compose({
      from: 'shop@leverandor.dk',
      to: 'indkob@nordlys-tag.dk',
      subject: 'Ordrebekræftelse 5521',
      html: '<p>Tak for din ordre.</p><table><tr><th>Vare</th><th>Antal</th></tr><tr><td>Tagsten</td><td>1200</td></tr></table><img src="cid:logo@x">',
      attachments: [
        { filename: 'logo.png', content: Buffer.from(logo), contentType: 'image/png', cid: 'logo@x' },
        { filename: 'betingelser.txt', content: 'Levering 5 dage', contentType: 'text/plain' },
      ],
    });
    const result = await extractEml(bytes, options);
    const text = result.sections[0]!.text;
    expect(text).toContain('Tak for din ordre.');
    expect(text).toContain('| Tagsten | 1200 |');
    expect(result.attachments!.map((a) => a.name)).toEqual(['betingelser.txt']);
    expect(new TextDecoder().decode(result.attachments![0]!.bytes)).toBe('Levering 5 dage');
  });

  it('keeps at most 50 attachments and counts the rest', async () => {
    const bytes = await compose({
      from: 'a@b.dk',
      to: 'c@d.dk',
      subject: 'Mange filer',
      text: 'Her er de.',
      attachments: Array.from({ length: 53 }, (_, i) => ({ filename: `fil-${i + 1}.txt`, content: `indhold ${i + 1}` })),
    });
    const result = await extractEml(bytes, options);
    expect(result.attachments).toHaveLength(50);
    expect(result.attachments![49]!.name).toBe('fil-50.txt');
    expect(result.meta!.attachmentsSkipped).toBe(3);
  });
});
