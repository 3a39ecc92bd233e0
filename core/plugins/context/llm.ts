import type { LlmService } from '../../../plugin-api.d.ts';
import { CrmError } from '../../errors/index.ts';
import type { HostServices } from './services.ts';

const NONE = 'No LLM provider is configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server), or enable an LLM provider plugin';

/**
 * The configured chat model, looked up at each call; without one, `available` is false and
 * calls fail with `unavailable`, so a plugin can fall back (the chatbot answers extractively).
 *
 * @example
 * if (llm.available) await llm.complete({ messages });
 */
export function llmService(services: Pick<HostServices, 'llm'>): LlmService {
  const provider = () => {
    const found = services.llm();
    if (!found) throw new CrmError('unavailable', NONE);
    return found;
  };
  return {
    get available() {
      return services.llm() !== undefined;
    },
    get model() {
      return services.llm()?.model ?? null;
    },
    complete: async (request) => provider().complete(request),
    async *stream(request) {
      yield* provider().stream(request);
    },
  };
}
