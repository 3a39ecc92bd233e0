/**
 * One error type for the whole core, with a closed set of codes (the tRPC model).
 * Every code maps to one HTTP status and one stable problem `type` URI, so clients
 * can branch on `type` and never on message text.
 */

/** HTTP status for each error code. Adding a code is an API change. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem, as in `errors[]` of a validation problem. */
export interface FieldIssue {
  /** JSON pointer-like path, e.g. `body.email` or `query.limit`. */
  path: string;
  message: string;
}

/**
 * A typed error with a stable code. Throw it anywhere; the HTTP layer turns it into
 * `application/problem+json` and the CLI into one line.
 *
 * @example
 * throw new CrmError('not_found', 'Company not found');
 * throw new CrmError('conflict', 'A company with this domain exists', { detail: { domain } });
 */
export class CrmError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: FieldIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CrmError';
    this.code = code;
    this.issues = options.issues;
    this.extra = options.extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The stable problem `type` URI for a code (RFC 9457 §3.1.1). */
export function problemType(code: ErrorCode): string {
  return `urn:crm:problem:${code.replaceAll('_', '-')}`;
}

/** Title shown for each code: short, human, never the per-request detail. */
const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
  [extension: string]: unknown;
}

/**
 * Renders any thrown value as a problem document. Unknown errors become a generic
 * 500 whose detail never carries the original message or stack.
 */
export function toProblem(error: unknown, instance?: string): Problem {
  const err = error instanceof CrmError ? error : new CrmError('internal', 'An unexpected error occurred');
  return {
    ...err.extra,
    type: problemType(err.code),
    title: TITLES[err.code],
    status: err.status,
    detail: err.message,
    ...(instance ? { instance } : {}),
    ...(err.issues ? { errors: err.issues } : {}),
  };
}

/** True for CrmError with the given code. */
export function isCrmError(error: unknown, code?: ErrorCode): error is CrmError {
  return error instanceof CrmError && (code === undefined || error.code === code);
}
