/**
 * From a customer's text to quote lines: examples asserted exactly (SKU, quantity in
 * thousandths, approximate, the customer's words), the traps (dates, years, phone numbers, prices,
 * postal codes), the rules between parts, a property (never an SKU outside the price list, only
 * whole thousandths, never a throw), and the labelled set's figures as a floor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELD_OUT, PRICE_LIST, REQUESTS } from '../testing/requests.ts';
import { scoreAll, summarise } from './evaluate.ts';
import { linesFromText, type TextLines } from './lines.ts';
import { maskNonQuantities, splitParts } from './text.ts';

const read = (text: string, items = PRICE_LIST) => linesFromText(text, items);
const brief = (r: TextLines) => r.lines.map(({ sku, quantity, approximate, text }) => ({ sku, quantity, approximate, text }));

describe('linesFromText: examples', () => {
  it('"3 stk. tagrender à 12 m og 20 timers montage": 3 × 12 m of the per-metre gutter, 20 hours of labour', () => {
    const r = read('3 stk. tagrender à 12 m og 20 timers montage');
    expect(brief(r)).toEqual([
      { sku: 'RND-ZN-125', quantity: 36_000, approximate: false, text: '3 stk. tagrender à 12 m' },
      { sku: 'ARB-TAG', quantity: 20_000, approximate: false, text: '20 timers montage' },
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.lines.every((l) => l.confidence === 1)).toBe(true);
  });

  it('"N stk. à L m" of an item sold per piece is N pieces', () => {
    expect(brief(read('3 stk. rendejern à 12 m'))).toEqual([{ sku: 'RND-BJL', quantity: 3000, approximate: false, text: '3 stk. rendejern à 12 m' }]);
  });

  it('"ca. 45 m² tag, levering i Aarhus": an approximate roof area and the delivery item', () => {
    expect(brief(read('ca. 45 m² tag, levering i Aarhus'))).toEqual([
      { sku: 'TAG-TEGL', quantity: 45_000, approximate: true, text: 'ca. 45 m² tag' },
      { sku: 'LEV', quantity: 1000, approximate: false, text: 'levering i Aarhus' },
    ]);
  });

  it('without a delivery item on the price list, "levering i Aarhus" is unmatched, not dropped', () => {
    const r = read('ca. 45 m² tag, levering i Aarhus', PRICE_LIST.filter((i) => i.sku !== 'LEV'));
    expect(brief(r)).toEqual([{ sku: 'TAG-TEGL', quantity: 45_000, approximate: true, text: 'ca. 45 m² tag' }]);
    expect(r.unmatched).toEqual(['levering i Aarhus']);
  });

  it('"zinktagrende" and "tagrende i zink" are the same item; "tagrende i plast" another; inflections meet', () => {
    expect(brief(read('zinktagrende 10 m, tagrende i zink 5 m, tagrende i plast 4 m, 2 m tagrenderne'))).toEqual([
      { sku: 'RND-ZN-125', quantity: 10_000, approximate: false, text: 'zinktagrende 10 m' },
      { sku: 'RND-ZN-125', quantity: 5000, approximate: false, text: 'tagrende i zink 5 m' },
      { sku: 'RND-PVC-125', quantity: 4000, approximate: false, text: 'tagrende i plast 4 m' },
      { sku: 'RND-ZN-125', quantity: 2000, approximate: false, text: '2 m tagrenderne' },
    ]);
  });

  it('A x B m of an item per m² is the area; the next m² item without a quantity takes it', () => {
    expect(brief(read('Nyt tegltag 8 x 12 m inkl. nedtagning af det gamle tag'))).toEqual([
      { sku: 'TAG-TEGL', quantity: 96_000, approximate: false, text: 'Nyt tegltag 8 x 12 m' },
      { sku: 'TAG-NED', quantity: 96_000, approximate: false, text: 'nedtagning af det gamle tag' },
    ]);
  });

  it('a quantity on its own fills the line before; an elliptic one repeats its item', () => {
    expect(brief(read('vi skal ha skiftet tagrender: 2 stk á 11,5 m og 1 stk á 4 m'))).toEqual([
      { sku: 'RND-ZN-125', quantity: 23_000, approximate: false, text: 'vi skal ha skiftet tagrender' },
      { sku: 'RND-ZN-125', quantity: 4000, approximate: false, text: '1 stk á 4 m' },
    ]);
    expect(brief(read('Hi, could you quote for 3 downpipes, 3 m each?'))).toEqual([{ sku: 'NED-ZN-75', quantity: 9000, approximate: false, text: 'could you quote for 3 downpipes' }]);
  });

  it('the unit decides between items ("montering af tagrender ca 6 timer" is labour)', () => {
    expect(brief(read('Montering af tagrender ca 6 timer'))).toEqual([{ sku: 'ARB-TAG', quantity: 6000, approximate: true, text: 'Montering af tagrender ca 6 timer' }]);
  });

  it('number words, halvanden, et par, fractions, ranges', () => {
    expect(brief(read('halvanden times vvs arbejde + et par meter pex rør + ¾ time montage + tagpap 40-45 m²'))).toEqual([
      { sku: 'ARB-VVS', quantity: 1500, approximate: false, text: 'halvanden times vvs arbejde' },
      { sku: 'VVS-PEX', quantity: 2000, approximate: true, text: 'et par meter pex rør' },
      { sku: 'ARB-TAG', quantity: 750, approximate: false, text: '¾ time montage' },
      { sku: 'TAG-PAP', quantity: 45_000, approximate: true, text: 'tagpap 40-45 m²' },
    ]);
  });

  it('English: decimal points, thousands commas, feet, "a dozen", "half a day"', () => {
    expect(brief(read('We need 1.5 hours of plumbing, 1,250 m PEX pipe, 18 feet of gutter, a dozen brackets and half a day with the cherry picker', PRICE_LIST))).toEqual([
      { sku: 'ARB-VVS', quantity: 1500, approximate: false, text: 'We need 1.5 hours of plumbing' },
      { sku: 'VVS-PEX', quantity: 1_250_000, approximate: false, text: '1,250 m PEX pipe' },
      { sku: 'RND-ZN-125', quantity: 5486, approximate: false, text: '18 feet of gutter' },
      { sku: 'RND-BJL', quantity: 12_000, approximate: false, text: 'a dozen brackets' },
      { sku: 'LIFT-DAG', quantity: 500, approximate: false, text: 'half a day with the cherry picker' },
    ]);
  });

  it('products not on the list are listed as unmatched', () => {
    const r = read('tilbud på 1 toilet, 1 håndvask og 1 bruseniche');
    expect(brief(r)).toEqual([{ sku: 'VVS-TOILET', quantity: 1000, approximate: false, text: 'tilbud på 1 toilet' }]);
    expect(r.unmatched).toEqual(['1 håndvask', '1 bruseniche']);
    expect(read('Laver I også solceller og varmepumper?').unmatched).toEqual(['Laver I også solceller', 'varmepumper']);
  });

  it('greeting, signature, address and phone are not parts', () => {
    const r = read('Hej\n\nKan I give et tilbud på 2 stk. tagvinduer og 3 ugers stillads?\n\nVenlig hilsen\nKarsten Holm\nSkovvej 14, 8600 Silkeborg\nTlf. 86 12 34 56');
    expect(brief(r)).toEqual([
      { sku: 'TAG-VIND', quantity: 2000, approximate: false, text: 'Kan I give et tilbud på 2 stk. tagvinduer' },
      { sku: 'STIL-UGE', quantity: 3000, approximate: false, text: '3 ugers stillads' },
    ]);
    expect(r.unmatched).toEqual([]);
  });

  it('a negation drops the item; "med" splits items of different units only', () => {
    expect(brief(read('12 m tagrende uden montering')).map((l) => l.sku)).toEqual(['RND-ZN-125']);
    expect(brief(read('Kan I levere 14 rendejern? Vi monterer selv.')).map((l) => l.sku)).toEqual(['RND-BJL']);
    expect(brief(read('12 m tagrende med 10 rendejern')).map((l) => [l.sku, l.quantity])).toEqual([['RND-ZN-125', 12_000], ['RND-BJL', 10_000]]);
    expect(brief(read('Skal have lavet 34 m2 tag med tagpap')).map((l) => [l.sku, l.quantity])).toEqual([['TAG-PAP', 34_000]]);
  });

  it('a missing quantity is 1 of the unit at low confidence; a unit that does not fit lowers it too', () => {
    const [montage] = read('montering').lines;
    expect(montage).toMatchObject({ sku: 'ARB-TAG', quantity: 1000 });
    expect(montage!.confidence).toBeLessThanOrEqual(0.5);
    const [days] = read('2 dages arbejde').lines;
    expect(days).toMatchObject({ sku: 'ARB-TAG', quantity: 2000 });
    expect(days!.confidence).toBeLessThanOrEqual(0.5);
    const [skip] = read('Affaldscontainer til 2 uger').lines;
    expect(skip).toMatchObject({ sku: 'CONT-10', quantity: 1000 });
  });

  it('an optional stemmer makes words meet that the built-in suffix stripper does not', () => {
    const stem = (w: string) => (w === 'jernkroge' ? 'rendejern' : w);
    expect(read('8 jernkroge').lines).toEqual([]);
    expect(linesFromText('8 jernkroge', PRICE_LIST, { stem }).lines.map((l) => [l.sku, l.quantity])).toEqual([['RND-BJL', 8000]]);
  });
});

describe('linesFromText: numbers that are not quantities', () => {
  it('a date, a year next to it, a time of day and a week number', () => {
    expect(brief(read('Kan I komme d. 12.03.2026 kl. 8.30 i uge 11 og skifte 12 m tagrende? Huset er fra 1978.'))).toEqual([
      { sku: 'RND-ZN-125', quantity: 12_000, approximate: false, text: 'skifte 12 m tagrende' },
    ]);
    expect(read('rens af tagrender den 3. juni 2026, ca. 20 m').lines.map((l) => [l.sku, l.quantity])).toEqual([['SRV-RENS-RND', 20_000]]);
  });

  it('phone numbers in every usual form', () => {
    for (const phone of ['20 30 40 50', '20304050', '+45 20 30 40 50', '+4520304050', '2030 4050']) {
      expect(read(`12 m tagrende. Ring på ${phone}`).lines.map((l) => [l.sku, l.quantity])).toEqual([['RND-ZN-125', 12_000]]);
    }
  });

  it('prices, percentages, postal codes, house numbers, pipe sizes and ordinals', () => {
    expect(read('Vi har fået et tilbud på 12 m tagrende til 4.500 kr. – kan I slå det med 10 %?').lines.map((l) => [l.sku, l.quantity])).toEqual([['RND-ZN-125', 12_000]]);
    expect(read('Nedløbsrør Ø75, 125 mm, 4 stk. à 2,5 m til Skovvej 14, 8600 Silkeborg, 2. sal').lines.map((l) => [l.sku, l.quantity])).toEqual([['NED-ZN-75', 10_000]]);
  });

  it('a number of the item\'s own name is not a quantity ("tagpap 2 lag")', () => {
    expect(read('tagpap 2 lag').lines.map((l) => [l.sku, l.quantity])).toEqual([['TAG-PAP', 1000]]);
  });

  it('masks keep every position, so a line\'s text is the customer\'s own', () => {
    const text = 'Ring 20 30 40 50, 12.03.2026: 450 kr.';
    expect(maskNonQuantities(text)).toHaveLength(text.length);
    expect(maskNonQuantities(text)).toMatch(/^Ring {12},\s+:\s+$/);
    expect(splitParts('12 m tagrende, 3 nedløbsrør og 2 tude; mellem 40 og 50 m² tag').map((s) => s.masked)).toEqual(['12 m tagrende', '3 nedløbsrør', '2 tude', 'mellem 40 \u0001\u0001 50 m² tag']);
  });
});

describe('linesFromText: properties', () => {
  const vocabulary = ['tagrende', 'zink', 'nedløbsrør', 'à', 'stk.', 'm', 'm²', 'ca.', 'og', ',', '12', '1.250', '3½', 'timer', 'montage', 'tre', 'a', 'gutter', 'and', 'x', '20 30 40 50', '12.03.2026', 'kr.', 'levering', 'uden', '-', 'i alt', '?', '\n', 'Mvh', 'Hej'];
  it('never names an SKU outside the price list, gives whole non-negative thousandths, never throws', () => {
    const skus = new Set(PRICE_LIST.map((i) => i.sku));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...vocabulary), { maxLength: 25 }).map((w) => w.join(' '))), (text) => {
        const r = linesFromText(text, PRICE_LIST);
        for (const line of r.lines) {
          expect(skus.has(line.sku)).toBe(true);
          expect(Number.isSafeInteger(line.quantity) && line.quantity >= 0).toBe(true);
          expect(line.confidence).toBeGreaterThanOrEqual(0);
          expect(line.confidence).toBeLessThanOrEqual(1);
          expect(text).toContain(line.text);
        }
        for (const u of r.unmatched) expect(text).toContain(u);
      }),
      { numRuns: 400 },
    );
  });

  it('an empty price list gives no lines', () => {
    expect(linesFromText('3 stk. tagrender à 12 m og 20 timers montage', []).lines).toEqual([]);
  });
});

describe('labelled set (plugins/pricing/testing/requests.ts)', () => {
  // Floors at the figures reached (REQUESTS: 105 of 107 exact; HELD_OUT: 29 of 36): a regression fails.
  it('has at least 60 requests, about two thirds Danish, each expected SKU on the price list', () => {
    expect(REQUESTS.length).toBeGreaterThanOrEqual(60);
    const da = REQUESTS.filter((r) => r.lang === 'da').length / REQUESTS.length;
    expect(da).toBeGreaterThan(0.6);
    expect(da).toBeLessThan(0.75);
    const skus = new Set(PRICE_LIST.map((i) => i.sku));
    for (const r of [...REQUESTS, ...HELD_OUT]) for (const l of r.expected) expect(skus.has(l.sku), `${r.id}: ${l.sku}`).toBe(true);
    expect(new Set([...REQUESTS, ...HELD_OUT].map((r) => r.id)).size).toBe(REQUESTS.length + HELD_OUT.length);
  });

  it('keeps its exact-match rate and line figures', () => {
    const results = scoreAll(REQUESTS, PRICE_LIST);
    const s = summarise(results);
    expect(results.filter((r) => r.exact).length).toBeGreaterThanOrEqual(105);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
    expect(s.quantity).toBeGreaterThanOrEqual(0.99);
    expect(s.unmatched).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps the held-out figures', () => {
    const results = scoreAll(HELD_OUT, PRICE_LIST);
    expect(results.filter((r) => r.exact).length).toBeGreaterThanOrEqual(29);
    expect(summarise(results).unmatched).toBeGreaterThanOrEqual(0.88);
  });
});
