/**
 * `<crm-search>`: hybrid search (words and meaning) across everything the caller may see:
 * knowledge, chats, and later emails, documents and web pages. Results are grouped by company
 * and source, each with its snippet; choosing one emits `crm-search-select` `{ hit }` (and
 * `crm-company-select` `{ id }` from a company heading).
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CrmElement, define, type Lang, type SearchHit } from '../kit/index.ts';

const TEXTS = {
  da: {
    title: 'Søg', label: 'Søg i alt', placeholder: 'Fx “tilbud på tagrender” eller “åbningstider”', go: 'Søg', none: 'Intet fundet. Prøv andre ord.',
    hint: 'Søger i viden, chats og alt andet, du har adgang til.', results: (n: number) => `${n} resultater`,
    sources: { knowledge: 'Viden', chat: 'Chat', email: 'E-mail', document: 'Dokument', web_page: 'Hjemmeside', quote: 'Tilbud' } as Record<string, string>,
  },
  en: {
    title: 'Search', label: 'Search everything', placeholder: 'E.g. “gutter quote” or “opening hours”', go: 'Search', none: 'Nothing found. Try other words.',
    hint: 'Searches knowledge, chats and everything else you may see.', results: (n: number) => `${n} results`,
    sources: { knowledge: 'Knowledge', chat: 'Chat', email: 'Email', document: 'Document', web_page: 'Web page', quote: 'Quote' } as Record<string, string>,
  },
} satisfies Record<Lang, unknown>;

/** `**word**` (the server's highlight) as <mark>, the rest as text: never HTML. */
function snippet(text: string): (string | TemplateResult)[] {
  return text.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : part));
}

export class CrmSearch extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      form { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; padding: var(--_gap); }
      form label { flex: 1 1 16rem; }
      form input { width: 100%; }
      .group { padding: 0 var(--_gap) var(--_gap); }
      .group h3 { padding: 8px 0; display: flex; gap: 8px; align-items: baseline; }
      .hit .title { font-weight: 600; }
      .hit p { margin: 2px 0 0; overflow-wrap: anywhere; }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    query: { reflect: true },
    hits: { state: true },
    names: { state: true },
    loading: { state: true },
    error: { state: true },
    searched: { state: true },
  };

  /** The search shown (set it to search from outside). */
  declare query: string;
  declare hits: SearchHit[];
  declare names: Record<string, string>;
  declare loading: boolean;
  declare error: unknown;
  declare searched: boolean;
  private ran = '';
  private request = 0;

  constructor() {
    super();
    this.query = '';
    this.hits = [];
    this.names = {};
    this.loading = false;
    this.searched = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('query') && this.query.trim() && this.query !== this.ran) void this.run(this.query);
    super.willUpdate(changed);
  }

  private async run(query: string): Promise<void> {
    const request = ++this.request;
    this.ran = query;
    this.loading = true;
    this.error = undefined;
    try {
      const { hits } = await this.client.call('search', { body: { query, k: 30 } });
      if (request !== this.request) return;
      this.hits = hits;
      this.searched = true;
      const unknown = [...new Set(hits.map((h) => h.company_id))].filter((id) => !this.names[id]);
      const found = await Promise.all(unknown.map((id) => this.client.call('getCompany', { params: { id } }).then((c) => [id, c.name] as const, () => [id, ''] as const)));
      if (request === this.request) this.names = { ...this.names, ...Object.fromEntries(found) };
    } catch (error) {
      if (request === this.request) this.error = error;
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    const groups = new Map<string, Map<string, SearchHit[]>>();
    for (const hit of this.hits) {
      const byCompany = groups.get(hit.company_id) ?? new Map<string, SearchHit[]>();
      byCompany.set(hit.source_type, [...(byCompany.get(hit.source_type) ?? []), hit]);
      groups.set(hit.company_id, byCompany);
    }
    return html`<section part="base" aria-label=${t.title}>
      <form role="search" part="form" @submit=${(e: Event) => {
        e.preventDefault();
        const value = String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim();
        this.query = value;
        if (value) void this.run(value);
      }}>
        <label>${t.label}<input type="search" name="q" part="input" placeholder=${t.placeholder} .value=${this.query} /></label>
        <button class="primary" type="submit">${t.go}</button>
      </form>
      ${this.searched ? html`<p class="small muted group" role="status">${t.results(this.hits.length)}</p>` : html`<p class="small muted group">${t.hint}</p>`}
      ${[...groups].map(([companyId, bySource]) => html`<div class="group" part="group">
        <h3><button type="button" class="link" @click=${() => this.emit('crm-company-select', { id: companyId })}>${this.names[companyId] || '…'}</button></h3>
        ${[...bySource].map(([source, hits]) => html`<div class="small muted">${t.sources[source] ?? source}</div>
          <ul class="list">${hits.map((hit) => html`<li><button type="button" class="item hit" part="hit" @click=${() => this.emit('crm-search-select', { hit })}>
            <span class="title">${hit.title ?? hit.heading_path.join(' › ')}</span>
            <p>${snippet(hit.snippet)}</p></button></li>`)}</ul>`)}
      </div>`)}
      ${this.status({ loading: this.loading, error: this.error, empty: this.searched && this.hits.length === 0, emptyText: t.none })}
      ${nothing}
    </section>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-search', CrmSearch);

declare global {
  interface HTMLElementTagNameMap {
    'crm-search': CrmSearch;
  }
}
