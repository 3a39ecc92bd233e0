/**
 * The search benchmark's corpus: deterministic (seeded), realistic Danish and English
 * business passages of 60–120 words for N companies of different trades, spread unevenly
 * (Zipf-like) over the companies, and customer questions built from the same vocabularies.
 */
import { estimateTokens } from '../../core/search/text/index.ts';
import { Rng, seedOf } from './prng.ts';
import { QUESTIONS, TOPICS, type Topic } from './templates.ts';
import {
  ASSOCIATIONS, DAYS, FIRST_NAMES, type Item, MONTHS, NAME_WORDS, PLACES, type Place, STREETS, SURNAMES, TRADES, type Trade, UNITS,
} from './vocab.ts';

export type Lang = 'da' | 'en';

export interface BenchCompany {
  index: number;
  name: string;
  domain: string;
  trade: Trade;
  place: Place;
  street: string;
  phone: string;
  items: Item[];
  persons: string[];
  founded: number;
  employees: number;
  cvr: string;
  assoc: string;
  open: number;
  close: number;
  /** How many chunks this company gets. */
  chunkCount: number;
}

export interface BenchChunk {
  ordinal: number;
  content: string;
  lang: Lang;
  tokens: number;
  headingPath: string[];
}

export interface BenchDocument {
  companyIndex: number;
  sourceType: string;
  sourceId: string;
  visibility: 'public' | 'internal';
  title: string;
  lang: Lang;
  chunks: BenchChunk[];
}

export interface BenchQuery {
  companyIndex: number;
  lang: Lang;
  topic: Topic;
  text: string;
}

export interface Corpus {
  companies: BenchCompany[];
  documents: BenchDocument[];
  chunkCount: number;
}

const MIN_WORDS = 60;
const MAX_WORDS = 120;
const TOPIC_LIST = Object.keys(TOPICS) as Topic[];

/**
 * Chunk counts per company: proportional to 1/rank^exponent (Zipf), at least `floor` each,
 * summing to `size`.
 */
export function zipfCounts(size: number, companies: number, exponent: number, floor = 20): number[] {
  const min = Math.min(floor, Math.floor(size / companies));
  const weights = Array.from({ length: companies }, (_, k) => 1 / (k + 1) ** exponent);
  const total = weights.reduce((a, b) => a + b, 0);
  const rest = size - min * companies;
  const counts = weights.map((w) => min + Math.floor((rest * w) / total));
  counts[0]! += size - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** Companies and their documents (chunked passages), the same for the same arguments. */
export function generateCorpus(options: { size: number; companies: number; exponent?: number; seed?: number }): Corpus {
  const counts = zipfCounts(options.size, options.companies, options.exponent ?? 0.8);
  const seed = options.seed ?? 2026;
  const companies = counts.map((count, index) => makeCompany(index, count, seed));
  const documents: BenchDocument[] = [];
  for (const company of companies) documents.push(...companyDocuments(company, seed));
  return { companies, documents, chunkCount: counts.reduce((a, b) => a + b, 0) };
}

function makeCompany(index: number, chunkCount: number, seed: number): BenchCompany {
  const rng = new Rng(seedOf(`company:${seed}:${index}`));
  const trade = TRADES[index % TRADES.length]!;
  const word = NAME_WORDS[index % NAME_WORDS.length]!;
  const round = Math.floor(index / (NAME_WORDS.length * TRADES.length));
  const suffix = trade.suffixes[index % trade.suffixes.length]!;
  const name = `${word} ${suffix}${round > 0 ? ` ${round + 1}` : ''} ${rng.pick(['ApS', 'ApS', 'A/S', 'I/S'])}`;
  const place = PLACES[(index * 7) % PLACES.length]!;
  return {
    index,
    name,
    domain: `${slug(`${word} ${suffix}`)}${round > 0 ? round + 1 : ''}.dk`,
    trade,
    place,
    street: `${rng.pick(STREETS)} ${rng.int(1, 140)}`,
    phone: Array.from({ length: 4 }, (_, k) => String(k === 0 ? rng.int(20, 99) : rng.int(10, 99))).join(' '),
    items: rng.sample(trade.items, rng.int(5, 7)),
    persons: rng.sample(FIRST_NAMES, 3).map((first) => `${first} ${rng.pick(SURNAMES)}`),
    founded: rng.int(1962, 2021),
    employees: rng.int(3, 85),
    cvr: Array.from({ length: 4 }, () => String(rng.int(10, 99))).join(' '),
    assoc: rng.pick(ASSOCIATIONS),
    open: rng.pick([7, 7.5, 8, 9, 10]),
    close: rng.pick([15.5, 16, 17, 17.5, 18, 21]),
    chunkCount,
  };
}

function companyDocuments(company: BenchCompany, seed: number): BenchDocument[] {
  const rng = new Rng(seedOf(`documents:${seed}:${company.index}`));
  const documents: BenchDocument[] = [];
  let left = company.chunkCount;
  let serial = 0;
  while (left > 0) {
    const topic = weightedTopic(rng);
    const spec = TOPICS[topic];
    const lang: Lang = rng.chance(0.5) ? 'da' : 'en';
    const size = Math.min(left, chunksPerDocument(rng));
    const sourceType = rng.pick(spec.sourceTypes);
    const first = rng.pick(company.items);
    const title = fill(rng.pick(spec.title[lang]), slots(company, lang, first, rng));
    const chunks: BenchChunk[] = [];
    for (let ordinal = 0; ordinal < size; ordinal++) {
      // Multi-part documents (a price list, a product catalogue) go through the items.
      const item = ordinal === 0 ? first : company.items[(company.items.indexOf(first) + ordinal) % company.items.length]!;
      const content = passage(company, topic, lang, item, rng);
      const headingPath = size > 1 && (topic === 'price' || topic === 'product' || topic === 'warranty') ? [capitalize(item[lang])] : [];
      chunks.push({ ordinal, content, lang, tokens: estimateTokens(content), headingPath });
    }
    documents.push({
      companyIndex: company.index,
      sourceType,
      sourceId: `${sourceType}-${company.index}-${serial++}`,
      visibility: sourceType === 'email' || sourceType === 'chat' || rng.chance(0.15) ? 'internal' : 'public',
      title,
      lang,
      chunks,
    });
    left -= size;
  }
  return documents;
}

/** 1 to 12 chunks, mostly few: the size of web pages, articles and price lists. */
function chunksPerDocument(rng: Rng): number {
  const x = rng.next();
  return x < 0.35 ? 1 : x < 0.6 ? rng.int(2, 3) : x < 0.85 ? rng.int(4, 6) : rng.int(7, 12);
}

function weightedTopic(rng: Rng): Topic {
  const total = TOPIC_LIST.reduce((sum, t) => sum + TOPICS[t].weight, 0);
  let x = rng.next() * total;
  for (const topic of TOPIC_LIST) {
    x -= TOPICS[topic].weight;
    if (x < 0) return topic;
  }
  return TOPIC_LIST[0]!;
}

/** One passage of 60–120 words on `topic` about `item`. */
function passage(company: BenchCompany, topic: Topic, lang: Lang, item: Item, rng: Rng): string {
  const target = rng.int(MIN_WORDS + 10, MAX_WORDS - 5);
  const sentences: string[] = [];
  let words = 0;
  const pools = [rng.shuffle(TOPICS[topic][lang]), rng.shuffle(TOPICS[rng.pick(['product', 'booking', 'about', 'price'] as Topic[])][lang])];
  for (const pool of pools) {
    for (const template of pool) {
      // Most sentences are about the passage's item; some mention another of the company's.
      const focus = rng.chance(0.8) ? item : rng.pick(company.items);
      const sentence = fill(template, slots(company, lang, focus, rng));
      const n = wordCount(sentence);
      if (words + n > MAX_WORDS) continue;
      sentences.push(sentence);
      words += n;
      if (words >= target) return sentences.join(' ');
    }
  }
  return sentences.join(' ');
}

/** Customer questions, round-robin over the companies, in Danish and English. */
export function generateQueries(companies: BenchCompany[], count: number, seed = 2026): BenchQuery[] {
  const rng = new Rng(seedOf(`queries:${seed}`));
  const queries: BenchQuery[] = [];
  for (let q = 0; q < count; q++) {
    const company = companies[q % companies.length]!;
    const lang: Lang = rng.chance(0.5) ? 'da' : 'en';
    const topic = weightedTopic(rng);
    const text = fill(rng.pick(QUESTIONS[topic][lang]), slots(company, lang, rng.pick(company.items), rng));
    queries.push({ companyIndex: company.index, lang, topic, text });
  }
  return queries;
}

type Slots = (name: string) => string;

interface SlotState {
  item: Item;
  rng: Rng;
  resolve: Slots;
}

const slotCache = new WeakMap<BenchCompany, Partial<Record<Lang, SlotState>>>();

/** The slot values of a company in a language, for `item`, drawing randomness from `rng`. */
function slots(company: BenchCompany, lang: Lang, item: Item, rng: Rng): Slots {
  let byLang = slotCache.get(company);
  if (!byLang) slotCache.set(company, (byLang = {}));
  let state = byLang[lang];
  if (!state) state = byLang[lang] = makeSlots(company, lang);
  state.item = item;
  state.rng = rng;
  return state.resolve;
}

function makeSlots(company: BenchCompany, lang: Lang): SlotState {
  const state = { item: company.items[0]!, rng: new Rng(0) } as SlotState;
  const rng = {
    pick: <T>(items: readonly T[]) => state.rng.pick(items),
    int: (min: number, max: number) => state.rng.int(min, max),
    next: () => state.rng.next(),
  };
  const other = () => {
    const item = state.item;
    const rest = company.items.filter((x) => x !== item);
    return rest.length ? rng.pick(rest) : item;
  };
  const price = (factor: number) => formatPrice(state.item, lang, state.rng, factor);
  const otherPlace = () => PLACES[(company.index * 7 + rng.int(1, PLACES.length - 1)) % PLACES.length]!.city;
  const time = (hours: number) => {
    const h = Math.floor(hours);
    const m = hours % 1 ? '30' : '00';
    return lang === 'da' ? `${h}.${m}` : `${h}:${m}`;
  };
  const values: Record<string, () => string> = {
    co: () => company.name,
    trade: () => company.trade[lang],
    role: () => company.trade.role[lang],
    item: () => state.item[lang],
    Item: () => capitalize(state.item[lang]),
    item2: () => other()[lang],
    price: () => price(1),
    price2: () => price(rng.int(2, 4)),
    city: () => company.place.city,
    city2: otherPlace,
    zip: () => company.place.zip,
    region: () => company.place.region[lang],
    street: () => company.street,
    phone: () => company.phone,
    email: () => `${rng.pick(['kontakt', 'info', 'salg', 'kundeservice'])}@${company.domain}`,
    web: () => `www.${company.domain}`,
    person: () => rng.pick(company.persons),
    day: () => rng.pick(DAYS[lang].slice(0, 6)),
    month: () => rng.pick(MONTHS[lang]),
    date: () => (lang === 'da' ? `${rng.int(1, 28)}. ${rng.pick(MONTHS.da)}` : `${rng.int(1, 28)} ${rng.pick(MONTHS.en)}`),
    n: () => String(rng.int(2, 5)),
    n2: () => String(rng.int(6, 14)),
    pct: () => String(rng.pick([5, 10, 15, 20, 25, 30, 50])),
    years: () => String(rng.pick([2, 3, 5, 10, 15, 20, 25])),
    weeks: () => String(rng.int(2, 8)),
    months: () => String(rng.pick([1, 3, 6, 12, 24])),
    days: () => String(rng.pick([8, 14, 30])),
    km: () => String(rng.pick([25, 40, 50, 75, 100])),
    kmprice: () => (lang === 'da' ? `${rng.int(4, 12)},${rng.pick(['00', '50', '95'])}` : `${rng.int(4, 12)}.${rng.pick(['00', '50', '95'])}`),
    open: () => time(company.open),
    close: () => time(company.close),
    satopen: () => time(Math.max(company.open, 9)),
    satclose: () => time(rng.pick([12, 13, 14, 15])),
    friclose: () => time(Math.min(company.close, rng.pick([14, 15, 15.5]))),
    year: () => String(company.founded),
    employees: () => String(company.employees),
    cvr: () => company.cvr,
    assoc: () => company.assoc,
    count: () => thousands(rng.pick([120, 250, 400, 800, 1200, 2500, 3000]), lang),
    week: () => String(rng.int(28, 31)),
    rating: () => (lang === 'da' ? rng.pick(['4,6', '4,7', '4,8', '4,9']) : rng.pick(['4.6', '4.7', '4.8', '4.9'])),
  };
  state.resolve = (name) => values[name]?.() ?? `{${name}}`;
  return state;
}

function fill(template: string, value: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}

/** A plausible price of `item` times `factor`, written the Danish or the English way. */
function formatPrice(item: Item, lang: Lang, rng: Rng, factor: number): string {
  const [min, max] = item.price;
  if (max === 0) return lang === 'da' ? 'gratis' : 'free of charge';
  const raw = (min + rng.next() * (max - min)) * factor;
  const step = raw >= 20_000 ? 500 : raw >= 2_000 ? 100 : raw >= 200 ? 5 : 1;
  const amount = Math.max(step, Math.round(raw / step) * step);
  const unit = factor === 1 ? UNITS[item.unit][lang] : '';
  const n = thousands(amount, lang);
  if (lang === 'da') {
    return rng.pick([`kr. ${n} inkl. moms`, `${n} kr.`, `kr. ${n},-`, `${n} kr. ekskl. moms`]) + unit;
  }
  return rng.pick([`DKK ${n} including VAT`, `DKK ${n}`, `${n} kr.`, `DKK ${n} excl. VAT`]) + unit;
}

function thousands(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae').replaceAll('ø', 'oe').replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
