import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { createTestHost } from '../../app/testing/index.ts';
import chat from '../../plugins/chat/index.ts';

/**
 * Client generators need more than a valid document: Redocly's `recommended` rules (servers,
 * an operationId on every operation, a 4xx answer on every operation, no unused components …)
 * must find nothing in the whole document, core and plugin routes together.
 */
describe('/openapi.json', () => {
  it("is clean by Redocly's recommended lint", { timeout: 90_000 }, async () => {
    const host = await createTestHost({ plugins: [chat], publicUrl: 'https://crm.nordlys-tag.dk' });
    try {
      const source = await (await host.fetch('/openapi.json')).text();
      const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config: await createConfig({ extends: ['recommended'] }) });
      expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
      const doc = JSON.parse(source);
      expect(doc.servers).toEqual([{ url: 'https://crm.nordlys-tag.dk', description: 'This CRM' }]);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/companies/{id}', '/api/chat/sessions', '/api/chat/leads/{id}/confirm']));
    } finally {
      await host.close();
    }
  });
});
