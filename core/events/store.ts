import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { events } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
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
}

/** A company's timeline, newest first (by when it happened), by cursor. */
export async function listTimeline(tx: Tx, companyId: string, query: TimelineQuery): Promise<Page<TimelineEvent>> {
  const where: (SQL | undefined)[] = [eq(events.companyId, companyId)];
  if (query.types?.length) where.push(inArray(events.type, query.types));
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
