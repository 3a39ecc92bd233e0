import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { events } from '../db/schema/index.ts';
import { pgArray, rowsOf, type Tx } from '../db/types.ts';
import { uuidv7 } from '../ids/index.ts';
import { decodeCursor, type Page, toPage } from '../pagination/index.ts';

export type TimelineEvent = typeof events.$inferSelect;

export interface EventInput {
  companyId: string;
  /** Dotted lower-case name: `company.merged`, `email.received`, `chat.lead`. */
  type: string;
  actor?: string | null;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Adds an event to a company's timeline.
 *
 * @example
 * await recordEvent(tx, { companyId, type: 'note.added', actor: 'key:…', payload: { text: 'Ring tirsdag' } });
 */
export async function recordEvent(tx: Tx, input: EventInput): Promise<TimelineEvent> {
  const [row] = await tx
    .insert(events)
    .values({
      id: uuidv7(),
      companyId: input.companyId,
      type: input.type,
      actor: input.actor ?? null,
      payload: input.payload ?? {},
      ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
    })
    .returning();
  return row!;
}

export interface TimelineQuery {
  limit: number;
  cursor?: string;
  types?: string[];
  /** Sources: the first part of the type (`chat`, `email`, `note`, `company`). */
  sources?: string[];
  /** Text anywhere in the event's payload, case-insensitive. */
  text?: string;
}

/** A company's timeline, newest first (by when it happened), by cursor. */
export async function listTimeline(tx: Tx, companyId: string, query: TimelineQuery): Promise<Page<TimelineEvent>> {
  const where: (SQL | undefined)[] = [eq(events.companyId, companyId)];
  if (query.types?.length) where.push(inArray(events.type, query.types));
  if (query.sources?.length) where.push(sql`split_part(${events.type}, '.', 1) = any(${pgArray(query.sources)}::text[])`);
  if (query.text) where.push(sql`${events.payload}::text ilike ${`%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor, { at: 'time', id: 'uuid' });
    const when = new Date(at);
    where.push(or(lt(events.occurredAt, when), and(eq(events.occurredAt, when), lt(events.id, id))));
  }
  const rows = await tx
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (last) => ({ at: last.occurredAt.toISOString(), id: last.id }));
}

/** A timeline event with its company's name, as the live stream sends it. */
export interface StreamedEvent {
  id: string;
  company_id: string;
  company_name: string;
  type: string;
  occurred_at: string;
  created_at: string;
  actor: string | null;
  payload: Record<string, unknown>;
}

/**
 * Events written since `since` (by `created_at`, oldest first) that the transaction's scope
 * sees, with their company's name: what `GET /api/stream` polls. The caller overlaps windows and
 * drops ids it has sent, because an event's `created_at` is its transaction's start, and a
 * transaction may commit a little after a later one.
 *
 * @example
 * const fresh = await eventsSince(tx, new Date(Date.now() - 3000), 200);
 */
export async function eventsSince(tx: Tx, since: Date, limit: number): Promise<StreamedEvent[]> {
  return rowsOf<StreamedEvent>(
    await tx.execute(sql`
      select e.id, e.company_id, c.name as company_name, e.type,
             to_char(e.occurred_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
             to_char(e.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, e.actor, e.payload
      from events e join companies c on c.id = e.company_id
      where e.created_at > ${since.toISOString()}::timestamptz
      order by e.created_at, e.id
      limit ${limit}`),
  );
}

/** When a visible event was written, to resume a stream after it. */
export async function eventWrittenAt(tx: Tx, id: string): Promise<Date | undefined> {
  const [row] = await tx.select({ at: events.createdAt }).from(events).where(eq(events.id, id));
  return row?.at;
}
