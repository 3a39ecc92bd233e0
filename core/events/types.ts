import type { EventTypeInfo } from '../../plugin-api.d.ts';

export type { EventTypeInfo };

/**
 * What the timeline's event types are, for widgets that show a timeline: a title in Danish and
 * English, an icon name, and the payload fields that summarise one. The core describes its
 * own; plugins describe theirs (`ctx.describeEvents`), so a new source shows on a company's
 * timeline without a widget change.
 *
 * @example
 * const types = createEventTypes();
 * types.describe('chat', { 'chat.message': { title: { da: 'Chatbesked', en: 'Chat message' }, icon: 'chat', summary: ['text'] } });
 * types.list(); // [{ type: 'company.created', … }, { type: 'chat.message', source: 'chat', … }]
 */
export function createEventTypes() {
  const types = new Map<string, EventTypeInfo & { source: string }>();
  const describe = (source: string, described: Record<string, EventTypeInfo>) => {
    for (const [type, info] of Object.entries(described)) {
      if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(type)) throw new Error(`Event type ${JSON.stringify(type)} must be dotted lower-case, like chat.message`);
      types.set(type, { ...info, source });
    }
  };
  describe('core', CORE_TYPES);
  return {
    describe,
    list: () => [...types.entries()].map(([type, info]) => ({ type, ...info })),
    /** Forgets what a plugin described (it failed or stopped). */
    removeSource: (source: string) => {
      for (const [type, info] of types) if (info.source === source) types.delete(type);
    },
  };
}

export type EventTypes = ReturnType<typeof createEventTypes>;

const CORE_TYPES: Record<string, EventTypeInfo> = {
  'company.created': { title: { da: 'Kunde oprettet', en: 'Company created' }, icon: 'company', summary: [] },
  'company.merged': { title: { da: 'Kunder lagt sammen', en: 'Companies merged' }, icon: 'merge', summary: ['from.name'] },
  'contact.added': { title: { da: 'Kontaktperson tilføjet', en: 'Contact added' }, icon: 'person', summary: ['name'] },
  'note.added': { title: { da: 'Note', en: 'Note' }, icon: 'note', summary: ['text', 'by'] },
};
