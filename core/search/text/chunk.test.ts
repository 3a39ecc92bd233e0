import { describe, expect, it } from 'vitest';
import { type Chunk, chunkText, estimateTokens, splitSentences } from './index.ts';

const DA = [
  'Vi er et lille tømrerfirma fra Roskilde med otte ansatte.',
  'Vi laver f.eks. tagrenovering, nye tagrender og udskiftning af vinduer.',
  'En ny tagrende koster ca. 450 kr. pr. meter inkl. montering.',
  'Prisen afhænger bl.a. af husets højde og adgangsforholdene.',
  'Vi giver altid et gratis og uforpligtende tilbud.',
  'Kontakt os på tlf. 12 34 56 78 eller skriv til os via formularen.',
];
const EN = [
  'We are a small carpentry business with eight employees.',
  'We do e.g. roof renovation, new gutters and window replacement.',
  'A new gutter costs approx. DKK 450 per metre including installation.',
  'The price depends on the height of the house and access to it.',
  'We always give a free quote without obligation.',
  'Call Mr. Jensen on 12 34 56 78 or write to us through the form.',
];

function paragraphs(count: number, sentences: string[]): string {
  return Array.from({ length: count }, (_, i) => [0, 1, 2, 3].map((j) => sentences[(i + j) % sentences.length]).join(' ')).join('\n\n');
}

/** Every chunk must start at the start of one of the document's sentences. */
function expectSentenceStarts(chunks: Chunk[], sentences: string[]): void {
  for (const chunk of chunks) expect(sentences.some((s) => chunk.content.startsWith(s))).toBe(true);
}

describe('chunkText', () => {
  it('gives no chunks for empty or blank input', () => {
    expect(chunkText({ text: '' })).toEqual([]);
    expect(chunkText({ text: ' \n\n\t \r\n ' })).toEqual([]);
    expect(chunkText({ text: '\u0000\u0007', format: 'markdown' })).toEqual([]);
  });

  it('keeps a short text whole, with its language and token estimate', () => {
    const [chunk, ...rest] = chunkText({ text: DA.join(' '), title: 'Om os' });
    expect(rest).toEqual([]);
    expect(chunk).toEqual({ ordinal: 0, content: DA.join(' '), headingPath: ['Om os'], lang: 'da', tokens: estimateTokens(DA.join(' ')) });
  });

  it('follows Markdown headings: path, anchors, one section per chunk', () => {
    const text = [
      '---',
      'title: ignored front matter',
      '---',
      '# Tømrer Hansen',
      '',
      'Velkommen til vores side.',
      '',
      '## Priser & levering',
      '',
      DA[2],
      '',
      '### Tagrender',
      '',
      '- Zink: 450 kr. pr. meter',
      '- Plast: 250 kr. pr. meter',
      '',
      '## Åbningstider',
      '## Priser & levering',
      '',
      'Levering sker inden for to uger.',
      '',
      'Contact',
      '-------',
      '',
      EN[5],
    ].join('\n');
    const chunks = chunkText({ text, title: 'Tømrer Hansen', format: 'markdown' });
    expect(chunks.map((c) => [c.headingPath, c.anchor, c.content])).toEqual([
      [['Tømrer Hansen'], 'tømrer-hansen', 'Velkommen til vores side.'],
      [['Tømrer Hansen', 'Priser & levering'], 'priser--levering', DA[2]],
      [['Tømrer Hansen', 'Priser & levering', 'Tagrender'], 'tagrender', '- Zink: 450 kr. pr. meter\n- Plast: 250 kr. pr. meter'],
      // A heading with nothing under it keeps its text as content.
      [['Tømrer Hansen', 'Åbningstider'], 'åbningstider', 'Åbningstider'],
      [['Tømrer Hansen', 'Priser & levering'], 'priser--levering-1', 'Levering sker inden for to uger.'],
      [['Tømrer Hansen', 'Contact'], 'contact', EN[5]],
    ]);
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chunks.map((c) => c.lang)).toEqual(['da', 'da', 'da', 'da', 'da', 'en']);
  });

  it('keeps code blocks and tables whole and strips inline Markdown', () => {
    const text = [
      '## Setup',
      '',
      'Run **this** in [the terminal](https://example.com):',
      '',
      '```sh',
      'npm install',
      '',
      'npm start',
      '```',
      '',
      '| Ydelse | Pris |',
      '|--------|------|',
      '| Tagrende | 450 kr. |',
    ].join('\n');
    const [chunk] = chunkText({ text, format: 'markdown' });
    expect(chunk!.content).toBe('Run this in the terminal:\n\n```sh\nnpm install\n\nnpm start\n```\n\n| Ydelse | Pris |\n| Tagrende | 450 kr. |');
  });

  it('treats plain text literally: no headings, but paragraphs and bullets', () => {
    const chunks = chunkText({ text: '# Not a heading\n\nHej Jens,\n\n• punkt et\n• punkt to\n\nMed venlig hilsen\nSøren', format: 'text' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.content).toBe('# Not a heading\n\nHej Jens,\n\n• punkt et\n• punkt to\n\nMed venlig hilsen Søren');
    expect(chunks[0]!.headingPath).toEqual([]);
    expect(chunks[0]!.anchor).toBeUndefined();
  });

  it('packs sentences up to the target, never over the maximum, starting at sentence starts', () => {
    const text = paragraphs(60, DA);
    const chunks = chunkText({ text }, { targetTokens: 120, maxTokens: 200, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(200);
      expect(chunk.tokens).toBe(estimateTokens(chunk.content));
    }
    // All but the last are filled to near the target.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokens).toBeGreaterThan(120 * 0.6);
    expectSentenceStarts(chunks, DA);
    // Without overlap, the chunks are the text, in order, with nothing lost.
    const words = (s: string): string => s.split(/\s+/).join(' ');
    expect(words(chunks.map((c) => c.content).join(' '))).toBe(words(text));
  });

  it('never ends a chunk at an abbreviation', () => {
    const chunks = chunkText({ text: DA.join(' ') + ' ' + EN.join(' ') }, { targetTokens: 5, maxTokens: 40, overlapTokens: 0 });
    expect(chunks.map((c) => c.content)).toEqual([...DA, ...EN]);
    expect(chunks.map((c) => c.lang)).toEqual([...DA.map(() => 'da'), ...EN.map(() => 'en')]);
  });

  it('overlaps with the last whole sentences of the previous chunk', () => {
    const chunks = chunkText({ text: paragraphs(40, EN) }, { targetTokens: 100, maxTokens: 160, overlapTokens: 30 });
    expect(chunks.length).toBeGreaterThan(3);
    for (let i = 1; i < chunks.length; i++) {
      const previous = splitSentences(chunks[i - 1]!.content.replace(/\n\n/g, ' '));
      const current = splitSentences(chunks[i]!.content.replace(/\n\n/g, ' '));
      // The longest tail of the previous chunk that the current one starts with.
      let shared = 0;
      for (let n = 1; n < previous.length; n++) {
        if (previous.slice(-n).every((s, k) => current[k] === s)) shared = n;
      }
      expect(shared).toBeGreaterThanOrEqual(1); // every English sentence here is < 30 tokens
      expect(estimateTokens(current.slice(0, shared).join(' '))).toBeLessThanOrEqual(30);
      expect(current.length).toBeGreaterThan(shared);
      expect(chunks[i]!.tokens).toBeLessThanOrEqual(160);
    }
    expectSentenceStarts(chunks, EN);
  });

  it('does not overlap across sections', () => {
    const text = `## A\n\n${paragraphs(6, DA)}\n\n## B\n\n${paragraphs(6, EN)}`;
    const chunks = chunkText({ text, format: 'markdown' }, { targetTokens: 60, maxTokens: 100, overlapTokens: 30 });
    const firstOfB = chunks.find((c) => c.headingPath[0] === 'B')!;
    expect(firstOfB.content.startsWith(EN[0]!)).toBe(true);
  });

  it('cuts a huge sentence between words, at most maxTokens each', () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `ord${i}`);
    const chunks = chunkText({ text: words.join(' ') }, { targetTokens: 200, maxTokens: 350, overlapTokens: 40 });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(350);
    // Pieces of a cut sentence are not overlapped, so the words come back exactly once.
    expect(chunks.flatMap((c) => c.content.split(' '))).toEqual(words);
  });

  it('cuts a huge word (a pasted blob) by characters as a last resort', () => {
    const blob = 'QUJD'.repeat(50_000);
    const chunks = chunkText({ text: `Vedhæftet fil: ${blob} slut.` });
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(350);
    expect(chunks.map((c) => c.content).join('')).toContain(blob.slice(0, 1000));
  });

  it('stays linear on pathological input (no regex backtracking blow-ups)', () => {
    const n = 1_000_000;
    const inputs = [
      '.'.repeat(n),
      '?'.repeat(n) + ' A',
      '['.repeat(n),
      '[a](' + '('.repeat(n),
      '<a'.repeat(n / 2),
      '# a' + ' '.repeat(n) + 'b',
      '# ' + '#'.repeat(n),
      '|' + '-'.repeat(n) + 'x',
      '```\n' + 'x\n'.repeat(n / 2),
      '- \n'.repeat(n / 3),
      'a\n' + '='.repeat(n),
      '\n'.repeat(n),
      'æ'.repeat(n),
    ];
    const started = performance.now();
    for (const text of inputs) {
      for (const format of ['markdown', 'text'] as const) {
        for (const chunk of chunkText({ text, format })) expect(chunk.tokens).toBeLessThanOrEqual(350);
      }
    }
    expect(performance.now() - started).toBeLessThan(20_000); // ~2 s; quadratic would be hours
  });

  it('rejects impossible sizes', () => {
    expect(() => chunkText({ text: 'x' }, { targetTokens: 0 })).toThrow(RangeError);
    expect(() => chunkText({ text: 'x' }, { targetTokens: 300, maxTokens: 200 })).toThrow(RangeError);
    expect(() => chunkText({ text: 'x' }, { overlapTokens: 500 })).toThrow(RangeError);
  });

  it('chunks 10 MB of Markdown in well under a few seconds', () => {
    const section = (n: number): string => `## Afsnit ${n}\n\n${paragraphs(8, n % 2 ? DA : EN)}\n\n- ${DA[n % 6]}\n- ${EN[n % 6]}\n\n`;
    const parts: string[] = [];
    let size = 0;
    for (let n = 0; size < 10 * 1024 * 1024; n++) {
      parts.push(section(n));
      size += parts[n]!.length;
    }
    const started = performance.now();
    const chunks = chunkText({ text: parts.join(''), title: 'Stor', format: 'markdown' });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(15); // generous for slow CI; ~1 s on a laptop core
    expect(chunks.length).toBeGreaterThan(10_000);
    expect(chunks.every((c, i) => c.ordinal === i && c.tokens <= 350 && c.content.length > 0)).toBe(true);
  });
});
