/**
 * The `Date` header as an instant. JavaScript's `Date` parser is not used: it reads a date
 * without a zone in the server's local time, `02.12.2026` as February, and a lone `1` as 2001;
 * and mailparser turns an unparseable date into "now". This reads RFC 5322 dates (and the
 * obsolete and sloppy forms real mailers write) and says null for anything else.
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  // Danish, German and French abbreviations some local mailers write.
  maj: 4, okt: 9, mai: 4, mrz: 2, mär: 2, dez: 11, janv: 0, févr: 1, fevr: 1, mars: 2, avr: 3, juin: 5, juil: 6, déc: 11,
};

/** Zone names RFC 5322 §4.3 allows (obsolete) and the European ones mailers write anyway. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** Dates before this are clock errors (a reset RTC gives 1970 or 1980), not mail. */
const EARLIEST = Date.UTC(1990, 0, 1);
const DAY = 24 * 60 * 60 * 1000;

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return 0; // No zone: RFC 5322 says read it as UTC ("-0000"), not as our local time.
  // "GMT+0100", "CET +0100": the number is the offset, the name only decoration.
  const numeric = /([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[2]) > 14 || Number(numeric[3]) > 59) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  // Military single letters are unreliable (RFC 5322 §4.3): unknown offset, so UTC.
  if (/^[a-z]$/i.test(zone)) return 0;
  return null;
}

function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // 31 February rolls over into March in Date.UTC; a real date does not.
  if (new Date(time).getUTCDate() !== day) return null;
  return time - offset * 60_000;
}

function twoDigitYear(year: string): number {
  const n = Number(year);
  // RFC 5322 §4.3: two digits 00–49 are 20xx, 50–99 are 19xx; three digits add 1900.
  if (year.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (year.length === 3) return 1900 + n;
  return n;
}

// [Tue,] 2 Dec 2026 10:14[:00] [+0100|GMT|CET] [(comment)]
const RFC5322 = /^(?:[\p{L}.]+,\s*|[\p{L}.]+\s+)?(\d{1,2})[\s-]+([\p{L}]{3,5})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}(?:\s*[+-]\d{2}:?\d{2})?))?\s*$/u;
// Tue Dec  2 10:14:00 [+0100] 2026 (asctime, as some scripts write)
const ASCTIME = /^(?:[\p{L}]+,?\s+)?([\p{L}]{3,5})\.?\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?\s+(\d{4})\s*$/u;
// 2026-12-02T10:14:00+01:00 (ISO 8601, from some APIs and scripts)
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function parse(value: string): number | null {
  // Comments ("(CET)", "(Romance Standard Time)") carry no information the offset lacks.
  const text = value.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  let m = RFC5322.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const offset = zoneOffset(m[7]);
    if (month === undefined || offset === null) return null;
    return instant(twoDigitYear(m[3]!), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
  }
  m = ASCTIME.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    const offset = zoneOffset(m[6]);
    if (month === undefined || offset === null) return null;
    return instant(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), offset);
  }
  m = ISO.exec(text);
  if (m) {
    const offset = m[7] && m[7].toUpperCase() !== 'Z' ? zoneOffset(m[7]) : 0;
    if (offset === null) return null;
    return instant(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
  }
  return null;
}

/**
 * A `Date` header as ISO 8601 UTC, or null when it can't be read or is absurd (before 1990, or
 * more than a day after `now`: a sender's clock far in the future would sort the mail on top
 * of the inbox forever).
 *
 * @example
 * parseMailDate('Tue, 2 Dec 2025 10:14:00 +0100 (CET)'); // '2025-12-02T09:14:00.000Z'
 * parseMailDate('i morgen'); // null
 */
export function parseMailDate(value: string | null | undefined, now: Date = new Date()): string | null {
  if (!value) return null;
  const time = parse(value);
  if (time === null || Number.isNaN(time)) return null;
  if (time < EARLIEST || time > now.getTime() + DAY) return null;
  return new Date(time).toISOString();
}
