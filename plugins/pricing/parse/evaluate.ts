/**
 * Scores `linesFromText` on the labelled requests (`../testing/requests.ts`): shared by the benchmark
 * (`npm run bench -- pricing-text`) and the regression test, so both count the same way.
 *
 * - Lines are compared per SKU with quantities summed (28 m + 12 m of one gutter = 40 m).
 * - Exact match: the request's SKUs are exactly the expected ones, each with the expected
 *   quantity (nothing missing, nothing extra).
 * - Line precision: found SKUs that were expected / found SKUs. Line recall: expected SKUs that
 *   were found / expected SKUs. Quantity accuracy: of the SKUs both expected and found, the share
 *   with the right quantity.
 * - Unmatched detection: the share of requests whose number of unmatched parts is the expected one.
 * - Approximate flag: of the expected lines found with the right SKU, the share whose
 *   `approximate` is the expected one.
 */
import { linesFromText, type LinesOptions } from './lines.ts';
import type { PriceItem } from '../types.ts';
import type { LabelledRequest } from '../testing/requests.ts';

export interface RequestResult {
  request: LabelledRequest;
  exact: boolean;
  expectedSkus: number;
  foundSkus: number;
  rightSkus: number;
  rightQuantities: number;
  approxRight: number;
  unmatchedRight: boolean;
  got: { sku: string; quantity: number; approximate: boolean }[];
  unmatched: string[];
}

export interface Score {
  requests: number;
  exact: number;
  precision: number;
  recall: number;
  quantity: number;
  unmatched: number;
  approximate: number;
}

function sums(lines: { sku: string; quantity: number; approximate?: boolean }[]): Map<string, { quantity: number; approximate: boolean }> {
  const out = new Map<string, { quantity: number; approximate: boolean }>();
  for (const l of lines) {
    const prev = out.get(l.sku);
    out.set(l.sku, { quantity: (prev?.quantity ?? 0) + l.quantity, approximate: (prev?.approximate ?? false) || l.approximate === true });
  }
  return out;
}

/** Runs one request and compares. */
export function scoreRequest(request: LabelledRequest, items: PriceItem[], options: LinesOptions = {}): RequestResult {
  const result = linesFromText(request.text, items, options);
  const got = sums(result.lines);
  const want = sums(request.expected);
  let rightSkus = 0;
  let rightQuantities = 0;
  let approxRight = 0;
  for (const [sku, w] of want) {
    const g = got.get(sku);
    if (!g) continue;
    rightSkus++;
    if (g.quantity === w.quantity) rightQuantities++;
    if (g.approximate === w.approximate) approxRight++;
  }
  const exact = rightSkus === want.size && got.size === want.size && rightQuantities === want.size;
  return {
    request,
    exact,
    expectedSkus: want.size,
    foundSkus: got.size,
    rightSkus,
    rightQuantities,
    approxRight,
    unmatchedRight: result.unmatched.length === request.unmatched,
    got: result.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, approximate: l.approximate })),
    unmatched: result.unmatched,
  };
}

/** The figures over a set of results. */
export function summarise(results: RequestResult[]): Score {
  const n = results.length;
  const sum = (f: (r: RequestResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const found = sum((r) => r.foundSkus);
  const expected = sum((r) => r.expectedSkus);
  const right = sum((r) => r.rightSkus);
  return {
    requests: n,
    exact: n ? sum((r) => (r.exact ? 1 : 0)) / n : 0,
    precision: found ? right / found : 1,
    recall: expected ? right / expected : 1,
    quantity: right ? sum((r) => r.rightQuantities) / right : 1,
    unmatched: n ? sum((r) => (r.unmatchedRight ? 1 : 0)) / n : 0,
    approximate: right ? sum((r) => r.approxRight) / right : 1,
  };
}

/** Runs the whole set. */
export function scoreAll(requests: LabelledRequest[], items: PriceItem[], options: LinesOptions = {}): RequestResult[] {
  return requests.map((r) => scoreRequest(r, items, options));
}
