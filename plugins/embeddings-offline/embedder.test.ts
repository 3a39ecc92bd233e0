import { describe, expect, it } from 'vitest';
import { textAnalysis as text } from '../../core/plugins/context/text.ts';
import { cosine, createOfflineEmbedder, embedText } from './embedder.ts';

const embedder = createOfflineEmbedder({ text });
const norm = (v: number[]): number => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

async function similarity(a: string, b: string): Promise<number> {
  const [va, vb] = await embedder.embed([a, b]);
  return cosine(va!, vb!);
}

describe('createOfflineEmbedder', () => {
  it('describes itself as the offline provider', () => {
    expect(embedder).toMatchObject({ id: 'offline', model: 'offline-hash-v2', dimensions: 384 });
    expect(createOfflineEmbedder({ dimensions: 768 , text }).dimensions).toBe(768);
    expect(() => createOfflineEmbedder({ dimensions: 0 , text })).toThrow(RangeError);
    expect(() => createOfflineEmbedder({ dimensions: 1.5 , text })).toThrow(RangeError);
  });

  it('is deterministic across calls, batches and instances', async () => {
    const texts = ['Hvad koster en ny tagrende?', 'How much is a website?', 'Åbningstider: mandag-fredag 8-16', ''];
    const first = await embedder.embed(texts);
    const again = await createOfflineEmbedder({ text }).embed([...texts].reverse());
    expect(again.reverse()).toEqual(first);
    expect(await embedder.embed(texts, 'query')).toEqual(await embedder.embed(texts, 'passage'));
  });

  it('returns unit vectors of the configured dimension', async () => {
    for (const dimensions of [8, 384, 1536]) {
      const [vector] = await createOfflineEmbedder({ dimensions , text }).embed(['Vi renoverer tage i hele Danmark.']);
      expect(vector).toHaveLength(dimensions);
      expect(norm(vector!)).toBeCloseTo(1, 10);
    }
    expect(await embedder.embed([])).toEqual([]);
  });

  it('gives the zero vector, never NaN, for text without words', async () => {
    const vectors = await embedder.embed(['', '   ', '😀🚀🎉', '\u0000\u0007\u001b\u007f\u200b', '!!! ... ---']);
    for (const vector of vectors) {
      expect(vector).toHaveLength(384);
      expect(vector.every((x) => x === 0)).toBe(true);
    }
  });

  it('never yields NaN on odd or huge input', async () => {
    const huge = 'Vi laver tagrenovering og nye tagrender. '.repeat(256_000); // ~10 MB
    const inputs = ['\u0000Hvad\u0007 koster\u001b det?', '😀 tagrende 😀', 'Привет мир 你好世界', 'x'.repeat(1_000_000), huge, '\ud800 lone surrogate \udfff'];
    const started = performance.now();
    const vectors = await embedder.embed(inputs);
    expect(performance.now() - started).toBeLessThan(10_000);
    for (const vector of vectors) {
      expect(vector.every(Number.isFinite)).toBe(true);
      expect(norm(vector)).toBeCloseTo(1, 10);
    }
  });

  it('rejects what is not an array of strings', async () => {
    await expect(embedder.embed('tekst' as unknown as string[])).rejects.toThrow(TypeError);
    await expect(embedder.embed([null as unknown as string])).rejects.toThrow(TypeError);
  });

  it('puts Danish paraphrases closer than unrelated text', async () => {
    const query = 'Hvad koster en ny tagrende?';
    expect(await similarity(query, 'Priser på tagrender og montering')).toBeGreaterThan(await similarity(query, 'Vores åbningstider er 8-16'));
    const cancel = 'Hvordan opsiger jeg mit abonnement?';
    expect(await similarity(cancel, 'Opsigelse af abonnementet sker skriftligt med en måneds varsel')).toBeGreaterThan(
      await similarity(cancel, 'Vi leverer i hele Danmark inden for tre hverdage'),
    );
  });

  it('puts English paraphrases closer than unrelated text', async () => {
    const query = 'How much does a new website cost?';
    expect(await similarity(query, 'Website pricing and packages for small businesses')).toBeGreaterThan(
      await similarity(query, 'Our office is closed on Sundays'),
    );
    const cancel = 'Can I cancel my subscription?';
    expect(await similarity(cancel, 'Cancelling your subscription: you can cancel any time')).toBeGreaterThan(
      await similarity(cancel, 'We deliver to all of Denmark'),
    );
  });

  it('joins words of the same meaning through the concept lexicon', async () => {
    const price = 'Hvad koster det?';
    expect(await similarity(price, 'Priser og betaling')).toBeGreaterThan(await similarity(price, 'Åbningstider og adresse'));
    const open = 'When are you open?';
    expect(await similarity(open, 'Åbningstider: mandag-fredag 8-16')).toBeGreaterThan(await similarity(open, 'Vi sælger brugte biler og varebiler'));
    expect(await similarity(open, 'Opening hours: Monday to Friday 8-16')).toBeGreaterThan(await similarity(open, 'We sell used cars and vans'));
    // A word and its translation share their concept feature ("og" makes the first Danish).
    expect(await similarity('faktura og kvittering', 'invoice and receipt')).toBeGreaterThan(0.3);
    expect(await similarity('faktura og kvittering', 'invoice and receipt')).toBeGreaterThan(await similarity('faktura og kvittering', 'delivery and pickup'));
  });

  it('puts a Danish question closer to the English text on its topic than to an unrelated one', async () => {
    const pairs = [
      ['Hvornår leverer I?', 'Delivery and shipping: we ship orders within two working days.', 'Our privacy policy explains how we use cookies.'],
      ['Kan jeg få fakturaen på mail?', 'Invoices are sent by email when the order is paid.', 'We have free parking in front of the shop.'],
      ['Hvordan klager jeg over en fejl?', 'Complaints: report a defect within two months of delivery.', 'Our opening hours are Monday to Friday.'],
    ];
    for (const [question, topic, other] of pairs) {
      // Clear margins: without the lexicon these pairs differ only by hashing noise (±0.1).
      const near = await similarity(question!, topic!);
      expect(near, question).toBeGreaterThan(0.1);
      expect(near, question).toBeGreaterThan((await similarity(question!, other!)) + 0.1);
    }
  });

  it('lets inflections and compounds overlap', async () => {
    expect(await similarity('biler', 'bil')).toBeGreaterThan(0.1);
    expect(await similarity('biler', 'bil')).toBeGreaterThan(await similarity('biler', 'hus'));
    expect(await similarity('Vi sælger brugte biler', 'Brugt bil til salg')).toBeGreaterThan(await similarity('Vi sælger brugte biler', 'Nye tagrender'));
    expect(await similarity('tagrenovering', 'renovering af tag')).toBeGreaterThan(await similarity('tagrenovering', 'levering af varer'));
    expect(await similarity('companies', 'company')).toBeGreaterThan(await similarity('companies', 'gutter'));
  });

  it('embeds thousands of short passages a second', async () => {
    const passages = Array.from(
      { length: 5_000 },
      (_, i) => `Vi tilbyder ${i % 2 ? 'tagrenovering' : 'IT-support'} til små virksomheder. Ring på 12 34 56 ${i}, så vender vi tilbage inden for én arbejdsdag.`,
    );
    const started = performance.now();
    await embedder.embed(passages);
    const perSecond = passages.length / ((performance.now() - started) / 1000);
    expect(perSecond).toBeGreaterThan(500); // generous floor for slow CI; ~10,000/s on one core here
  });

  it('exposes the synchronous form', () => {
    expect(embedText('Biler til salg', 16, text)).toHaveLength(16);
    expect(embedText('', 16, text).every((x) => x === 0)).toBe(true);
  });
});
