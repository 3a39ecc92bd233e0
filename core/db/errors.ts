/** The parts of a Postgres error we branch on, from either driver, through drizzle's wrapper. */
export interface PgError {
  code: string;
  message: string;
  constraint?: string;
}

/**
 * Finds the Postgres error inside whatever a query threw (drizzle wraps driver errors in
 * `cause`). Returns undefined for errors that did not come from Postgres.
 *
 * @example
 * if (pgError(e)?.code === '23505') throw new CrmError('conflict', 'Domain already in use');
 */
export function pgError(error: unknown): PgError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return {
        code: candidate.code,
        message: String(candidate.message ?? ''),
        ...(typeof constraint === 'string' ? { constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** SQLSTATE codes the core handles. */
export const PG = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  insufficientPrivilege: '42501',
  invalidText: '22P02',
  /** A NUL character in text. */
  characterNotInRepertoire: '22021',
  /** `\u0000` inside jsonb. */
  untranslatableCharacter: '22P05',
  stackDepthExceeded: '54001',
} as const;

/**
 * Runs a write and turns a unique violation into the caller's typed error (usually a 409
 * that names the field), so a duplicate is an answer rather than a 500.
 *
 * @example
 * await onUniqueViolation(() => tx.insert(contacts).values(v), () => new CrmError('conflict', 'Email in use'));
 */
export async function onUniqueViolation<T>(run: () => Promise<T>, toError: (constraint: string | undefined) => Error): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const pg = pgError(error);
    if (pg?.code === PG.uniqueViolation) throw toError(pg.constraint);
    throw error;
  }
}
