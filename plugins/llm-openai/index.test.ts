import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createTestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

it('runs as the host LLM provider against an OpenAI-compatible server', async () => {
  const bodies: { model: string; max_tokens: number; stream?: boolean }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const request = JSON.parse(body) as (typeof bodies)[number];
      bodies.push(request);
      if (request.stream) {
        res.setHeader('content-type', 'text/event-stream');
        const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
        return void res.end(chunk('Goddag') + chunk('.') + 'data: [DONE]\n\n');
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'Goddag.' } }], usage: { prompt_tokens: 9, completion_tokens: 2 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const host = await createTestHost({ plugins: [{ plugin, config: { apiKey: 'sk-test', baseUrl, model: 'qwen2.5', maxTokens: 300 } }] });
  const llm = host.host.llm()!;
  expect(llm).toMatchObject({ id: 'openai', model: 'qwen2.5' });
  const messages = [{ role: 'user' as const, content: 'Hej' }];
  expect(await llm.complete({ messages })).toMatchObject({ text: 'Goddag.', usage: { inputTokens: 9, outputTokens: 2 } });
  const deltas: string[] = [];
  for await (const delta of llm.stream({ messages })) deltas.push(delta);
  expect(deltas).toEqual(['Goddag', '.']);
  expect(bodies.map((b) => [b.model, b.max_tokens])).toEqual([['qwen2.5', 300], ['qwen2.5', 300]]);
  expect(host.status('llm-openai')).toMatchObject({ status: 'running' });
  await host.close();
  await expect(createTestHost({ plugins: [{ plugin, config: { baseUrl } }] })).rejects.toThrow('Plugin llm-openai: config field apiKey');
  server.close();
});
