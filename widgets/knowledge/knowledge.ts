/**
 * `<crm-knowledge>`: the knowledge base the chatbot answers from. List the articles, write and
 * edit them in Markdown, public (the chatbot may quote it) or internal, see when an edit is
 * indexed, and ask the chatbot a test question to see what it would answer now, with its
 * citations. Emits `crm-knowledge-save` `{ article }`.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { type ChatPreviewAnswer, CrmApiError, CrmElement, define, errorMessage, formatRelative, type KnowledgeArticle, type Lang } from '../kit/index.ts';

const TEXTS = {
  da: {
    title: 'Viden', new: 'Ny artikel', empty: 'Ingen artikler endnu. Skriv den første, så kan chatbotten svare ud fra den.',
    public: 'Offentlig', internal: 'Intern', indexing: 'Indekseres…', indexed: 'Klar', heading: 'Titel', body: 'Tekst (Markdown)',
    visibility: 'Synlighed', publicHint: 'Chatbotten må citere den for besøgende', internalHint: 'Kun for medarbejdere', tags: 'Mærker (adskilt med komma)',
    url: 'Udgivet på (adresse, valgfri)', save: 'Gem', saved: 'Gemt. Chatbotten bruger den nye tekst, når den er indekseret.', delete: 'Slet', confirmDelete: 'Slet artiklen? Det kan ikke fortrydes.',
    deleted: 'Artiklen er slettet.', test: 'Prøv chatbotten', question: 'Et spørgsmål en besøgende kunne stille', ask: 'Spørg', unsure: 'Chatbotten ville sige, at den ikke ved det, og tilbyde en medarbejder.',
    sources: 'Kilder', risks: { payment_details: 'Betalingsoplysninger', external_link: 'Links til andre sider' } as Record<string, string>, pick: 'Vælg en artikel, eller skriv en ny.', updated: 'Ændret',
  },
  en: {
    title: 'Knowledge', new: 'New article', empty: 'No articles yet. Write the first one, and the chatbot can answer from it.',
    public: 'Public', internal: 'Internal', indexing: 'Indexing…', indexed: 'Ready', heading: 'Title', body: 'Text (Markdown)',
    visibility: 'Visibility', publicHint: 'The chatbot may quote it to visitors', internalHint: 'Staff only', tags: 'Tags (comma-separated)',
    url: 'Published at (address, optional)', save: 'Save', saved: 'Saved. The chatbot uses the new text once it is indexed.', delete: 'Delete', confirmDelete: 'Delete the article? This cannot be undone.',
    deleted: 'The article was deleted.', test: 'Try the chatbot', question: 'A question a visitor might ask', ask: 'Ask', unsure: 'The chatbot would say it does not know, and offer a person.',
    sources: 'Sources', risks: { payment_details: 'Payment details', external_link: 'Links to other sites' } as Record<string, string>, pick: 'Choose an article, or write a new one.', updated: 'Changed',
  },
} satisfies Record<Lang, unknown>;

type Draft = { id?: string; title: string; body: string; visibility: 'public' | 'internal'; tags: string; url: string };

export class CrmKnowledge extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host { container-type: inline-size; }
      .layout { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); }
      @container (min-width: 760px) { .layout { grid-template-columns: minmax(14rem, 1fr) minmax(0, 2fr); } }
      form, .test { display: grid; gap: 10px; }
      fieldset { border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); display: flex; gap: 14px; flex-wrap: wrap; }
      fieldset label { display: flex; gap: 6px; align-items: center; color: var(--_fg); }
      textarea[name='body'] { min-height: 16rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.92em; }
      .answer { white-space: pre-wrap; }
      .panes { display: grid; gap: var(--_gap); align-content: start; }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    articles: { state: true },
    draft: { state: true },
    loading: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    answer: { state: true },
    asking: { state: true },
    noChat: { state: true },
  };

  declare articles: KnowledgeArticle[];
  declare draft: Draft | undefined;
  declare loading: boolean;
  declare error: unknown;
  declare notice: string;
  declare busy: boolean;
  declare answer: ChatPreviewAnswer | undefined;
  declare asking: boolean;
  declare noChat: boolean;
  private loadedFor: unknown;
  private polling: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.articles = [];
    this.loading = false;
    this.notice = '';
    this.busy = false;
    this.asking = false;
    this.noChat = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.polling);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.load();
    }
    super.willUpdate(changed);
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const items: KnowledgeArticle[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: KnowledgeArticle[]; next_cursor: string | null } = await this.client.call('listKnowledgeArticles', { query: { limit: 200, ...(cursor ? { cursor } : {}) } });
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor && items.length < 2000);
      this.articles = items;
      this.error = undefined;
      // Articles being indexed are looked at again until they are ready.
      clearTimeout(this.polling);
      if (items.some((a) => !a.indexed_at)) this.polling = setTimeout(() => void this.load(), 1500);
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  private edit(article?: KnowledgeArticle): void {
    this.notice = '';
    this.answer = undefined;
    this.draft = article
      ? { id: article.id, title: article.title, body: article.body, visibility: article.visibility, tags: article.tags.join(', '), url: article.url ?? '' }
      : { title: '', body: '', visibility: 'public', tags: '', url: '' };
  }

  private message(error: unknown): string {
    // The server says exactly why an article can't be published (payment details, foreign links).
    if (error instanceof CrmApiError && error.code === 'forbidden' && error.problem.risk_flags) return error.problem.detail ?? errorMessage(error, this.language);
    return errorMessage(error, this.language);
  }

  private async save(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const fields = {
      title: String(data.get('title') ?? '').trim(), body: String(data.get('body') ?? ''), visibility: (data.get('visibility') === 'internal' ? 'internal' : 'public') as 'public' | 'internal',
      tags: String(data.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean), url: String(data.get('url') ?? '').trim() || null,
    };
    this.busy = true;
    this.notice = '';
    try {
      const { article } = this.draft?.id
        ? await this.client.call('updateKnowledgeArticle', { params: { id: this.draft.id }, body: fields })
        : await this.client.call('createKnowledgeArticle', { body: fields });
      this.edit(article);
      this.notice = TEXTS[this.language].saved;
      this.emit('crm-knowledge-save', { article });
      await this.load();
    } catch (error) {
      this.notice = this.message(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteArticle(): Promise<void> {
    const t = TEXTS[this.language];
    if (!this.draft?.id || !confirm(t.confirmDelete)) return;
    this.busy = true;
    try {
      await this.client.call('deleteKnowledgeArticle', { params: { id: this.draft.id } });
      this.draft = undefined;
      this.notice = t.deleted;
      await this.load();
    } catch (error) {
      this.notice = this.message(error);
    } finally {
      this.busy = false;
    }
  }

  private async ask(form: HTMLFormElement): Promise<void> {
    const question = String(new FormData(form).get('question') ?? '').trim();
    if (!question) return;
    this.asking = true;
    try {
      this.answer = await this.client.call('chatPreviewAnswer', { body: { question, lang: this.language } });
    } catch (error) {
      if (error instanceof CrmApiError && error.status === 404) this.noChat = true;
      else this.notice = this.message(error);
    } finally {
      this.asking = false;
    }
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    return html`<section part="base" aria-label=${t.title}><div class="layout">
      <div class="card" part="list-card">
        <div class="row"><h2 class="grow">${t.title}</h2><button type="button" class="primary" part="new" @click=${() => this.edit()}>${t.new}</button></div>
        <ul class="list" part="list">
          ${this.articles.map((a) => html`<li><button type="button" class="item" part="item" aria-current=${String(a.id === this.draft?.id)} @click=${() => this.edit(a)}>
            <strong>${a.title}</strong>
            <span class="row small muted"><span class="badge">${a.visibility === 'public' ? t.public : t.internal}</span>
              ${a.risk_flags.map((r) => html`<span class="badge warn">${t.risks[r]}</span>`)}
              <span>${a.indexed_at ? t.indexed : html`<span class="spinner"></span> ${t.indexing}`}</span>
              <span>${t.updated} ${formatRelative(a.updated_at, lang)}</span></span>
          </button></li>`)}
        </ul>
        ${this.status({ loading: this.loading && this.articles.length === 0, error: this.error, empty: !this.loading && this.articles.length === 0, emptyText: t.empty })}
      </div>
      <div class="panes">${this.draft ? this.renderEditor(this.draft, lang) : html`<p class="card muted">${t.pick}</p>`}
        ${this.noChat ? nothing : this.renderTest(lang)}</div>
    </div></section>`;
  }

  private renderEditor(d: Draft, lang: Lang) {
    const t = TEXTS[lang];
    return html`<form class="card" part="editor" @submit=${(e: Event) => {
      e.preventDefault();
      void this.save(e.target as HTMLFormElement);
    }}>
      <label>${t.heading}<input name="title" required maxlength="300" .value=${d.title} /></label>
      <label>${t.body}<textarea name="body" required .value=${d.body}></textarea></label>
      <fieldset><legend>${t.visibility}</legend>
        <label><input type="radio" name="visibility" value="public" ?checked=${d.visibility === 'public'} /> ${t.public} <span class="small muted">(${t.publicHint})</span></label>
        <label><input type="radio" name="visibility" value="internal" ?checked=${d.visibility === 'internal'} /> ${t.internal} <span class="small muted">(${t.internalHint})</span></label>
      </fieldset>
      <div class="row"><label class="grow">${t.tags}<input name="tags" .value=${d.tags} /></label><label class="grow">${t.url}<input name="url" type="url" .value=${d.url} /></label></div>
      <div class="row"><button class="primary" type="submit" part="save" ?disabled=${this.busy}>${t.save}</button>
        ${d.id ? html`<button type="button" part="delete" ?disabled=${this.busy} @click=${() => this.deleteArticle()}>${t.delete}</button>` : nothing}
        <span class="small grow" role="status" part="notice">${this.notice}</span></div>
    </form>`;
  }

  private renderTest(lang: Lang) {
    const t = TEXTS[lang];
    const a = this.answer;
    return html`<section class="card test" part="test" aria-labelledby="test-title">
      <h3 id="test-title">${t.test}</h3>
      <form class="row" @submit=${(e: Event) => {
        e.preventDefault();
        void this.ask(e.target as HTMLFormElement);
      }}><label class="grow">${t.question}<input name="question" part="question" /></label><button type="submit" ?disabled=${this.asking}>${t.ask}</button></form>
      <div role="status" aria-live="polite" part="answer">
        ${this.asking ? html`<span class="spinner"></span>` : nothing}
        ${a ? html`<p class="answer">${a.text}</p>${a.confident ? nothing : html`<p class="small muted">${t.unsure}</p>`}
          ${a.citations.length ? html`<p class="small">${t.sources}: ${a.citations.map((c, i) => html`${i ? ', ' : ''}[${c.n}] ${c.url ? html`<a href=${c.url} target="_blank" rel="noopener noreferrer">${c.title}</a>` : c.title}`)}</p>` : nothing}` : nothing}
      </div>
    </section>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-knowledge', CrmKnowledge);

declare global {
  interface HTMLElementTagNameMap {
    'crm-knowledge': CrmKnowledge;
  }
}
