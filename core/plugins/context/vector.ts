import type { EmbedService, SearchService } from '../../../plugin-api.d.ts';
import { scope } from '../../db/scope/index.ts';
import { CrmError } from '../../errors/index.ts';
import { search } from '../../search/index.ts';
import type { HostServices } from './services.ts';

/**
 * Hybrid search for plugins, in the scope of the companies asked for (never "all": a plugin
 * names the companies it searches), and the configured embedder.
 *
 * @example
 * const hits = await vectorServices(services).search({ query: 'tagrender', companyIds: [selfId], k: 5 });
 */
export function vectorServices(services: HostServices): { search: SearchService; embed: EmbedService } {
  return {
    search: async (options) => {
      if (!Array.isArray(options.companyIds) || options.companyIds.length === 0) {
        throw new CrmError('bad_request', 'search needs the companyIds to search in');
      }
      const hits = await search(scope(services.db, options.companyIds), services.embedder(), {
        query: options.query, companyIds: options.companyIds, sourceTypes: options.sourceTypes, visibility: options.visibility, k: options.k,
      });
      return hits.map(({ ranks: _ranks, ...hit }) => hit);
    },
    embed: (texts, kind) => services.embedder().embed(texts, kind),
  };
}
