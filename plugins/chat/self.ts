import type { Company } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';

/**
 * The own company, looked up once a minute at most: every answer needs its id (the knowledge
 * it searches, the sites it owns), and it doesn't change while the server runs.
 */
export function selfCompany(ctx: Ctx): () => Promise<Company> {
  let cached: { company: Company; at: number } | undefined;
  return async () => {
    if (!cached || Date.now() - cached.at > 60_000) cached = { company: await ctx.companies.self(), at: Date.now() };
    return cached.company;
  };
}
