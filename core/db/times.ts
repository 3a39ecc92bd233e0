/** Postgres type oids of the columns converted to ISO 8601. */
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(?:([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/**
 * A timestamp as Postgres prints it (`2026-12-02 06:45:36.486+00`, or without a zone for a
 * `timestamp` column, read as UTC) in ISO 8601 UTC with milliseconds: `2026-12-02T06:45:36.486Z`.
 * `infinity` and anything unparseable are returned unchanged.
 *
 * @example
 * isoTimestamp('2026-12-02 07:45:36.486123+01'); // '2026-12-02T06:45:36.486Z'
 */
export function isoTimestamp(text: string): string {
  const m = PG_TIMESTAMP.exec(text);
  if (!m) return text;
  const [, date, time, fraction = '', hours, minutes = '00'] = m;
  const zone = hours ? `${hours}:${minutes}` : 'Z';
  const at = new Date(`${date}T${time}${fraction.slice(0, 4)}${zone}`);
  if (Number.isNaN(at.getTime())) return text;
  return at.toISOString();
}

/**
 * The rows of a raw query (drizzle `execute`, either driver) with every `timestamptz` and
 * `timestamp` column as an ISO 8601 UTC string, so what a plugin returns from its own SQL reads
 * like the core's answers. Both drivers hand timestamps to drizzle as Postgres text.
 *
 * @example
 * rowsWithIsoTimes(await tx.execute(sql`select created_at from chat_messages`)); // [{ created_at: '2026-12-02T06:45:36.486Z' }]
 */
export function rowsWithIsoTimes<Row>(result: unknown): Row[] {
  const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Record<string, unknown>[];
  const columns = Array.isArray(result)
    ? ((result as unknown as { columns?: { name: string; type: number }[] }).columns ?? []).map((c) => ({ name: c.name, oid: c.type }))
    : ((result as { fields?: { name: string; dataTypeID: number }[] }).fields ?? []).map((f) => ({ name: f.name, oid: f.dataTypeID }));
  const times = columns.filter((c) => c.oid === TIMESTAMPTZ || c.oid === TIMESTAMP).map((c) => c.name);
  if (times.length === 0) return rows as Row[];
  for (const row of rows) {
    for (const name of times) {
      const value = row[name];
      if (typeof value === 'string') row[name] = isoTimestamp(value);
      else if (value instanceof Date) row[name] = value.toISOString();
    }
  }
  return rows as Row[];
}
