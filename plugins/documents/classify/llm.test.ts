import { describe, expect, it } from 'vitest';
import type { ChatMessage, LlmService } from '../../../plugin-api.d.ts';
import { textAnalysis as text } from '../../../core/plugins/context/text.ts';
import { classify, classifyWithLlm, emptyModel } from './index.ts';

const input = { title: 'Overslag 118', text: 'Overslag over nyt tag. Tømrertimer 20 á 545,00. Betaling netto 8 dage, reg.nr. 1234 kontonr. 7654321.', name: 'overslag-118.pdf', type: 'pdf' as const };
const offline = classify(input, emptyModel(), text);

/** An LlmService that answers with `answer` (or throws it), recording what it was asked. */
function fakeLlm(answer: string | Error, seen: { messages: ChatMessage[]; temperature?: number }[] = []): LlmService {
  return {
    available: true,
    model: 'fake',
    async complete(request) {
      seen.push(request);
      if (answer instanceof Error) throw answer;
      return { text: answer, usage: { inputTokens: 1, outputTokens: 1 } };
    },
    async *stream() {
      yield '';
    },
  };
}

describe('classifyWithLlm', () => {
  it('uses a valid answer, asked at temperature 0 with the categories listed', async () => {
    const seen: { messages: ChatMessage[]; temperature?: number }[] = [];
    const c = await classifyWithLlm(input, offline, fakeLlm('```json\n{"category":"quote","confidence":0.86,"reason":"Et overslag over arbejdet"}\n```', seen));
    expect(c).toMatchObject({ category: 'quote', best: 'quote', confidence: 0.86, source: 'llm', reason: { da: 'Et overslag over arbejdet' } });
    expect(Object.values(c.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(seen[0]!.temperature).toBe(0);
    expect(seen[0]!.messages[0]!.content).toMatch(/credit_note: credit note \(Danish: kreditnota\)/);
    expect(seen[0]!.messages[1]!.content).toContain('Overslag over nyt tag');
  });

  it('shows an answer the model itself is unsure of as unsure', async () => {
    const c = await classifyWithLlm(input, offline, fakeLlm('{"category":"quote","confidence":0.3,"reason":"maybe"}'));
    expect(c.category).toBe('unsure');
    expect(c.best).toBe('quote');
  });

  it.each([
    ['an invented category', '{"category":"estimate","confidence":0.9,"reason":"x"}'],
    ['malformed JSON', '{"category": "quote", confidence: high'],
    ['prose', 'It is a quote.'],
    ['a confidence out of range', '{"category":"quote","confidence":7,"reason":"x"}'],
  ])('falls back to the offline result on %s', async (_what, answer) => {
    expect(await classifyWithLlm(input, offline, fakeLlm(answer))).toBe(offline);
  });

  it('falls back on an error, when no model runs, and on abort', async () => {
    expect(await classifyWithLlm(input, offline, fakeLlm(new Error('429 rate limited')))).toBe(offline);
    expect(await classifyWithLlm(input, offline, { ...fakeLlm('{}'), available: false })).toBe(offline);
    const slow: LlmService = {
      ...fakeLlm('{}'),
      complete: ({ signal }) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    };
    const controller = new AbortController();
    const pending = classifyWithLlm(input, offline, slow, { signal: controller.signal });
    controller.abort();
    expect(await pending).toBe(offline);
  });
});
