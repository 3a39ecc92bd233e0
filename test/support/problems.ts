import { expect } from 'vitest';
import { ERROR_STATUS, type ErrorCode, problemType } from '../../core/errors/index.ts';
import type { TestResponse } from './app.ts';

/** The stable problem `type` of each error status, e.g. 422 → urn:crm:problem:validation-failed. */
const TYPE_OF_STATUS = new Map<number, string>(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, problemType(code as ErrorCode)]),
);

/**
 * Checks what every answer must hold: errors are problem+json with the stable `type` of their
 * status, and no body ever carries a stack trace.
 */
export function checkAnswer(res: TestResponse): TestResponse {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
  expect(text, 'body leaks a stack trace').not.toMatch(/\bat .*\.ts:\d+/);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), `content type of a ${res.status}`).toBe('application/problem+json');
    expect(res.body, `problem body of a ${res.status}`).toMatchObject({ type: TYPE_OF_STATUS.get(res.status), status: res.status });
    expect(typeof res.body.detail).toBe('string');
  }
  return res;
}

/** Asserts a problem answer with the given status and stable type. */
export function expectProblem(res: TestResponse, status: number, type: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { type: `urn:crm:problem:${type}`, status } });
  expect(res.headers.get('content-type')).toBe('application/problem+json');
}

/** Asserts a 422 whose `errors[]` names the field. */
export function expectInvalid(res: TestResponse, path: string, mentions?: string): void {
  expectProblem(res, 422, 'validation-failed');
  const issue = res.body.errors?.find((e: { path: string }) => e.path === path);
  expect(issue, `an issue at ${path} in ${JSON.stringify(res.body.errors)}`).toBeDefined();
  if (mentions) expect(issue.message).toContain(mentions);
}
