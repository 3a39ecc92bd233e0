import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createTestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

it('runs as a provider plugin against an OpenAI-compatible server', async () => {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const { input, dimensions } = JSON.parse(body) as { input: string[]; dimensions: number };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ object: 'list', model: 'stub', data: input.map((_, index) => ({ object: 'embedding', index, embedding: Array.from({ length: dimensions }, (_, i) => (i === index ? 1 : 0)) })), usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const host = await createTestHost({ plugins: [{ plugin, config: { apiKey: 'sk-test', baseUrl, dimensions: 64 } }] });
  const provider = host.host.embeddings('embeddings-openai')!;
  expect(provider).toMatchObject({ id: 'openai', model: 'text-embedding-3-small', dimensions: 64 });
  expect((await provider.embed(['a', 'b']))[1]![1]).toBe(1);
  await host.close();
  await expect(createTestHost({ plugins: [{ plugin, config: { baseUrl } }] })).rejects.toThrow('Plugin embeddings-openai: config field apiKey');
  server.close();
});
