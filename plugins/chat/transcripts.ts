import type { CompanyStore } from '../../plugin-api.d.ts';
import { listMessages } from './store.ts';

const SPEAKER = { visitor: 'Besøgende/Visitor', bot: 'Bot', staff: 'Medarbejder/Staff' } as const;

/**
 * The conversation as internal passages of its company (source type `chat`), so staff search
 * and later analysis find it; never public, so the bot never quotes one visitor to another.
 *
 * @example
 * await indexTranscript(ctx.forCompany(companyId), conversationId);
 */
export async function indexTranscript(store: CompanyStore, conversationId: string): Promise<void> {
  const messages = await listMessages(store, conversationId);
  const transcript = messages.map((m) => `${SPEAKER[m.role]}: ${m.text}`).join('\n\n');
  await store.passages.index({ sourceType: 'chat', sourceId: conversationId, visibility: 'internal', title: 'Chat', text: transcript });
}
