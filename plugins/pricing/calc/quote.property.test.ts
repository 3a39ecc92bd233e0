/**
 * Properties of the calculation over random price lists and lines (fast-check): prices 0…10^9
 * øre, quantities 1…10^7 thousandths, discounts 0…10000 bp, breaks ascending. Where a property
 * needs the expected value, it is recomputed here by a separate, plain reading of the rules (an
 * oracle with its own rounding), not by calling the module's helpers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calculateQuote, PricingError } from './index.ts';
import { agreement as makeAgreement, item } from './fixtures.ts';
import type { Agreement, LineInput, PriceItem, QuoteTotals, RoundingRule, VatClass } from '../types.ts';

/** Runs per property; FC_RUNS raises it for a long soak. */
const RUNS = Number(process.env.FC_RUNS ?? 500);

// ─── Arbitraries ────────────────────────────────────────────────────────────────────────

const ORE = fc.integer({ min: 0, max: 1e9 });
const MILLI = fc.integer({ min: 1, max: 1e7 });
const BP = fc.integer({ min: 0, max: 10_000 });
const VAT_CLASS = fc.constantFrom<VatClass>('standard', 'exempt');

/** Breaks ascending by a unique minimum ≥ 2, so "one thousandth below" is still a quantity. */
const BREAKS = (minLength = 0) =>
  fc
    .uniqueArray(fc.record({ minQuantity: fc.integer({ min: 2, max: 1e7 }), unitPriceOre: ORE }), { selector: (b) => b.minQuantity, minLength, maxLength: 4 })
    .map((bs) => [...bs].sort((a, b) => a.minQuantity - b.minQuantity));

const ITEM_FIELDS = fc.record({
  unitPriceOre: ORE,
  vatClass: VAT_CLASS,
  breaks: BREAKS(),
  minQuantity: fc.option(MILLI, { nil: null, freq: 3 }),
});

const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const LINE = (skus: number) =>
  fc
    .record({
      skuIndex: fc.nat(skus - 1),
      quantity: MILLI,
      discountBp: sometimes(BP),
      unitPriceOre: sometimes(ORE),
      optional: fc.boolean(),
      chosen: fc.boolean(),
      group: sometimes(fc.constantFrom('A', 'B')),
    })
    .map(({ skuIndex, ...rest }): LineInput => ({ sku: `SKU-${skuIndex}`, ...rest }));

/** At most one chosen line per group (two chosen is an error, tested on its own). */
function oneChosenAtMost(lines: LineInput[]): LineInput[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    if (!line.group || !line.chosen) return line;
    if (seen.has(line.group)) return { ...line, chosen: false };
    seen.add(line.group);
    return line;
  });
}

/** Exactly one chosen line per group: the only case where the pick cannot depend on order. */
function oneChosenEach(lines: LineInput[]): LineInput[] {
  const capped = oneChosenAtMost(lines);
  const has = new Set(capped.filter((l) => l.group && l.chosen).map((l) => l.group!));
  return capped.map((line) => {
    if (!line.group || has.has(line.group)) return line;
    has.add(line.group);
    return { ...line, chosen: true };
  });
}

const AGREEMENT = (skus: number) =>
  fc
    .record({ prices: fc.array(sometimes(ORE), { minLength: skus, maxLength: skus }), discountBp: BP })
    .map(({ prices, discountBp }) =>
      makeAgreement({ discountBp, prices: Object.fromEntries(prices.flatMap((p, i) => (p === undefined ? [] : [[`SKU-${i}`, p]]))) }),
    );

interface Scenario {
  items: PriceItem[];
  lines: LineInput[];
  agreement: Agreement | null;
  totalDiscountBp: number;
  rounding: RoundingRule;
}

const SCENARIO: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    items: fc.array(ITEM_FIELDS, { minLength: n, maxLength: n }).map((fs) => fs.map((f, i) => item(`SKU-${i}`, f))),
    lines: fc.array(LINE(n), { maxLength: 12 }).map(oneChosenAtMost),
    agreement: fc.option(AGREEMENT(n), { nil: null }),
    totalDiscountBp: BP,
    rounding: fc.constantFrom<RoundingRule>('line', 'total'),
  }),
);

// ─── The oracle: the documented rules read plainly, with rationals as [numerator, denominator] ──

/** Nearest whole number of a non-negative n/d, halves up: floor((2n + d) / 2d). */
const nearest = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);
const RATE: Record<VatClass, bigint> = { standard: 2500n, exempt: 0n };

function oracleLine(items: PriceItem[], line: LineInput, agreement: Agreement | null) {
  const it = items.find((i) => i.sku === line.sku)!;
  const quantity = Math.max(line.quantity, it.minQuantity ?? 0);
  const brk = [...it.breaks].sort((a, b) => b.minQuantity - a.minQuantity).find((b) => b.minQuantity <= quantity);
  const agreed = agreement?.prices[line.sku];
  let price = brk ? brk.unitPriceOre : it.unitPriceOre;
  let agreementBp = agreement?.discountBp ?? 0;
  if (agreed !== undefined) [price, agreementBp] = [agreed, 0];
  if (line.unitPriceOre !== undefined) [price, agreementBp] = [line.unitPriceOre, 0];
  const unitNum = BigInt(price) * (10_000n - BigInt(agreementBp)) * (10_000n - BigInt(line.discountBp ?? 0));
  const unitDen = 10n ** 8n;
  return { item: it, quantity, unitNum, unitDen, netNum: BigInt(quantity) * unitNum, netDen: 1000n * unitDen };
}

function oracleCounted(lines: LineInput[]): boolean[] {
  return lines.map((line, i) => {
    if (line.optional && !line.chosen) return false;
    if (!line.group) return true;
    const members = lines.map((l, j) => [l, j] as const).filter(([l]) => l.group === line.group);
    const pick = members.find(([l]) => l.chosen) ?? members[0]!;
    return pick[1] === i;
  });
}

function oracleSubtotal(s: Scenario): { subtotal: bigint; byClass: Map<VatClass, [bigint, bigint]> } {
  const counted = oracleCounted(s.lines);
  const byClass = new Map<VatClass, [bigint, bigint]>(); // exact per-class amounts as n / 10^11
  let exactSum = 0n;
  let roundedSum = 0n;
  s.lines.forEach((line, i) => {
    if (!counted[i]) return;
    const o = oracleLine(s.items, line, s.agreement);
    const amount = s.rounding === 'line' ? nearest(o.netNum, o.netDen) * o.netDen : o.netNum;
    const [n] = byClass.get(o.item.vatClass) ?? [0n];
    byClass.set(o.item.vatClass, [n + amount, o.netDen]);
    exactSum += o.netNum;
    roundedSum += nearest(o.netNum, o.netDen);
  });
  return { subtotal: s.rounding === 'line' ? roundedSum : nearest(exactSum, 10n ** 11n), byClass };
}

const run = (s: Scenario, patch: Partial<Scenario> = {}): QuoteTotals => calculateQuote({ ...s, ...patch });

/** Every number anywhere in a value. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbers(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbers(v, out));
  return out;
}

// ─── Properties ─────────────────────────────────────────────────────────────────────────

describe('calculateQuote (properties)', () => {
  it('prices every line as the oracle does, and counts the same lines', () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        const counted = oracleCounted(s.lines);
        s.lines.forEach((line, i) => {
          const o = oracleLine(s.items, line, s.agreement);
          const got = q.lines[i]!;
          expect(got.quantity).toBe(o.quantity);
          expect(got.unitPriceOre).toBe(Number(nearest(o.unitNum, o.unitDen)));
          expect(got.netOre).toBe(Number(nearest(o.netNum, o.netDen)));
          expect(got.counted).toBe(counted[i]);
          expect(got.vatRateBp).toBe(Number(RATE[got.vatClass]));
        });
        expect(q.subtotalOre).toBe(Number(oracleSubtotal(s).subtotal));
      }),
      { numRuns: RUNS },
    );
  });

  it("under 'line' the counted lines sum to the subtotal; under both the classes' bases sum to the net", () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        const lineSum = q.lines.filter((l) => l.counted).reduce((a, l) => a + l.netOre, 0);
        if (s.rounding === 'line') expect(lineSum).toBe(q.subtotalOre);
        expect(q.vat.reduce((a, v) => a + v.baseOre, 0)).toBe(q.netOre);
      }),
      { numRuns: RUNS },
    );
  });

  it('no øre appears or vanishes: discount + net = subtotal, gross = net + VAT, VAT = Σ classes', () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        expect(q.totalDiscountOre + q.netOre).toBe(q.subtotalOre);
        expect(q.totalDiscountOre).toBe(Number(nearest(BigInt(q.subtotalOre) * BigInt(s.totalDiscountBp), 10_000n)));
        expect(q.vatOre).toBe(q.vat.reduce((a, v) => a + v.vatOre, 0));
        expect(q.grossOre).toBe(q.netOre + q.vatOre);
      }),
      { numRuns: RUNS },
    );
  });

  it("each class's VAT is exactly round(base × rate), and the classes are the counted lines' classes", () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        for (const v of q.vat) {
          expect(BigInt(v.rateBp)).toBe(RATE[v.vatClass]);
          expect(BigInt(v.vatOre)).toBe(nearest(BigInt(v.baseOre) * RATE[v.vatClass], 10_000n));
        }
        const present = new Set(q.lines.filter((l) => l.counted).map((l) => l.vatClass));
        expect(q.vat.map((v) => v.vatClass)).toEqual((['standard', 'exempt'] as const).filter((c) => present.has(c)));
      }),
      { numRuns: RUNS },
    );
  });

  it("the total discount is split over the classes within one øre of each class's exact share", () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        const { byClass } = oracleSubtotal(s);
        const total = [...byClass.values()].reduce((a, [n]) => a + n, 0n);
        for (const v of q.vat) {
          const [amount] = byClass.get(v.vatClass)!;
          if (total === 0n) expect(v.baseOre).toBe(0);
          // |base − net × amount / total| < 1, scaled by total.
          else expect((BigInt(v.baseOre) * total - BigInt(q.netOre) * amount) ** 2n < total ** 2n).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of the lines (each group with its chosen line)', () => {
    const permuted = SCENARIO.map((s) => ({ ...s, lines: oneChosenEach(s.lines) })).chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray([...s.lines.keys()], { minLength: s.lines.length, maxLength: s.lines.length })),
    );
    fc.assert(
      fc.property(permuted, ([s, order]) => {
        const a = run(s);
        const b = run(s, { lines: order.map((i) => s.lines[i]!) });
        const { lines: la, ...ta } = a;
        const { lines: lb, ...tb } = b;
        expect(tb).toEqual(ta);
        // Line k of the permuted quote is line order[k] of the original: same SKU, same everything.
        order.forEach((original, k) => expect(lb[k]).toEqual(la[original]));
      }),
      { numRuns: RUNS },
    );
  });

  it('every output is a whole number and no amount is negative', () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const all = numbers(run(s));
        expect(all.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("a line's reasons follow the documented order and replay to its price", () => {
    const ORDER = ['minimum_quantity', 'list', 'break', 'agreement_price', 'agreement_discount', 'manual', 'line_discount'];
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const q = run(s);
        for (const line of q.lines) {
          const ranks = line.reasons.map((r) => ORDER.indexOf(r.kind));
          expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
          expect(new Set(ranks).size).toBe(ranks.length);
          expect(line.reasons.some((r) => r.kind === 'list')).toBe(true);
          // The last price-setting reason, less the discounts after it.
          let num = 0n;
          let den = 1n;
          for (const r of line.reasons) {
            if (r.kind === 'list' || r.kind === 'break' || r.kind === 'agreement_price' || r.kind === 'manual') [num, den] = [BigInt(r.unitPriceOre), 1n];
            else if (r.kind === 'agreement_discount' || r.kind === 'line_discount') [num, den] = [num * (10_000n - BigInt(r.discountBp)), den * 10_000n];
          }
          expect(line.netOre).toBe(Number(nearest(BigInt(line.quantity) * num, den * 1000n)));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a discount of 0 changes nothing (line, agreement, total)', () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const plain = { ...s, lines: s.lines.map(({ discountBp: _, ...l }) => l), agreement: null, totalDiscountBp: undefined as never };
        const base = run(plain);
        expect(run(plain, { lines: plain.lines.map((l) => ({ ...l, discountBp: 0 })) })).toEqual(base);
        expect(run(plain, { agreement: makeAgreement({ discountBp: 0 }) })).toEqual(base);
        expect(run(plain, { totalDiscountBp: 0 })).toEqual({ ...base, totalDiscountBp: 0 });
        expect(base.totalDiscountBp).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('a discount of 10000 bp gives 0 (line, agreement, total)', () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const lineFree = run(s, { lines: s.lines.map((l) => ({ ...l, discountBp: 10_000 })) });
        expect(lineFree.lines.every((l) => l.netOre === 0 && l.unitPriceOre === 0)).toBe(true);
        expect(lineFree).toMatchObject({ subtotalOre: 0, netOre: 0, vatOre: 0, grossOre: 0 });

        const noManual = s.lines.map(({ unitPriceOre: _, ...l }) => l);
        const agreementFree = run(s, { lines: noManual, agreement: makeAgreement({ discountBp: 10_000 }) });
        expect(agreementFree.grossOre).toBe(0);

        const totalFree = run(s, { totalDiscountBp: 10_000 });
        expect(totalFree).toMatchObject({ totalDiscountOre: totalFree.subtotalOre, netOre: 0, vatOre: 0, grossOre: 0 });
      }),
      { numRuns: RUNS },
    );
  });

  it("'line' and 'total' differ by at most half an øre per counted line", () => {
    fc.assert(
      fc.property(SCENARIO, (s) => {
        const byLine = run(s, { rounding: 'line' });
        const byTotal = run(s, { rounding: 'total' });
        const n = byLine.lines.filter((l) => l.counted).length;
        expect(2 * Math.abs(byLine.subtotalOre - byTotal.subtotalOre)).toBeLessThanOrEqual(n + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('two chosen alternatives in one group are refused', () => {
    fc.assert(
      fc.property(SCENARIO, fc.constantFrom('A', 'B'), (s, group) => {
        const line = { sku: 'SKU-0', quantity: 1000, group, chosen: true };
        expect(() => run(s, { lines: [...s.lines, line, line] })).toThrow(PricingError);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('boundaries (properties)', () => {
  const BREAK_CASE = fc
    .record({ list: ORE, breaks: BREAKS(1), vatClass: VAT_CLASS })
    .chain((c) => fc.record({ c: fc.constant(c), k: fc.nat(c.breaks.length - 1), agreementBp: BP, agreed: ORE }));

  it("at a break's minimum the break applies; one thousandth below, the previous one", () => {
    fc.assert(
      fc.property(BREAK_CASE, ({ c, k }) => {
        const it = item('X', { unitPriceOre: c.list, breaks: c.breaks, vatClass: c.vatClass });
        const at = c.breaks[k]!;
        const previous = k === 0 ? c.list : c.breaks[k - 1]!.unitPriceOre;
        const price = (quantity: number) => calculateQuote({ items: [it], lines: [{ sku: 'X', quantity }] }).lines[0]!;
        const atLine = price(at.minQuantity);
        expect(atLine.unitPriceOre).toBe(at.unitPriceOre);
        expect(atLine.reasons.at(-1)).toEqual({ kind: 'break', minQuantity: at.minQuantity, unitPriceOre: at.unitPriceOre });
        expect(atLine.netOre).toBe(Number(nearest(BigInt(at.minQuantity) * BigInt(at.unitPriceOre), 1000n)));
        const below = price(at.minQuantity - 1);
        expect(below.unitPriceOre).toBe(previous);
        expect(below.reasons.at(-1)!.kind).toBe(k === 0 ? 'list' : 'break');
      }),
      { numRuns: RUNS },
    );
  });

  it("an agreement's discount applies on either side of a break; its own price ignores the break", () => {
    fc.assert(
      fc.property(BREAK_CASE, ({ c, k, agreementBp, agreed }) => {
        const it = item('X', { unitPriceOre: c.list, breaks: c.breaks });
        const at = c.breaks[k]!;
        const previous = k === 0 ? c.list : c.breaks[k - 1]!.unitPriceOre;
        const line = (quantity: number, a: Agreement) => calculateQuote({ items: [it], lines: [{ sku: 'X', quantity }], agreement: a }).lines[0]!;
        const off = makeAgreement({ discountBp: agreementBp });
        const discounted = (p: number) => Number(nearest(BigInt(p) * (10_000n - BigInt(agreementBp)), 10_000n));
        expect(line(at.minQuantity, off).unitPriceOre).toBe(discounted(at.unitPriceOre));
        expect(line(at.minQuantity - 1, off).unitPriceOre).toBe(discounted(previous));
        const own = makeAgreement({ discountBp: agreementBp, prices: { X: agreed } });
        expect(line(at.minQuantity, own).unitPriceOre).toBe(agreed);
        expect(line(at.minQuantity - 1, own).unitPriceOre).toBe(agreed);
      }),
      { numRuns: RUNS },
    );
  });

  it('a quantity at the minimum is kept; one thousandth below is raised to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e7 }), ORE, (min, list) => {
        const it = item('X', { unitPriceOre: list, minQuantity: min });
        const line = (quantity: number) => calculateQuote({ items: [it], lines: [{ sku: 'X', quantity }] }).lines[0]!;
        expect(line(min)).toMatchObject({ quantity: min, reasons: [{ kind: 'list', unitPriceOre: list }] });
        expect(line(min - 1)).toMatchObject({ quantity: min, reasons: [{ kind: 'minimum_quantity', minQuantity: min }, { kind: 'list', unitPriceOre: list }] });
      }),
      { numRuns: RUNS },
    );
  });

  const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const WINDOW = fc.record({ from: fc.integer({ min: 1, max: 4000 }), length: fc.integer({ min: 0, max: 400 }) });

  it('items and agreements are valid from their first through their last day, not a day outside', () => {
    fc.assert(
      fc.property(WINDOW, ({ from, length }) => {
        const [validFrom, validTo] = [day(from), day(from + length)];
        const it = item('X', { validFrom, validTo });
        const deal = makeAgreement({ discountBp: 1000, validFrom, validTo });
        const open = item('Y');
        const code = (date: string, which: 'item' | 'agreement') => {
          try {
            if (which === 'item') calculateQuote({ items: [it], lines: [{ sku: 'X', quantity: 1000 }], date });
            else calculateQuote({ items: [open], lines: [{ sku: 'Y', quantity: 1000 }], agreement: deal, date });
            return 'ok';
          } catch (error) {
            return (error as PricingError).code;
          }
        };
        for (const which of ['item', 'agreement'] as const) {
          const outside = which === 'item' ? 'item_not_valid' : 'agreement_not_valid';
          expect(code(validFrom, which)).toBe('ok');
          expect(code(validTo, which)).toBe('ok');
          expect(code(day(from - 1), which)).toBe(outside);
          expect(code(day(from + length + 1), which)).toBe(outside);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
