/**
 * Benchmarks: `npm run bench -- <name>`. Results go to BENCHMARKS.md by hand, with the
 * machine, date and command.
 */
import { runApiBench } from './api.ts';
import { runChatBench } from './chat.ts';
import { runDocumentsBench } from './documents.ts';
import { runDocumentsClassifyBench } from './documents-classify.ts';
import { runDocumentsRealisticBench } from './documents-realistic.ts';
import { runEmailImportBench } from './email-import.ts';
import { runFaultsBench } from './faults.ts';
import { runLoadBench } from './load.ts';
import { runPricingTextBench } from './pricing-text.ts';
import { runSearchBench } from './search.ts';
import { runRetrievalBench } from './retrieval.ts';
import { runWebsiteCrawlBench } from './website-crawl.ts';

const BENCHES: Record<string, () => Promise<void>> = { api: runApiBench, chat: runChatBench, documents: () => runDocumentsBench(), 'documents-classify': runDocumentsClassifyBench, 'documents-realistic': runDocumentsRealisticBench, 'email-import': runEmailImportBench, faults: runFaultsBench, load: () => runLoadBench(), 'pricing-text': runPricingTextBench, retrieval: runRetrievalBench, search: runSearchBench, 'website-crawl': runWebsiteCrawlBench };

const name = process.argv[2] ?? 'api';
const bench = BENCHES[name];
if (!bench) {
  console.error(`crm bench: unknown benchmark "${name}"; choose one of: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(1);
}
await bench();
