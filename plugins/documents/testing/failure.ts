import { expect } from 'vitest';
import { ExtractionError } from '../extract/types.ts';

/**
 * The ExtractionError a promise rejects with; fails the test when it resolves or rejects with
 * anything else.
 *
 * @example
 * expect((await extractionFailure(extractPdf(bytes, options))).code).toBe('encrypted');
 */
export async function extractionFailure(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}
