import { describe, expect, it } from 'vitest';
import { CrmError, problemType, toProblem } from './index.ts';

describe('toProblem', () => {
  it('maps a typed error to its status, stable type and detail', () => {
    const problem = toProblem(new CrmError('not_found', 'Company not found'), '/api/companies/x');
    expect(problem).toEqual({
      type: 'urn:crm:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'Company not found',
      instance: '/api/companies/x',
    });
  });

  it('hides the message and stack of unexpected errors', () => {
    const problem = toProblem(new Error('password=hunter2 at db.ts:12'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.type).toBe(problemType('internal'));
  });

  it('carries field issues of validation errors', () => {
    const issues = [{ path: 'body.name', message: 'Required' }];
    expect(toProblem(new CrmError('validation_failed', 'Invalid request', { issues })).errors).toEqual(issues);
  });
});
