import { describe, expect, it } from 'vitest';
import { embedInlineImages } from './inline.ts';
import { parseMessage } from './mime.ts';
import { rawMessage } from './testing.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('inline images', () => {
  it('shows a cid: logo from its inline part as a data: URL, also one too small to be an attachment', async () => {
    const raw = rawMessage({
      from: 'mette@jensens-vvs.dk', to: 'kontor@tagfirma.dk', subject: 'Med logo',
      html: '<p>Hej</p><img src="cid:logo@jensens" alt="Jensens VVS">', attachments: [{ name: 'logo.png', contentType: 'image/png', content: PNG, contentId: 'logo@jensens' }],
    });
    const m = await parseMessage(raw);
    expect(m.html).toContain(`src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(m.html).toContain('alt="Jensens VVS"');
    expect(m.attachments).toEqual([]); // a logo, not a document
  });

  it('leaves what it must not or cannot embed as cid:: SVG, unknown ids, images over the limits', () => {
    const svg = { contentId: 'x', contentType: 'image/svg+xml', content: Buffer.from('<svg onload="alert(1)"/>') };
    expect(embedInlineImages('<img src="cid:x">', [svg])).toBe('<img src="cid:x">');
    expect(embedInlineImages('<img src="cid:nobody">', [{ contentId: 'x', contentType: 'image/png', content: PNG }])).toBe('<img src="cid:nobody">');
    const big = { contentId: 'big', contentType: 'image/jpeg', content: Buffer.alloc(600 * 1024) };
    expect(embedInlineImages('<img src="cid:big">', [big])).toBe('<img src="cid:big">');
    const parts = Array.from({ length: 6 }, (_, i) => ({ contentId: `p${i}`, contentType: 'image/jpeg', content: Buffer.alloc(500 * 1024) }));
    const html = embedInlineImages(parts.map((p) => `<img src="cid:${p.contentId}">`).join(''), parts);
    expect((html.match(/data:image\/jpeg/g) ?? []).length).toBe(4); // 2 MB in all
  });
});
