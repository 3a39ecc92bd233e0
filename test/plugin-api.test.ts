import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { CompanyOut } from '../core/companies/schemas.ts';
import { ERROR_STATUS, problemType } from '../core/errors/index.ts';
import type { Company, ErrorCode } from '../plugin-api.d.ts';

describe('plugin-api.d.ts', () => {
  it('describes companies exactly as the API returns them', () => {
    expectTypeOf<Company>().toEqualTypeOf<z.infer<typeof CompanyOut>>();
  });

  it('lists the same error codes as the core', () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<keyof typeof ERROR_STATUS>();
    expect(problemType('not_found')).toBe('urn:crm:problem:not-found');
  });
});
