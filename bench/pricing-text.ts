/**
 * Reading quote lines from customers' text (`npm run bench -- pricing-text`): runs
 * `linesFromText` (plugins/pricing/parse/lines.ts) on the labelled requests of
 * plugins/pricing/testing/requests.ts — the set the rules were developed on, and a held-out set
 * written after them — against its price list of a roofing, gutter and plumbing business, and
 * prints Markdown for BENCHMARKS.md: per set and language the exact-match rate (every expected
 * line with its quantity, nothing extra), line precision and recall (by SKU), quantity accuracy
 * (of the SKUs found and expected), unmatched detection (the number of unmatched parts right),
 * the approximate flag, and the failures. Also the labelled set with the core's Snowball stemmer
 * passed as `stem` (as `ctx.text.stem` gives it to the plugin at runtime), and the speed.
 */
import { cpus, totalmem } from 'node:os';
import { stem } from '../core/search/text/stem.ts';
import { HELD_OUT, PRICE_LIST, REQUESTS, type LabelledRequest } from '../plugins/pricing/testing/requests.ts';
import { scoreAll, summarise, type RequestResult } from '../plugins/pricing/parse/evaluate.ts';
import type { LinesOptions } from '../plugins/pricing/parse/lines.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function rows(name: string, requests: LabelledRequest[], options: LinesOptions = {}): { lines: string[]; results: RequestResult[] } {
  const results = scoreAll(requests, PRICE_LIST, options);
  const lines: string[] = [];
  for (const lang of ['all', 'da', 'en'] as const) {
    const subset = lang === 'all' ? results : results.filter((r) => r.request.lang === lang);
    const s = summarise(subset);
    const exactCount = subset.filter((r) => r.exact).length;
    lines.push(`| ${name} | ${lang === 'all' ? '**all**' : lang} | ${s.requests} | ${lang === 'all' ? `**${pct(s.exact)}**` : pct(s.exact)} (${exactCount}) | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.quantity)} | ${pct(s.unmatched)} | ${pct(s.approximate)} |`);
  }
  return { lines, results };
}

function failure(r: RequestResult): string {
  const want = r.request.expected.map((l) => `${l.sku} ${l.quantity / 1000}`).join(', ') || '—';
  const got = r.got.map((l) => `${l.sku} ${l.quantity / 1000}`).join(', ') || '—';
  const text = r.request.text.replace(/\n+/g, ' ⏎ ').replace(/\|/g, '\\|');
  const what: string[] = [];
  if (!r.exact) what.push(`lines: expected ${want}; got ${got}`);
  if (!r.unmatchedRight) what.push(`unmatched: expected ${r.request.unmatched}, got ${r.unmatched.length}${r.unmatched.length ? ` (${r.unmatched.map((u) => `"${u}"`).join(', ')})` : ''}`);
  return `- \`${r.request.id}\` "${text.length > 120 ? `${text.slice(0, 117)}…` : text}" — ${what.join('; ')}`;
}

export async function runPricingTextBench(): Promise<void> {
  const labelled = rows('labelled (rules developed on it)', REQUESTS);
  const heldOut = rows('held-out (written after)', HELD_OUT);
  const stemmed = rows('labelled, with `stem`', REQUESTS, { stem });

  // Speed: the whole labelled set, repeated.
  const rounds = 20;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) scoreAll(REQUESTS, PRICE_LIST);
  const ms = (performance.now() - started) / (rounds * REQUESTS.length);

  const da = REQUESTS.filter((r) => r.lang === 'da').length;
  console.log(`\n### Pricing: quote lines from text (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version})\n`);
  console.log(`\`npm run bench -- pricing-text\`: \`linesFromText\` on ${REQUESTS.length} labelled requests (${da} Danish, ${REQUESTS.length - da} English) and ${HELD_OUT.length} held-out ones, against a price list of ${PRICE_LIST.length} items (plugins/pricing/testing/requests.ts). Lines compared per SKU, quantities summed; exact = every expected SKU with its quantity and nothing extra.\n`);
  console.log('| set | language | requests | exact match | line precision | line recall | quantity accuracy | unmatched detection | approximate flag |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const line of [...labelled.lines, ...heldOut.lines, ...stemmed.lines]) console.log(line);
  console.log(`\n${ms.toFixed(2)} ms per request (no model, no database).\n`);
  for (const [name, set] of [['labelled', labelled], ['held-out', heldOut]] as const) {
    const failures = set.results.filter((r) => !r.exact || !r.unmatchedRight);
    console.log(`Failures, ${name} (${failures.length}):\n`);
    console.log(failures.length ? failures.map(failure).join('\n') : '- none');
    console.log('');
  }
}
