/**
 * Deterministic, realistic mail for tests and benchmarks: Danish and English business mail between
 * a roofing firm's staff and its customers, in threads, as real clients write it (Outlook, Gmail,
 * Apple Mail, Thunderbird, old webmail, an invoicing system, newsletters, auto-replies).
 *
 * Every message is a pure function of (index, seed, domain): no Math.random, no clock, no cache
 * that could change the bytes. Nothing here is real: domains, names and numbers are made up, IP
 * addresses are from the documentation ranges, and the "PDF" attachments are a few marked bytes.
 */

/**
 * @example
 * corpusMessage(5, { seed: 2, domain: 'nordtag.dk' });
 */
export type CorpusOptions = {
  /** Different seeds give different, equally realistic corpora. Default 1. */
  seed?: number;
  /** Our own domain, the staff's addresses. Default 'tagfirma.dk'. */
  domain?: string;
};

/**
 * The charset a message's text parts (and its RFC 2047 words) are written in.
 *
 * @example
 * const latin1 = [...corpus(500)].filter((m) => m.charset === 'iso-8859-1');
 */
export type Charset = 'utf-8' | 'iso-8859-1' | 'windows-1252';

/**
 * One generated message and what a correct parser should find in it.
 *
 * @example
 * const m = corpusMessage(7);
 * expect((await simpleParser(m.raw)).subject).toBe(m.subject);
 */
export type CorpusMessage = {
  index: number;
  /** The RFC 822 message: CRLF line endings, well-formed MIME. */
  raw: Buffer;
  /** Without angle brackets; '' for the ~2 % of messages sent without a Message-ID header. */
  messageId: string;
  /** Same for every message of one conversation, whatever headers link them. */
  threadKey: string;
  /** Addresses (lower case), no display names. */
  from: string;
  to: string[];
  cc: string[];
  /** The decoded subject, as a parser should return it. */
  subject: string;
  lang: 'da' | 'en';
  kind: 'mail' | 'newsletter' | 'auto_reply';
  date: Date;
  /** Without angle brackets; null when the message has no In-Reply-To (first messages, subject-only replies). */
  inReplyTo: string | null;
  references: string[];
  /** The plain text the message carries (LF line breaks); for HTML-only mail, the text its HTML was made from. */
  text: string;
  /** The sender's own words and signature: `text` without the quoted history. */
  ownText: string;
  htmlOnly: boolean;
  charset: Charset;
  attachments: string[];
};

/**
 * The message at position `i` of the corpus.
 *
 * @example
 * const m = corpusMessage(0);
 * m.raw;       // <Buffer 52 65 63 65 ...> "Received: from mail.jensens-vvs.dk ..."
 * m.threadKey; // 't3': messages with the same key belong to one conversation
 */
export function corpusMessage(i: number, options: CorpusOptions = {}): CorpusMessage {
  if (!Number.isInteger(i) || i < 0) throw new RangeError(`corpus index must be a non-negative integer, got ${i}`);
  const world = worldOf(options);
  const [tid, pos] = locate(world, i);
  return render(world, thread(world, tid), pos, i);
}

/**
 * Messages 0 … count-1, generated one at a time (a 100,000-message corpus never sits in memory).
 *
 * @example
 * for (const m of corpus(300, { seed: 7 })) await ingest(m.raw);
 */
export function* corpus(count: number, options: CorpusOptions = {}): Generator<CorpusMessage> {
  for (let i = 0; i < count; i++) yield corpusMessage(i, options);
}

/**
 * The right threading of the first `count` messages: thread key → message indices in mailbox
 * order, without generating any message. Replies that lack In-Reply-To/References (~15 %) are
 * in their thread here; only their subject links them, and every thread's subject carries a
 * reference number of its own, so subject threading has exactly one right answer.
 *
 * @example
 * const expected = threadsOf(500);
 * expected.get('t3'); // [4, 9, 12]
 */
export function threadsOf(count: number, options: CorpusOptions = {}): Map<string, number[]> {
  const world = worldOf(options);
  const threads = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const key = `t${locate(world, i)[0]}`;
    const list = threads.get(key);
    if (list) list.push(i);
    else threads.set(key, [i]);
  }
  return threads;
}

// ---------------------------------------------------------------------------------------------
// Randomness: a hash of the keys seeds a small generator, so any message is reachable directly.

class Rng {
  private state: number;
  constructor(...keys: number[]) {
    let h = 0x811c9dc5;
    for (const key of keys) h = mix(h ^ mix((key | 0) + 0x9e3779b9) ^ Math.floor(key / 0x100000000));
    this.state = h;
  }
  /** mulberry32: tiny, fast, and good enough for test data. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let r = this.next() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.int(16).toString(16);
    return s;
  }
  digits(n: number): string {
    let s = String(this.between(1, 9));
    while (s.length < n) s += String(this.int(10));
    return s;
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const NS_BLOCK = 1;
const NS_THREAD = 2;
const NS_MESSAGE = 3;

// ---------------------------------------------------------------------------------------------
// Layout: threads come in blocks of six whose messages interleave (a threader must not rely on
// replies being next to each other); within a thread, mailbox order is date order.

const THREADS_PER_BLOCK = 6;

type World = {
  seed: number;
  domain: string;
  company: string;
  /** starts[b] = index of block b's first message; grown on demand. */
  starts: number[];
  orders: Map<number, Array<readonly [number, number]>>;
  threads: Map<number, Thread>;
  contents: Map<string, Content>;
};

const worlds = new Map<string, World>();

function worldOf(options: CorpusOptions): World {
  const seed = options.seed ?? 1;
  const domain = (options.domain ?? 'tagfirma.dk').toLowerCase();
  const key = `${seed}|${domain}`;
  let world = worlds.get(key);
  if (!world) {
    const label = domain.split('.')[0] ?? domain;
    const company = `${label.charAt(0).toUpperCase()}${label.slice(1)} ApS`;
    world = { seed, domain, company, starts: [0], orders: new Map(), threads: new Map(), contents: new Map() };
    worlds.set(key, world);
  }
  return world;
}

/** Caches are bounded and only ever hold what the same pure functions would compute again. */
function remember<K, V>(map: Map<K, V>, key: K, make: () => V, limit = 4096): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}

function blockOrder(world: World, block: number): Array<readonly [number, number]> {
  return remember(world.orders, block, () => {
    const rng = new Rng(world.seed, NS_BLOCK, block);
    const left = Array.from({ length: THREADS_PER_BLOCK }, (_, k) => thread(world, block * THREADS_PER_BLOCK + k).messages.length);
    const next = new Array<number>(THREADS_PER_BLOCK).fill(0);
    const order: Array<readonly [number, number]> = [];
    for (let total = left.reduce((a, b) => a + b, 0); total > 0; total--) {
      // Picking a thread in proportion to its remaining messages gives a uniform interleaving.
      let r = rng.int(total);
      let k = 0;
      while (r >= (left[k] as number)) r -= left[k++] as number;
      order.push([block * THREADS_PER_BLOCK + k, next[k] as number]);
      next[k] = (next[k] as number) + 1;
      left[k] = (left[k] as number) - 1;
    }
    return order;
  }, 256);
}

function locate(world: World, i: number): readonly [number, number] {
  const { starts } = world;
  while ((starts[starts.length - 1] as number) <= i) {
    const block = starts.length - 1;
    starts.push((starts[block] as number) + blockOrder(world, block).length);
  }
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return blockOrder(world, lo)[i - (starts[lo] as number)] as readonly [number, number];
}

// ---------------------------------------------------------------------------------------------
// Threads: who writes to whom about what, and how each message links to the one before.

type Client = 'outlook' | 'outlook-de' | 'gmail' | 'apple' | 'thunderbird' | 'legacy' | 'webmail' | 'invoicing' | 'newsletter';
type Zone = 'dk' | 'uk' | 'us';
type Lang = 'da' | 'en';

type Person = {
  name: string;
  first: string;
  address: string;
  client: Client;
  zone: Zone;
  company: string | null;
  titles: Record<Lang, string> | null;
  phone: string | null;
  staff: boolean;
};

type Newsletter = { name: string; address: string; listId: string; unsubscribe: string; mailto: string; lang: Lang };

type MessagePlan = {
  side: 'us' | 'them';
  /** Position of the message this one answers. */
  parent: number | null;
  auto: boolean;
  /** A reply whose client sent neither In-Reply-To nor References. */
  bare: boolean;
  noId: boolean;
  ms: number;
};

type Thread = {
  tid: number;
  kind: 'customer' | 'internal' | 'newsletter' | 'invoice';
  lang: Lang;
  us: Person;
  them: Person;
  cc: Person | null;
  newsletter: Newsletter | null;
  topic: Topic;
  ref: number;
  addr: string;
  subject: string;
  messages: MessagePlan[];
};

/** Tuned so that ~5 % of messages are newsletters, ~3 % auto-replies, ~2 % lack a Message-ID (corpus.test.ts checks). */
const P_NEWSLETTER_THREAD = 0.12;
const P_INVOICE_THREAD = 0.06;
const P_INTERNAL_THREAD = 0.06;
const P_AUTO_REPLY = 0.15;
const P_BARE_REPLY = 0.15;
const P_NO_ID_LAST = 0.045;
const LENGTHS = [[1, 35], [2, 25], [3, 15], [4, 12], [5, 8], [6, 5]] as const;

const YEAR_START = Date.UTC(2026, 0, 2);
const YEAR_DAYS = 343; // threads start by 10 December, so replies stay in 2026

function thread(world: World, tid: number): Thread {
  return remember(world.threads, tid, () => {
    const rng = new Rng(world.seed, NS_THREAD, tid);
    const roll = rng.next();
    const kind: Thread['kind'] =
      roll < P_NEWSLETTER_THREAD ? 'newsletter'
      : roll < P_NEWSLETTER_THREAD + P_INVOICE_THREAD ? 'invoice'
      : roll < P_NEWSLETTER_THREAD + P_INVOICE_THREAD + P_INTERNAL_THREAD ? 'internal'
      : 'customer';
    const length = kind === 'newsletter' ? 1 : rng.weighted(LENGTHS);
    const lang: Lang = rng.chance(0.7) ? 'da' : 'en';
    const staff = STAFF.map((s) => staffPerson(world, s));
    const us = kind === 'invoice' ? (staff[3] as Person) : rng.pick(staff);
    const newsletter = kind === 'newsletter' ? rng.pick(NEWSLETTERS.filter((n) => n.lang === lang)) : null;
    const them = newsletter
      ? { name: newsletter.name, first: newsletter.name, address: newsletter.address, client: 'newsletter' as const, zone: 'dk' as const, company: newsletter.name, titles: null, phone: null, staff: false }
      : kind === 'internal' ? rng.pick(staff.filter((s) => s !== us))
      : customer(rng, lang);
    const cc = kind === 'customer' && rng.chance(0.15) ? rng.pick(staff.filter((s) => s !== us)) : null;
    const topic = kind === 'invoice' ? INVOICE_TOPIC : kind === 'internal' ? rng.pick(INTERNAL_TOPICS) : rng.pick(TOPICS);
    const ref = 4000 + tid;
    const addr = `${rng.pick(STREETS)} ${rng.between(1, 140)}`;
    const starter = kind === 'invoice' ? 'us' : kind === 'newsletter' ? 'them' : rng.chance(0.6) ? 'them' : 'us';
    const messages = planMessages(rng, kind, length, starter);
    const month = months(lang)[new Date((messages[0] as MessagePlan).ms).getUTCMonth()] as string;
    const subject = newsletter ? rng.pick(NEWSLETTER_SUBJECTS[lang])(ref, month) : topic[lang].subject(ref, addr, world.company);
    return { tid, kind, lang, us, them, cc, newsletter, topic, ref, addr, subject, messages };
  });
}

function planMessages(rng: Rng, kind: Thread['kind'], length: number, starter: 'us' | 'them'): MessagePlan[] {
  const other = (side: 'us' | 'them') => (side === 'us' ? 'them' : 'us');
  const real = kind === 'newsletter' ? 1 : length;
  const sides = Array.from({ length: real }, (_, k) => (k % 2 === 0 ? starter : other(starter)));
  // An auto-reply answers one of our messages (the customer is away), and takes one place in the thread.
  const candidates = sides.slice(0, real - 1).flatMap((side, k) => (side === 'us' ? [k] : []));
  const autoAfter = kind !== 'newsletter' && candidates.length > 0 && rng.chance(P_AUTO_REPLY) ? rng.pick(candidates) : -1;
  const plans: MessagePlan[] = [];
  let ms = YEAR_START + rng.int(YEAR_DAYS) * 86_400_000 + localHour(rng) * 3_600_000 + rng.int(3_600_000) - 3_600_000;
  let previousReal: number | null = null;
  for (let k = 0; k < (autoAfter >= 0 ? real - 1 : real); k++) {
    if (plans.length > 0) ms += Math.round(Math.exp(Math.log(600_000) + rng.next() * Math.log(260_000_000 / 600_000)));
    const isReply = previousReal !== null;
    plans.push({ side: sides[k] as 'us' | 'them', parent: previousReal, auto: false, bare: isReply && rng.chance(P_BARE_REPLY), noId: false, ms });
    previousReal = plans.length - 1;
    if (k === autoAfter) {
      plans.push({ side: 'them', parent: previousReal, auto: true, bare: false, noId: false, ms: ms + rng.between(4_000, 90_000) });
    }
  }
  const last = plans[plans.length - 1] as MessagePlan;
  last.noId = rng.chance(P_NO_ID_LAST);
  return plans;
}

function localHour(rng: Rng): number {
  return rng.chance(0.9) ? rng.between(7, 16) : rng.between(17, 22);
}

function staffPerson(world: World, s: (typeof STAFF)[number]): Person {
  return { name: s.name, first: s.first, address: `${s.local}@${world.domain}`, client: 'outlook', zone: 'dk', company: world.company, titles: s.titles, phone: '+45 86 12 34 56', staff: true };
}

function customer(rng: Rng, lang: Lang): Person {
  const where = lang === 'da'
    ? rng.weighted([['business', 60], ['free', 40]] as const)
    : rng.weighted([['foreign', 55], ['business', 25], ['free', 20]] as const);
  const names = where === 'foreign' ? EN_NAMES : DA_NAMES;
  const first = rng.pick(names.first);
  const last = rng.pick(names.last);
  const name = `${first} ${last}`;
  if (where === 'free') {
    const [domain, client] = rng.pick(FREE_MAIL);
    const local = rng.chance(0.5) ? `${asciiName(first)}.${asciiName(last)}` : `${asciiName(first)}${asciiName(last).slice(0, 3)}${rng.between(60, 99)}`;
    return { name, first, address: `${local}@${domain}`, client, zone: 'dk', company: null, titles: null, phone: null, staff: false };
  }
  const [company, domain, zone] = rng.pick(where === 'foreign' ? FOREIGN_BUSINESSES : DA_BUSINESSES);
  const client: Client = where === 'foreign'
    ? rng.weighted([['outlook', 50], ['gmail', 20], ['apple', 12], ['thunderbird', 10], ['legacy', 8]] as const)
    : rng.weighted([['outlook', 50], ['outlook-de', 6], ['legacy', 14], ['thunderbird', 12], ['apple', 10], ['webmail', 8]] as const);
  const local = rng.chance(0.6) ? asciiName(first) : `${asciiName(first)}.${asciiName(last)}`;
  const phone = zone === 'us' ? `+1 312 555 0${rng.between(100, 199)}` : zone === 'uk' ? `+44 20 7946 0${rng.between(100, 999)}` : `+45 ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
  return { name, first, address: `${local}@${domain}`, client, zone, company, titles: null, phone, staff: false };
}

/** Danish letters as Danes spell them in addresses. */
function asciiName(s: string): string {
  return s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Content: who sends, when, which words, which encoding.

type Content = {
  plan: MessagePlan;
  sender: Person;
  recipients: Person[];
  cc: Person[];
  client: Client;
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  ms: number;
  offset: number;
  charset: Charset;
  ownText: string;
    /**
   * plain: Outlook's header block and the text as is; prefixed: "> " lines; tight: ">" lines.
   * bottomPost: the quote comes first and the reply under it (some Thunderbird users).
   */
  quote: { header: string[]; style: 'plain' | 'prefixed' | 'tight'; text: string; bottomPost: boolean } | null;
  text: string;
  threadIndex: string;
  attachment: string | null;
};

function content(world: World, t: Thread, pos: number): Content {
  return remember(world.contents, `${t.tid}.${pos}`, () => {
    const plan = t.messages[pos] as MessagePlan;
    const rng = new Rng(world.seed, NS_MESSAGE, t.tid, pos);
    const parent = plan.parent === null ? null : content(world, t, plan.parent);
    const sender = plan.side === 'us' ? t.us : t.them;
    const recipients = [plan.side === 'us' ? t.them : t.us];
    const client: Client = t.kind === 'invoice' && pos === 0 ? 'invoicing' : sender.staff && rng.chance(0.15) ? 'apple' : sender.client;
    const charset = pickCharset(rng, client);
    const offset = zoneOffset(sender.staff && client === 'outlook' ? 'utc' : sender.zone, plan.ms);
    const subject = fitCharset(
      pos === 0 ? t.subject : plan.auto ? `${t.lang === 'da' ? 'Automatisk svar' : 'Automatic reply'}: ${parent?.subject}` : replySubject(parent?.subject ?? t.subject, client, t.lang),
      charset,
    );
    const messageId = plan.noId ? '' : makeMessageId(rng, client, sender, t.tid, pos, plan.ms, world.domain);
    const linked = parent && !plan.bare;
    const inReplyTo = linked && parent.messageId ? parent.messageId : null;
    const references = linked ? [...parent.references, ...(parent.messageId ? [parent.messageId] : [])] : [];
    const attachment = attachmentOf(rng, t, pos, plan, client);
    const own = fitCharset(ownWords(rng, world, t, pos, sender, recipients[0] as Person, client, attachment), charset);
    const quote = parent && !plan.auto && t.kind !== 'newsletter' ? quoteOf(rng, client, t.lang, parent, offsetFor(sender, client, parent.ms), charset) : null;
    const wrapped = client === 'thunderbird' || client === 'legacy' ? wrap(own, 72) : own;
    // The quoted history is re-encoded too: a Latin-1 client quoting a UTF-8 message loses its € and –.
    const text = fitCharset(!quote ? wrapped
      : quote.bottomPost ? [...quote.header, ...quoted(quote), '', wrapped].join('\n')
      : [wrapped, '', ...quote.header, ...quoted(quote)].join('\n'), charset);
    const threadIndex = outlookThreadIndex(world, t, pos);
    return { plan, sender, recipients, cc: t.cc ? [t.cc] : [], client, subject, messageId, inReplyTo, references, ms: plan.ms, offset, charset, ownText: wrapped, quote, text, threadIndex, attachment };
  });
}

function quoted(quote: NonNullable<Content['quote']>): string[] {
  const lines = quote.text.split('\n');
  if (quote.style === 'plain') return ['', ...lines];
  if (quote.style === 'tight') return lines.map((line) => `>${line}`);
  return lines.map((line) => (line === '' ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`));
}

function pickCharset(rng: Rng, client: Client): Charset {
  switch (client) {
    case 'outlook':
    case 'outlook-de':
      return rng.chance(0.25) ? 'windows-1252' : 'utf-8';
    case 'legacy':
      return 'iso-8859-1';
    case 'invoicing':
      return 'windows-1252';
    case 'webmail':
      return rng.chance(0.3) ? 'windows-1252' : 'utf-8';
    default:
      return 'utf-8';
  }
}

function offsetFor(person: Person, client: Client, ms: number): number {
  return zoneOffset(person.staff && client === 'outlook' ? 'dk' : person.zone, ms);
}

/** Minutes east of UTC. Denmark and the UK switch on 29 March and 25 October 2026 (01:00 UTC). */
function zoneOffset(zone: Zone | 'utc', ms: number): number {
  const summer = ms >= Date.UTC(2026, 2, 29, 1) && ms < Date.UTC(2026, 9, 25, 1);
  if (zone === 'dk') return summer ? 120 : 60;
  if (zone === 'uk') return summer ? 60 : 0;
  if (zone === 'us') return -300; // kept fixed: the corpus wants a negative zone, not US DST rules
  return 0; // Exchange Online stamps Date in UTC
}

function replySubject(parent: string, client: Client, lang: Lang): string {
  const known = /^(?:SV|RE|AW|Sv|Re|Aw|Vs):\s*/;
  if (client === 'outlook' || client === 'outlook-de' || client === 'legacy') {
    const prefix = client === 'outlook-de' ? 'AW:' : lang === 'da' ? 'SV:' : 'RE:';
    return `${prefix} ${parent.replace(known, '')}`;
  }
  const prefix = client === 'apple' && lang === 'da' ? 'Sv:' : 'Re:';
  return parent.startsWith(prefix) || parent.startsWith('Re:') ? parent : `${prefix} ${parent}`;
}

function makeMessageId(rng: Rng, client: Client, sender: Person, tid: number, pos: number, ms: number, ourDomain: string): string {
  // The thread and position are part of every id, so ids are unique by construction, not by luck.
  const tag = `${tid.toString(36)}${pos}`;
  const domain = sender.address.split('@')[1] as string;
  const uuid = () => `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${tid.toString(16).padStart(9, '0')}${pos}${rng.hex(2)}`;
  switch (client) {
    case 'outlook':
    case 'outlook-de': {
      const host = `${rng.pick(['AM0', 'DB9', 'VI1', 'PA4', 'AS8'])}PR0${rng.between(1, 9)}MB${rng.digits(4)}`;
      return `${host}${rng.hex(8).toUpperCase()}${tag.toUpperCase()}@${host}.eurprd0${rng.between(1, 9)}.prod.outlook.com`;
    }
    case 'gmail':
      return `CA${base62(rng, 24)}${tag}@mail.gmail.com`;
    case 'apple':
      return `${uuid().toUpperCase()}@${domain}`;
    case 'thunderbird':
      return `${uuid()}@${domain}`;
    case 'legacy':
      return `${stamp(ms)}.${rng.hex(6)}${tag}@mail.${domain}`;
    case 'invoicing':
      return `faktura.${rng.hex(12)}.${tag}@faktura.${ourDomain}`;
    case 'newsletter':
      return `${rng.hex(10)}.${tag}@mail.${domain.replace(/^(?:news|mail)\./, '')}`;
    case 'webmail':
      return domain === 'yahoo.com' ? `${rng.digits(9)}.${rng.digits(7)}.${tag}@mail.yahoo.com` : `${rng.hex(16)}${tag}@webmail.${domain}`;
  }
}

function base62(rng: Rng, n: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let s = '';
  while (s.length < n) s += alphabet[rng.int(62)];
  return s;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Outlook's Thread-Index: 22 bytes for the first message, 5 more per reply. */
function outlookThreadIndex(world: World, t: Thread, pos: number): string {
  const rng = new Rng(world.seed, NS_THREAD, t.tid, 99);
  const bytes = Buffer.alloc(22 + 5 * pos);
  for (let k = 0; k < bytes.length; k++) bytes[k] = rng.int(256);
  return bytes.toString('base64');
}

// ---------------------------------------------------------------------------------------------
// Words: what each message says, in the voice of its sender and the habits of its client.

type Vars = Record<string, string>;

function vars(rng: Rng, world: World, t: Thread, ms: number): Vars {
  const da = t.lang === 'da';
  const price = rng.between(16, 500) * 500;
  const day = rng.between(1, 28);
  const month = rng.int(12);
  const hour = rng.between(7, 15);
  const minutes = rng.chance(0.5) ? '00' : '30';
  const back = new Date(ms + rng.between(2, 14) * 86_400_000);
  return {
    thing: t.topic[t.lang].thing,
    addr: t.addr,
    ref: String(t.ref),
    invoice: `2026-${t.ref}`,
    company: world.company,
    domain: world.domain,
    week: String(rng.between(2, 50)),
    price: thousands(price, da ? '.' : ','),
    eur: thousands(Math.round(price / 7.46 / 10) * 10, ','),
    meters: String(rng.between(40, 400)),
    year: String(rng.between(1958, 1998)),
    weekday: rng.pick(da ? DA_DAYS.slice(1, 6) : EN_DAYS.slice(1, 6)),
    date: da ? `${day}. ${DA_MONTHS[month]}` : `${day} ${EN_MONTHS[month]}`,
    time: da ? `${hour}.${minutes}` : `${hour}:${minutes}`,
    back: da ? `${back.getUTCDate()}. ${DA_MONTHS[back.getUTCMonth()]}` : `${back.getUTCDate()} ${EN_MONTHS[back.getUTCMonth()]}`,
  };
}

/** 18.500 in Danish, 18,500 in English (Intl's toLocaleString would be 50× slower here). */
function thousands(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}

function fill(template: string, values: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`corpus template needs {${name}}`);
    return value;
  });
}

function ownWords(rng: Rng, world: World, t: Thread, pos: number, sender: Person, to: Person, client: Client, attachment: string | null): string {
  const plan = t.messages[pos] as MessagePlan;
  const lang = t.lang;
  const v = { ...vars(rng, world, t, plan.ms), name: sender.name, first: sender.first, phone: sender.phone ?? '+45 70 20 30 40' };
  if (plan.auto) return fill(rng.pick(AUTO_REPLIES[lang]), v);
  if (t.newsletter) return newsletterText(rng, t.newsletter, lang);
  const pool = t.kind === 'internal' ? INTERNAL[lang]
    : t.kind === 'invoice' && pos === 0 ? [INVOICE_TEXT[lang]]
    : pos === 0 ? (plan.side === 'us' ? US_FIRST[lang] : THEM_FIRST[lang])
    : plan.side === 'us' ? US_REPLY[lang] : THEM_REPLY[lang];
  const count = Math.min(pool.length, pos === 0 ? rng.between(2, 4) : rng.between(1, 3));
  const paragraphs = shuffle(rng, pool).slice(0, count).map((p) => fill(p, v));
  if (attachment && t.kind !== 'invoice') paragraphs.push(fill(ATTACHMENT_LINE[lang], v));
  const greeting = pos === 0 && !sender.staff ? rng.pick(lang === 'da' ? ['Hej', 'Goddag', `Hej ${to.first}`] : ['Hello,', `Hi ${to.first},`, 'Dear Sir or Madam,'])
    : rng.pick(lang === 'da' ? [`Hej ${to.first}`, `Hej ${to.first},`, `Kære ${to.first}`] : [`Hi ${to.first},`, `Dear ${to.first},`, `Hello ${to.first},`]);
  return [greeting, '', paragraphs.join('\n\n'), '', signature(rng, world, lang, sender, client, t.kind === 'internal')].join('\n');
}

function signature(rng: Rng, world: World, lang: Lang, sender: Person, client: Client, internal: boolean): string {
  const da = lang === 'da';
  if (internal) return rng.pick(da ? [`/${sender.first}`, `Mvh. ${sender.first}`] : [`/${sender.first}`, `Thanks, ${sender.first}`]);
  const signoff = rng.pick(da ? ['Med venlig hilsen', 'Venlig hilsen', 'Mvh.', 'De bedste hilsner'] : ['Kind regards,', 'Best regards,', 'Thanks,']);
  const phone = da ? 'Tlf.' : 'Phone';
  if (sender.staff && client === 'apple') return `${signoff}\n${sender.first}\n\n${da ? 'Sendt fra min iPhone' : 'Sent from my iPhone'}`;
  if (sender.staff && sender.titles) {
    return `${signoff}\n\n${sender.name}\n${sender.titles[lang]}\n${world.company} · Søndergade 12 · 8000 Aarhus C\n${phone} ${sender.phone} · www.${world.domain}`;
  }
  if (!sender.company) return `${signoff}\n${sender.first}`;
  // Thunderbird and old clients put the standard "-- " signature delimiter (with its trailing space).
  const dash = client === 'thunderbird' || client === 'legacy' ? '-- \n' : '';
  return `${signoff}\n${dash}${sender.name}\n${sender.company}\n${phone} ${sender.phone}`;
}

function newsletterText(rng: Rng, n: Newsletter, lang: Lang): string {
  const da = lang === 'da';
  const offers = shuffle(rng, OFFERS[lang]).slice(0, rng.between(2, 4)).map(([item, price]) => `• ${item}: ${price}`);
  return [
    `${da ? 'Se nyhedsbrevet i din browser' : 'View this email in your browser'}: ${new URL(n.unsubscribe).origin}/web/${rng.hex(10)}`,
    '',
    rng.pick(HEADLINES[lang]),
    '',
    ...offers,
    '',
    da ? 'Tilbuddene gælder, så længe lager haves.' : 'Offers valid while stocks last.',
    '',
    `${da ? 'Du modtager denne mail, fordi du er tilmeldt nyhedsbrevet fra' : 'You receive this email because you subscribed to news from'} ${n.name}.`,
    `${da ? 'Afmeld' : 'Unsubscribe'}: ${n.unsubscribe}?u=${rng.hex(12)}`,
  ].join('\n');
}

function attachmentOf(rng: Rng, t: Thread, pos: number, plan: MessagePlan, client: Client): string | null {
  if (t.kind === 'invoice' && pos === 0) return `Faktura 2026-${t.ref}.pdf`;
  if (plan.auto || plan.side !== 'us' || t.kind !== 'customer' || client !== 'outlook' || !rng.chance(0.08)) return null;
  // A Danish street name in the file name exercises RFC 2047/2231 parameter encoding.
  return t.lang === 'da' ? `Tilbud ${t.ref} ${t.addr.replace(/ \d+$/, '')}.pdf` : `Quote ${t.ref}.pdf`;
}

function quoteOf(rng: Rng, client: Client, lang: Lang, parent: Content, offset: number, charset: Charset): NonNullable<Content['quote']> {
  const at = new Date(parent.ms + offset * 60_000);
  const [y, mo, d, h, mi, wd] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCDay()];
  const hh = String(h).padStart(2, '0');
  const mm = String(mi).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const mon = String(mo + 1).padStart(2, '0');
  const who = `${parent.sender.name} <${parent.sender.address}>`;
  const to = parent.recipients.map((p) => `${p.name} <${p.address}>`).join('; ');
  const da = lang === 'da';
  const plain = (header: string[]) => ({ header: header.map((line) => fitCharset(line, charset)), style: 'plain' as const, text: parent.text, bottomPost: false });
  const attribution = (line: string, style: 'prefixed' | 'tight' = 'prefixed', bottomPost = false) => ({ header: [fitCharset(line, charset)], style, text: parent.text, bottomPost });
  switch (client) {
    case 'outlook':
    case 'invoicing': {
      const old = rng.chance(0.3);
      const mailbox = old ? `${parent.sender.name} [mailto:${parent.sender.address}]` : who;
      const rule = old ? (da ? '-----Oprindelig meddelelse-----' : '-----Original Message-----') : '________________________________';
      return da
        ? plain([rule, `Fra: ${mailbox}`, `Sendt: ${DA_DAYS[wd]} den ${d}. ${DA_MONTHS[mo]} ${y} ${hh}:${mm}`, `Til: ${to}`, `Emne: ${parent.subject}`])
        : plain([rule, `From: ${mailbox}`, `Sent: ${EN_DAYS[wd]}, ${EN_MONTHS[mo]} ${d}, ${y} ${h % 12 || 12}:${mm} ${h < 12 ? 'AM' : 'PM'}`, `To: ${to}`, `Subject: ${parent.subject}`]);
    }
    case 'outlook-de':
      return plain(['________________________________', `Von: ${who}`, `Gesendet: ${DE_DAYS[wd]}, ${d}. ${DE_MONTHS[mo]} ${y} ${hh}:${mm}`, `An: ${to}`, `Betreff: ${parent.subject}`]);
    case 'legacy':
      return attribution(da ? `${parent.sender.name} skrev den ${dd}-${mon}-${y} ${hh}:${mm}:` : `${parent.sender.name} wrote on ${dd}/${mon}/${y} ${hh}:${mm}:`, 'tight');
    case 'thunderbird':
      return attribution(da ? `Den ${dd}.${mon}.${y} kl. ${hh}.${mm} skrev ${parent.sender.name}:` : `On ${dd}/${mon}/${y} ${hh}:${mm}, ${parent.sender.name} wrote:`, 'prefixed', rng.chance(0.5));
    case 'apple':
      return attribution(da ? `Den ${d}. ${DA_MONTHS_SHORT[mo]} ${y} kl. ${hh}.${mm} skrev ${who}:` : `On ${d} ${EN_MONTHS_SHORT[mo]} ${y}, at ${hh}:${mm}, ${who} wrote:`);
    default:
      return attribution(da ? `Den ${DA_DAYS_SHORT[wd]} ${d}. ${DA_MONTHS_SHORT[mo]} ${y} kl. ${hh}.${mm} skrev ${who}:` : `On ${EN_DAYS_SHORT[wd]}, ${d} ${EN_MONTHS_SHORT[mo]} ${y} at ${hh}:${mm}, ${who} wrote:`);
  }
}

/** Hard-wraps long lines at spaces, as clients that send 7bit/8bit text do. */
function wrap(text: string, width: number): string {
  return text.split('\n').map((line) => {
    const out: string[] = [];
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
    return out.join('\n');
  }).join('\n');
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let k = copy.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [copy[k], copy[j]] = [copy[j] as T, copy[k] as T];
  }
  return copy;
}

function months(lang: Lang): readonly string[] {
  return lang === 'da' ? DA_MONTHS : EN_MONTHS;
}

// ---------------------------------------------------------------------------------------------
// MIME: headers, parts and encodings, assembled as a byte ("binary") string, then one Buffer.

type Entity = { headers: string[]; body: string };
type Encoding = 'quoted-printable' | 'base64' | '8bit' | '7bit';

function render(world: World, t: Thread, pos: number, index: number): CorpusMessage {
  const c = content(world, t, pos);
  const rng = new Rng(world.seed, NS_MESSAGE, t.tid, pos, 1);
  const kind: CorpusMessage['kind'] = t.newsletter ? 'newsletter' : c.plan.auto ? 'auto_reply' : 'mail';
  const htmlOnly = kind !== 'auto_reply' && (c.client === 'webmail' || (c.client === 'newsletter' && rng.chance(0.4)));
  const alternative = !htmlOnly && kind !== 'auto_reply' && (['outlook', 'outlook-de', 'gmail', 'newsletter'].includes(c.client) || (c.client === 'apple' && rng.chance(0.3)));
  const label = charsetLabel(c.charset, c.client);
  const encoding = transferEncoding(rng, c.client, c.text);
  const textPart = leaf(`text/plain; charset=${quoteParam(label)}`, encoding, c.text, c.charset);
  const htmlEncoding = encoding === '8bit' || encoding === '7bit' ? 'quoted-printable' : encoding;
  const htmlPart = htmlOnly || alternative ? leaf(`text/html; charset=${quoteParam(label)}`, htmlEncoding, htmlOf(c, label, t.newsletter !== null), c.charset) : null;
  let body: Entity = htmlOnly && htmlPart ? htmlPart : alternative && htmlPart ? multipart(rng, c.client, 'alternative', [textPart, htmlPart]) : textPart;
  if (c.attachment) body = multipart(rng, c.client, 'mixed', [body, pdfPart(c.attachment, c.client, t.ref)]);
  const headers = messageHeaders(rng, world, t, c, label, body, kind);
  const raw = Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body.body}\r\n`, 'latin1');
  return {
    index,
    raw,
    messageId: c.messageId,
    threadKey: `t${t.tid}`,
    from: c.sender.address,
    to: c.recipients.map((p) => p.address),
    cc: c.cc.map((p) => p.address),
    subject: c.subject,
    lang: t.lang,
    kind,
    date: new Date(Math.floor(c.ms / 1000) * 1000),
    inReplyTo: c.inReplyTo,
    references: c.references,
    text: c.text,
    ownText: c.ownText,
    htmlOnly,
    charset: c.charset,
    attachments: c.attachment ? [c.attachment] : [],
  };
}

function messageHeaders(rng: Rng, world: World, t: Thread, c: Content, label: string, body: Entity, kind: CorpusMessage['kind']): string[] {
  const mode = c.client === 'gmail' || c.client === 'newsletter' ? 'B' : 'Q';
  const field = new Map<string, string>();
  const set = (name: string, value: string | string[]) => field.set(name, fold(name, Array.isArray(value) ? value : [value]));
  const addresses = (people: Person[]) => people.flatMap((p, k) => {
    const tokens = mailbox(p, c.charset, label);
    if (k < people.length - 1) tokens.push(`${tokens.pop()},`);
    return tokens;
  });
  set('From', addresses([c.sender]));
  set('To', addresses(c.recipients));
  if (c.cc.length) set('Cc', addresses(c.cc));
  set('Subject', subjectTokens('Subject', c.subject, c.charset, label, mode, c.client === 'outlook'));
  set('Date', formatDate(c.ms, c.offset));
  if (c.messageId) set('Message-ID', `<${c.messageId}>`);
  if (c.inReplyTo) set('In-Reply-To', `<${c.inReplyTo}>`);
  if (c.references.length) set('References', c.references.map((id) => `<${id}>`));
  set('MIME-Version', '1.0');
  const outlook = c.client === 'outlook' || c.client === 'outlook-de';
  if (outlook) {
    set('Thread-Topic', subjectTokens('Thread-Topic', fitCharset(t.subject, c.charset), c.charset, label, 'Q', false));
    set('Thread-Index', c.threadIndex);
    set('Accept-Language', 'da-DK, en-US');
    set('Content-Language', t.lang === 'da' ? 'da-DK' : 'en-GB');
    set('X-MS-Has-Attach', c.attachment ? 'yes' : '');
  }
  const mailer: Partial<Record<Client, string>> = {
    apple: c.sender.staff ? 'iPhone Mail (22B91)' : 'Apple Mail (2.3826.200.121)',
    thunderbird: 'Mozilla Thunderbird',
    legacy: 'Microsoft Outlook Express 6.00.2900.5931',
    invoicing: `${world.company} fakturering`,
  };
  const agent = mailer[c.client];
  if (agent) set(c.client === 'thunderbird' ? 'User-Agent' : 'X-Mailer', agent);
  if (kind === 'auto_reply') {
    set('Auto-Submitted', 'auto-replied');
    set('X-Auto-Response-Suppress', 'All');
  }
  const n = t.newsletter;
  if (n) {
    set('List-Id', n.listId);
    set('List-Unsubscribe', [`<${n.unsubscribe}?u=${rng.hex(16)}>,`, `<mailto:${n.mailto}?subject=unsubscribe>`]);
    set('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
    set('Precedence', 'bulk');
  }
  const order = c.client === 'gmail'
    ? ['MIME-Version', 'References', 'In-Reply-To', 'From', 'Date', 'Message-ID', 'Subject', 'To', 'Cc']
    : outlook
      ? ['From', 'To', 'Cc', 'Subject', 'Thread-Topic', 'Thread-Index', 'Date', 'Message-ID', 'References', 'In-Reply-To', 'Accept-Language', 'Content-Language', 'X-MS-Has-Attach', 'Auto-Submitted', 'X-Auto-Response-Suppress', 'MIME-Version']
      : ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'MIME-Version', 'User-Agent', 'X-Mailer'];
  const lines: string[] = [];
  if (!c.sender.staff) {
    // Inbound mail carries what our server added on delivery.
    const host = `mail.${c.sender.address.split('@')[1]}`;
    const arrived = c.ms + rng.between(1, 9) * 1000;
    lines.push(`Delivered-To: ${c.recipients[0]?.address}`);
    lines.push(`Received: from ${host} (${host} [198.51.100.${rng.between(2, 254)}])\r\n\tby mx.${world.domain} (Postfix) with ESMTPS id ${rng.hex(10).toUpperCase()}\r\n\tfor <${c.recipients[0]?.address}>; ${formatDate(arrived, zoneOffset('dk', arrived))}`);
  }
  for (const name of order) {
    const line = field.get(name);
    if (line !== undefined) lines.push(line);
    field.delete(name);
  }
  lines.push(...field.values(), ...body.headers);
  return lines;
}

function leaf(contentType: string, encoding: Encoding, text: string, charset: Charset): Entity {
  const bytes = encodeCharset(text.replace(/\n/g, '\r\n'), charset);
  const body = encoding === 'quoted-printable' ? quotedPrintable(bytes) : encoding === 'base64' ? base64Lines(bytes) : bytes.toString('latin1');
  return { headers: [`Content-Type: ${contentType}`, `Content-Transfer-Encoding: ${encoding}`], body };
}

function multipart(rng: Rng, client: Client, subtype: 'alternative' | 'mixed', parts: Entity[]): Entity {
  const boundary = client === 'outlook' || client === 'outlook-de' ? `_00${subtype === 'mixed' ? 4 : 0}_${rng.hex(24).toUpperCase()}_`
    : client === 'gmail' ? `000000000000${rng.hex(12)}`
    : client === 'apple' ? `Apple-Mail=_${rng.hex(8).toUpperCase()}-${rng.hex(4).toUpperCase()}-${rng.hex(4).toUpperCase()}`
    : `----=_Part_${rng.digits(6)}_${rng.digits(9)}.${rng.digits(13)}`;
  const preamble = client === 'legacy' || client === 'invoicing' ? 'This is a multi-part message in MIME format.\r\n\r\n' : '';
  const body = `${preamble}${parts.map((p) => `--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n${p.body}\r\n`).join('')}--${boundary}--`;
  return { headers: [`Content-Type: multipart/${subtype};\r\n\tboundary="${boundary}"`], body };
}

/** A few marked bytes with a PDF header: enough for type sniffing, and clearly not a document. */
function pdfPart(filename: string, client: Client, ref: number): Entity {
  const bytes = Buffer.from(`%PDF-1.4\n% open-crm test corpus: placeholder bytes, not a real PDF document (ref ${ref})\n%%EOF\n`, 'latin1');
  const ascii = /^[\x20-\x7e]*$/.test(filename);
  // Outlook puts RFC 2047 words inside the quotes; most others use RFC 2231 parameters.
  const param = (name: string) => ascii ? `${name}="${filename}"`
    : client === 'outlook' ? `${name}="${encodedWords(filename, 'utf-8', 'utf-8', 'Q').join(' ')}"`
    : `${name}*=utf-8''${encodeURIComponent(filename)}`;
  return {
    headers: [
      `Content-Type: application/pdf;\r\n\t${param('name')}`,
      `Content-Disposition: attachment;\r\n\t${param('filename')}; size=${bytes.length}`,
      'Content-Transfer-Encoding: base64',
    ],
    body: base64Lines(bytes),
  };
}

function htmlOf(c: Content, label: string, newsletter: boolean): string {
  const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>\n')}</p>`).join('\n');
  const linked = (html: string) => html.replace(/https:\/\/[^\s<"]+/g, (url) => `<a href="${url}">${url}</a>`);
  const head = `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=${label}">\n</head>\n`;
  if (newsletter) {
    return `${head}<body style="margin:0;background:#f2f2f2">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">\n<table role="presentation" width="600" style="background:#ffffff;font-family:Arial,sans-serif">\n<tr><td style="padding:24px">\n${linked(paragraphs(c.text))}\n</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>`;
  }
  let quote = '';
  if (c.quote && !c.quote.bottomPost) {
    const header = c.quote.style === 'plain'
      ? `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n<p>${c.quote.header.slice(1).map((line) => line.replace(/^([^:]+):(.*)$/, (_, k: string, v: string) => `<b>${escapeHtml(k)}:</b>${escapeHtml(v)}`)).join('<br>\n')}</p>\n</div>\n${paragraphs(c.quote.text)}`
      : `<div>${escapeHtml(c.quote.header[0] ?? '')}<br></div>\n<blockquote style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">\n${paragraphs(c.quote.text)}\n</blockquote>`;
    quote = `\n<div class="quote">\n${header}\n</div>`;
  }
  return `${head}<body>\n<div dir="ltr">\n${paragraphs(c.ownText)}\n</div>${quote}\n</body>\n</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function transferEncoding(rng: Rng, client: Client, text: string): Encoding {
  switch (client) {
    case 'thunderbird':
      return /^[\x00-\x7f]*$/.test(text) ? '7bit' : '8bit';
    case 'gmail':
      if (/^[\x00-\x7f]*$/.test(text)) return '7bit'; // Gmail sends plain ASCII as is
      return rng.chance(0.5) ? 'base64' : 'quoted-printable';
    case 'newsletter':
      return rng.chance(0.5) ? 'base64' : 'quoted-printable';
    case 'legacy':
    case 'webmail':
      return rng.chance(0.4) ? 'base64' : 'quoted-printable';
    case 'invoicing':
      return 'base64';
    default:
      return 'quoted-printable';
  }
}

function charsetLabel(charset: Charset, client: Client): string {
  const upper = client === 'gmail' || client === 'apple' || client === 'thunderbird' || client === 'newsletter' || client === 'legacy';
  if (charset === 'utf-8') return upper ? 'UTF-8' : 'utf-8';
  if (charset === 'iso-8859-1') return upper ? 'ISO-8859-1' : 'iso-8859-1';
  return client === 'outlook' || client === 'outlook-de' ? 'Windows-1252' : 'windows-1252';
}

function quoteParam(value: string): string {
  return /^[A-Za-z0-9-]+$/.test(value) ? value : `"${value}"`;
}

const DAYS_RFC = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_RFC = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date in the sender's zone: `Tue, 2 Dec 2026 10:14:02 +0100`. */
function formatDate(ms: number, offset: number): string {
  const at = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${DAYS_RFC[at.getUTCDay()]}, ${at.getUTCDate()} ${MONTHS_RFC[at.getUTCMonth()]} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${zone}`;
}

// ---------------------------------------------------------------------------------------------
// Encoders. Written here rather than imported so the corpus's bytes never change with a library.

/** Folds a header at token boundaries so lines stay within 76 characters (RFC 2047's limit) where tokens allow. */
function fold(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > 76 && line !== `${name}:`) {
      lines.push(line);
      line = ` ${token}`;
    } else line += ` ${token}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** A mailbox as fold tokens: the display name (quoted or RFC 2047 words) and `<address>`, which may go on the next line. */
function mailbox(p: Person, charset: Charset, label: string): string[] {
  if (/^[\x20-\x7e]*$/.test(p.name)) {
    return /[()<>@,;:\\".[\]]/.test(p.name) ? [`"${p.name.replace(/(["\\])/g, '\\$1')}"`, `<${p.address}>`] : [...p.name.split(' '), `<${p.address}>`];
  }
  return [...encodedWords(p.name, charset, label, 'Q', 68), `<${p.address}>`];
}

/**
 * Subject tokens: plain words while ASCII; from the first non-ASCII word on (or all, unless
 * `mixed`), RFC 2047 words short enough that even the first line, after `Name: `, stays within 76.
 */
function subjectTokens(name: string, subject: string, charset: Charset, label: string, mode: 'Q' | 'B', mixed: boolean): string[] {
  if (/^[\x20-\x7e]*$/.test(subject)) return subject.split(' ');
  const words = subject.split(' ');
  const plain = mixed ? words.findIndex((w) => !/^[\x20-\x7e]*$/.test(w)) : 0;
  return [...words.slice(0, plain), ...encodedWords(words.slice(plain).join(' '), charset, label, mode, 76 - name.length - 2)];
}

/** RFC 2047 encoded words of at most `max` (≤ 75) characters, never splitting a character's bytes. */
function encodedWords(text: string, charset: Charset, label: string, mode: 'Q' | 'B', max = 75): string[] {
  const prefix = `=?${label}?${mode}?`;
  const room = max - prefix.length - 2;
  const words: string[] = [];
  let bytes: number[] = [];
  let q = '';
  const flush = () => {
    if (!bytes.length) return;
    words.push(`${prefix}${mode === 'B' ? Buffer.from(bytes).toString('base64') : q}?=`);
    bytes = [];
    q = '';
  };
  for (const ch of text) {
    const encoded = [...encodeCharset(ch, charset)];
    const qPart = encoded.map((b) => (b === 0x20 ? '_' : /[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
    const size = mode === 'B' ? Math.ceil((bytes.length + encoded.length) / 3) * 4 : q.length + qPart.length;
    if (size > room) flush();
    bytes.push(...encoded);
    q += qPart;
  }
  flush();
  return words;
}

const WINDOWS_1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const LATIN1_STAND_INS: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '„': '"', '–': '-', '—': '-', '…': '...', '€': 'EUR', '•': '*' };

/** What a client writing this charset would have made of the text (ISO-8859-1 has no €, – or ’). */
function fitCharset(text: string, charset: Charset): string {
  if (charset === 'utf-8') return text;
  return text.replace(/[^\x00-\xff]/gu, (ch) => (charset === 'windows-1252' && ch in WINDOWS_1252 ? ch : LATIN1_STAND_INS[ch] ?? '?'));
}

function encodeCharset(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  if (charset === 'iso-8859-1') return Buffer.from(text, 'latin1');
  return Buffer.from(Array.from(text, (ch) => WINDOWS_1252[ch] ?? ((ch.codePointAt(0) as number) <= 0xff ? (ch.codePointAt(0) as number) : 0x3f)));
}

/** RFC 2045 quoted-printable: encoded lines of at most 76 characters, CRLF as hard line breaks. */
function quotedPrintable(bytes: Buffer): string {
  const out: string[] = [];
  let line = '';
  const endLine = () => {
    // Whitespace at the end of a line would be lost in transport: encode it.
    const last = line.charCodeAt(line.length - 1);
    if (last === 0x20 || last === 0x09) {
      line = `${line.slice(0, -1)}=${last === 0x20 ? '20' : '09'}`;
      if (line.length > 76) {
        out.push(`${line.slice(0, -3)}=`);
        line = line.slice(-3);
      }
    }
    out.push(line);
    line = '';
  };
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k] as number;
    if (b === 0x0d && bytes[k + 1] === 0x0a) {
      endLine();
      k++;
      continue;
    }
    const token = (b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += token;
  }
  endLine();
  return out.join('\r\n');
}

function base64Lines(bytes: Buffer): string {
  const b64 = bytes.toString('base64');
  const lines: string[] = [];
  for (let k = 0; k < b64.length; k += 76) lines.push(b64.slice(k, k + 76));
  return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// The words themselves. Subjects avoid characters ISO-8859-1 lacks, so a reply from an old
// client keeps its thread's subject; bodies use – ’ € on purpose (Windows-1252 has them).

type Topic = Record<Lang, { subject: (ref: number, addr: string, company: string) => string; thing: string }>;

const STAFF = [
  { first: 'Mette', name: 'Mette Sørensen', local: 'mette', titles: { da: 'Projektleder', en: 'Project Manager' } },
  { first: 'Lars', name: 'Lars Østergaard', local: 'lars', titles: { da: 'Indehaver, tømrermester', en: 'Owner, master carpenter' } },
  { first: 'Søren', name: 'Søren Kjær', local: 'sk', titles: { da: 'Kalkulatør', en: 'Estimator' } },
  { first: 'Anne', name: 'Anne Bæk Nielsen', local: 'anne', titles: { da: 'Bogholder', en: 'Accountant' } },
  { first: 'Jonas', name: 'Jonas Ålbæk', local: 'jonas', titles: { da: 'Formand', en: 'Site Manager' } },
] as const;

const DA_NAMES = {
  first: ['Jørgen', 'Birthe', 'Henrik', 'Signe', 'Mads', 'Pernille', 'Bjørn', 'Kirsten', 'Ole', 'Lærke', 'Åse', 'Torben', 'Malene', 'Niels', 'Kåre'],
  last: ['Jensen', 'Ålund', 'Kjærsgaard', 'Frølund', 'Mortensen', 'Bøgh', 'Lauridsen', 'Sørensen', 'Dæhnfeldt', 'Holm', 'Østergaard', 'Winther', 'Møller', 'Krogh'],
};
const EN_NAMES = {
  first: ['James', 'Sarah', 'Emily', 'Michael', 'Priya', 'Tom', 'Laura', 'Oliver'],
  last: ['Whitfield', "O'Connor", 'Carter', 'Brennan', 'Patel', 'Hughes', 'Mitchell', 'Åkesson'],
};

const FREE_MAIL: ReadonlyArray<readonly [string, Client]> = [
  ['gmail.com', 'gmail'], ['gmail.com', 'gmail'], ['hotmail.dk', 'outlook'], ['outlook.dk', 'outlook'], ['live.dk', 'outlook'], ['yahoo.com', 'webmail'],
];
const DA_BUSINESSES: ReadonlyArray<readonly [string, string, Zone]> = [
  ['Jensens VVS ApS', 'jensens-vvs.dk', 'dk'],
  ['Bygherre ApS', 'bygherre-aps.dk', 'dk'],
  ['Andelsboligforeningen Søbakken', 'absoebakken.dk', 'dk'],
  ['Hansen & Søn Tømrer ApS', 'hansen-og-soen.dk', 'dk'],
  ['Vestjysk Boligselskab', 'vestjysk-bolig.dk', 'dk'],
  ['Ejendomsselskabet Østerport A/S', 'osterport-ejendomme.dk', 'dk'],
  ['Kloak & Anlæg Midt ApS', 'kloak-midt.dk', 'dk'],
  ['Ålborg Ejendomsservice', 'aalborg-ejendomsservice.dk', 'dk'],
];
const FOREIGN_BUSINESSES: ReadonlyArray<readonly [string, string, Zone]> = [
  ['Brightbuild Ltd', 'brightbuild.co.uk', 'uk'],
  ['Harbor Property Group', 'harborproperty.com', 'us'],
  ['Nordic Facilities AB', 'nordicfacilities.se', 'dk'],
];
const STREETS = ['Søndergade', 'Åboulevarden', 'Østerbrogade', 'Æblevej', 'Skovbrynet', 'Ved Søen', 'Kærgårdsvej', 'Nørregade', 'Bøgevej', 'Strandvejen', 'Møllebakken', 'Havnegade'];

const TOPICS: Topic[] = [
  { da: { subject: (r, a) => `Tilbud nr. ${r}: nyt tegltag, ${a}`, thing: 'nyt tegltag' }, en: { subject: (r, a) => `Quote ${r}: new tile roof at ${a}`, thing: 'a new tile roof' } },
  { da: { subject: (r, a) => `Forespørgsel om tagrender (${a}, sag ${r})`, thing: 'udskiftning af tagrender og nedløbsrør' }, en: { subject: (r, a) => `Enquiry about gutters (${a}, ref ${r})`, thing: 'replacing gutters and downpipes' } },
  { da: { subject: (r, a) => `Besigtigelse på ${a}, sag ${r}`, thing: 'en besigtigelse af taget' }, en: { subject: (r, a) => `Site inspection at ${a}, case ${r}`, thing: 'an inspection of the roof' } },
  { da: { subject: (r) => `Utæt ovenlysvindue, sag ${r}`, thing: 'reparation af et utæt ovenlysvindue' }, en: { subject: (r) => `Leaking skylight, case ${r}`, thing: 'repairing a leaking skylight' } },
  { da: { subject: (r) => `Spørgsmål til tilbud ${r}`, thing: 'nyt tag på garagen' }, en: { subject: (r) => `Question about quote ${r}`, thing: 'a new garage roof' } },
  { da: { subject: (r) => `Ændring af opstartsdato, sag ${r}`, thing: 'opstart af arbejdet' }, en: { subject: (r) => `Change of start date, case ${r}`, thing: 'the start of the work' } },
  { da: { subject: (r) => `Pris på ståltag til carport? (ref. ${r})`, thing: 'ståltag til en carport' }, en: { subject: (r) => `Price for a steel carport roof? (ref. ${r})`, thing: 'a steel roof for a carport' } },
  { da: { subject: (r) => `Reklamation på tagpap, ordre ${r}`, thing: 'reklamationen på tagpappen' }, en: { subject: (r) => `Complaint about roofing felt, order ${r}`, thing: 'the complaint about the roofing felt' } },
  { da: { subject: (r, a) => `Skorsten og inddækning, ${a} (sag ${r})`, thing: 'inddækning omkring skorstenen' }, en: { subject: (r, a) => `Chimney flashing, ${a} (case ${r})`, thing: 'the flashing around the chimney' } },
];
const INTERNAL_TOPICS: Topic[] = [
  { da: { subject: (r) => `Materialeliste til sag ${r}`, thing: 'materialerne' }, en: { subject: (r) => `Materials list for job ${r}`, thing: 'the materials' } },
  { da: { subject: (r) => `Mandskab og kørsel, sag ${r}`, thing: 'mandskabet' }, en: { subject: (r) => `Crew and transport, job ${r}`, thing: 'the crew' } },
  { da: { subject: (r) => `Tegninger til sag ${r}`, thing: 'tegningerne' }, en: { subject: (r) => `Drawings for job ${r}`, thing: 'the drawings' } },
];
const INVOICE_TOPIC: Topic = {
  da: { subject: (r, _a, company) => `Faktura 2026-${r} fra ${company}`, thing: 'det udførte tagarbejde' },
  en: { subject: (r, _a, company) => `Invoice 2026-${r} from ${company}`, thing: 'the roofing work carried out' },
};

const THEM_FIRST: Record<Lang, string[]> = {
  da: [
    'Vi vil gerne have et tilbud på {thing} på {addr}.',
    'Taget er fra omkring {year}, og der er tegn på fugt i loftrummet efter de seneste storme.',
    'Kan I komme forbi og besigtige i løbet af uge {week}? Vi er fleksible med tidspunktet.',
    'Det drejer sig om ca. {meters} m², og der er adgang fra gårdsiden.',
    'Vi har fået jeres navn fra en nabo, som var meget tilfreds med jeres arbejde.',
    'Hvad er jeres leveringstid lige nu? Vi håber at være færdige før sommerferien.',
  ],
  en: [
    'We would like a quote for {thing} at {addr}.',
    'From what we can see, the damage is limited to the north side of the roof.',
    'Could you come by for an inspection during week {week}? We’re flexible with the time.',
    'The area is roughly {meters} m² and there is access from the courtyard.',
    'A neighbour recommended you – they were very happy with your work.',
  ],
};
const US_FIRST: Record<Lang, string[]> = {
  da: [
    'Som aftalt sender jeg hermed vores tilbud på {thing} på {addr}.',
    'Vi har kigget på tegningerne og regner med, at opgaven kan løses på 4–5 arbejdsdage.',
    'Prisen er {price} kr. ekskl. moms, inkl. stillads og bortskaffelse af gamle materialer.',
    'Giv gerne besked senest fredag, så vi kan reservere et hold i uge {week}.',
  ],
  en: [
    'As agreed, here is our quote for {thing} at {addr}.',
    'We have looked at the drawings and expect the job to take 4–5 working days.',
    'The price is DKK {price} excl. VAT, including scaffolding and disposal. That is roughly €{eur} at today’s rate.',
    'Please let us know by Friday so we can reserve a crew for week {week}.',
  ],
};
const US_REPLY: Record<Lang, string[]> = {
  da: [
    'Tak for din henvendelse.',
    'Vi kan komme forbi {weekday} d. {date} kl. {time} og se på opgaven. Passer det?',
    'Ud fra beskrivelsen vil prisen ligge omkring {price} kr. ekskl. moms, men vi giver en fast pris efter besigtigelsen.',
    'Vi forventer at kunne starte i uge {week}, hvis vejret tillader det.',
    'Husk, at der skal være fri adgang til gavlen, så vi kan stille stillads op.',
    'Tilbuddet er gældende i 30 dage og omfatter bortskaffelse af de gamle materialer.',
  ],
  en: [
    'Thank you for your enquiry.',
    'We can come by on {weekday} {date} at {time} to look at the job. Does that suit you?',
    'Based on your description the price will be around DKK {price} excl. VAT; we’ll give a fixed price after the inspection.',
    'From our side, the scaffolding can go up in week {week} if the weather allows.',
    'The quote is valid for 30 days and includes disposal of the old materials.',
  ],
};
const THEM_REPLY: Record<Lang, string[]> = {
  da: [
    'Tak for hurtigt svar.',
    '{weekday} passer fint. Jeg sørger for, at porten er åben.',
    'Prisen lyder fornuftig. Kan I også give en pris på efterisolering samtidig?',
    'Vi accepterer tilbuddet. Hvornår kan I gå i gang?',
    'Er moms og bortskaffelse af det gamle tag med i prisen?',
    'Vi er desværre nødt til at udskyde opstarten til efter påske.',
  ],
  en: [
    'Thanks for the quick reply.',
    '{weekday} works for us. I’ll make sure the gate is open.',
    'The price sounds reasonable. Could you also quote for insulation at the same time?',
    'We accept the quote. When can you start?',
    'From next month we will have a new contact person for the property.',
  ],
};
const INTERNAL: Record<Lang, string[]> = {
  da: [
    'Kan du nå at bestille {thing} til sag {ref} inden fredag?',
    'Jeg har lagt tegningerne i mappen på drevet.',
    'Kunden vil gerne have, at vi starter tidligere. Hvad siger du til uge {week}?',
    'Husk kørebog og timesedler for sidste uge.',
  ],
  en: [
    'Could you order {thing} for job {ref} before Friday?',
    'I’ve put the drawings in the shared folder.',
    'The customer would like us to start earlier. What about week {week}?',
  ],
};
const INVOICE_TEXT: Record<Lang, string> = {
  da: 'Hermed faktura {invoice} vedrørende {thing} på {addr}.\n\nBeløbet på {price} kr. inkl. moms bedes indbetalt senest {date} på konto 1234-5678901234. Husk at angive fakturanummeret.\n\nSpørgsmål til fakturaen kan rettes til bogholderiet på {domain}.',
  en: 'Please find attached invoice {invoice} for {thing} at {addr}.\n\nThe amount of DKK {price} incl. VAT is due on {date}, account 1234-5678901234. Please quote the invoice number.\n\nQuestions about the invoice can be sent to our accounts department at {domain}.',
};
const ATTACHMENT_LINE: Record<Lang, string> = {
  da: 'Vedhæftet finder du tilbud nr. {ref} som PDF.',
  en: 'Please find quote no. {ref} attached as a PDF.',
};
const AUTO_REPLIES: Record<Lang, string[]> = {
  da: [
    'Tak for din mail.\n\nJeg er på ferie til og med {back} og har ikke adgang til min mail i perioden. Din mail bliver ikke videresendt.\n\nHar du brug for hjælp, kan du ringe til vores kontor på {phone}.\n\nVenlig hilsen\n{name}',
    'Jeg er ikke på kontoret i dag, men vender tilbage hurtigst muligt.\n\nMvh.\n{name}',
  ],
  en: [
    'Thank you for your email. I am out of the office until {back} with limited access to email.\n\nFor urgent matters, please call {phone}.\n\nBest regards,\n{name}',
  ],
};

const NEWSLETTERS: Newsletter[] = [
  { name: 'Byggeland', address: 'nyhedsbrev@byggeland.dk', listId: 'Byggeland nyhedsbrev <nyhedsbrev.byggeland.dk>', unsubscribe: 'https://byggeland.dk/afmeld', mailto: 'afmeld@byggeland.dk', lang: 'da' },
  { name: 'Tagmaterialer.dk', address: 'info@news.tagmaterialer.dk', listId: '<kunder.tagmaterialer.dk>', unsubscribe: 'https://tagmaterialer.dk/nyhedsbrev/afmeld', mailto: 'afmeld@news.tagmaterialer.dk', lang: 'da' },
  { name: 'Roofing Supply UK', address: 'news@roofingsupply.co.uk', listId: 'Roofing Supply news <news.roofingsupply.co.uk>', unsubscribe: 'https://roofingsupply.co.uk/unsubscribe', mailto: 'unsubscribe@roofingsupply.co.uk', lang: 'en' },
];
const NEWSLETTER_SUBJECTS: Record<Lang, Array<(ref: number, month: string) => string>> = {
  da: [(r, m) => `Nyhedsbrev nr. ${r}: Få 15 % på tagrender i ${m}`, (r) => `Ugens tilbud (nr. ${r}): spar på tagpap og undertag`],
  en: [(r, m) => `Newsletter #${r}: 15% off gutters in ${m}`, (r) => `This week's offers (no. ${r}): save on membranes`],
};
const HEADLINES: Record<Lang, string[]> = {
  da: ['Årets største tagudsalg er i gang!', 'Nyt i sortimentet: ståltag i fem farver', 'Gør taget klar til vinteren'],
  en: ['Our biggest roofing sale of the year', 'New: steel roofing in five colours', 'Get your roof ready for winter'],
};
const OFFERS: Record<Lang, Array<readonly [string, string]>> = {
  da: [['Tagrender i zink', '189,95 kr./m'], ['Tagpap, rulle á 10 m²', '649 kr.'], ['Tagskruer, 250 stk.', '119 kr.'], ['Ovenlysvindue 78×118 cm', '3.495 kr.'], ['Undertag, 75 m²', '1.299 kr.']],
  en: [['EPDM membrane, 1.2 mm', '£8.95/m²'], ['Zinc gutters', '£14.50/m'], ['Roofing screws, box of 250', '£11.99'], ['Skylight 78×118 cm', '£329']],
};

const DA_DAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const DA_DAYS_SHORT = ['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'];
const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const DA_MONTHS_SHORT = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_DAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DE_DAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const DE_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
