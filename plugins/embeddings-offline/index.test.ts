import { expect, it } from 'vitest';
import { createTestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

it('runs as a provider plugin with the configured dimension', async () => {
  const host = await createTestHost({ plugins: [plugin], env: { CRM_PLUGIN_EMBEDDINGS_OFFLINE_DIMENSIONS: '256' } });
  const provider = host.host.embeddings('embeddings-offline')!;
  expect(provider).toMatchObject({ id: 'offline', model: 'offline-hash-v2', dimensions: 256 });
  const [vector] = await provider.embed(['Nye tagrender i zink']);
  expect(vector).toHaveLength(256);
  await host.close();
  await expect(createTestHost({ plugins: [{ plugin, config: { dimensions: 4000 } }] })).rejects.toThrow(/^Plugin embeddings-offline: config field dimensions/);
});
