/**
 * `<crm-documents company-id="…">`: a customer's documents. Drop (or choose) many files at once:
 * each is its own upload with a progress bar and its own answer (the server's reason when it is
 * refused), then the text extraction's progress until it is ready. The list shows each
 * document's category (`Usikker – foreslået: Faktura` when the classifier is unsure),
 * confidence, status, size, pages, date and visibility, filtered by category, status and a text
 * search. A document opens with its text by page, to download, recategorise (the classifier
 * learns from it), make public or internal, or delete.
 *
 * Emits `crm-document-uploaded` `{ document, outcome }`, `crm-document-changed` `{ document }`
 * and `crm-document-deleted` `{ id, document }`.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { CrmApiError, CrmElement, define, errorMessage, formatDate, formatDateTime, icon, type Lang, type LiveEvent } from '../kit/index.ts';
import {
  CATEGORIES, type Category, type CrmDocument, deleteDocument, documentFile, documentText, getDocument, inProgress, listDocuments, patchDocument, STATUSES,
  type TextSection, uploadFile, type Visibility,
} from './api.ts';
import {
  categoryLabel, categoryName, confidenceLabel, pagesLabel, problemText, sizeLabel, statusLabel, statusName, summaryText, TEXTS, uploadStateLabel,
} from './texts.ts';
import { type Upload, UploadQueue } from './upload.ts';

/** How often a document being read is looked at again. */
const POLL_MS = 1500;

export class CrmDocuments extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host { container-type: inline-size; }
      :host([hidden]) { display: none; }
      [part='base'] { display: grid; gap: var(--_gap); padding: var(--_gap); }
      .drop { display: grid; gap: 6px; justify-items: center; text-align: center; padding: 20px var(--_gap); border: 2px dashed var(--_border); border-radius: var(--_radius); background: var(--_surface); }
      .drop.over { border-color: var(--_accent); background: var(--_bg); }
      .drop p { margin: 0; }
      .uploads { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
      .upload { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 10px; align-items: center; padding: 8px 10px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); }
      .upload progress { grid-column: 1 / -1; width: 100%; height: 8px; accent-color: var(--_accent); }
      .upload .name, .doc .name { overflow-wrap: anywhere; font-weight: 600; }
      .upload[data-state='failed'] { border-color: var(--_danger); }
      .upload[data-state='failed'] progress { accent-color: var(--_danger); }
      .detail select, .filters :is(select, input) { width: 100%; }
      .doc .badge { white-space: normal; overflow-wrap: anywhere; }
      .upload .problem { grid-column: 1 / -1; color: var(--_danger); margin: 0; font-size: 0.9em; }
      .upload[data-state='done'] .state, .upload[data-state='duplicate'] .state { color: var(--_success); }
      .upload[data-state='failed'] .state { color: var(--_danger); }
      .filters { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); align-items: end; }
      .layout { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); align-items: start; }
      @container (min-width: 760px) { .layout.open { grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr); } }
      .doc { display: grid; gap: 4px; padding: 10px 4px; }
      .doc .name { font-size: 1em; }
      .doc .meta { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
      .badge.danger { color: var(--_danger); border-color: currentColor; }
      .badge.ok { color: var(--_success); border-color: currentColor; }
      .detail { display: grid; gap: 10px; align-content: start; }
      .detail h3 { overflow-wrap: anywhere; }
      .detail h3:focus { outline: none; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
      dt { color: var(--_muted); }
      dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
      .confirm { border: 1px solid var(--_danger); border-radius: calc(var(--_radius) - 4px); padding: 10px; display: grid; gap: 8px; }
      .confirm p { margin: 0; }
      button.danger { color: var(--_danger); border-color: currentColor; }
      .preview { max-height: 28rem; overflow: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); background: var(--_bg); padding: 0 var(--_gap); }
      .preview section { padding: 10px 0; border-bottom: 1px solid var(--_border); }
      .preview section:last-child { border-bottom: 0; }
      .preview h5 { margin: 0 0 4px; font-size: 0.85em; color: var(--_muted); text-transform: uppercase; letter-spacing: 0.04em; }
      .preview .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.92em; }
      progress.extract { width: 100%; height: 6px; accent-color: var(--_accent); }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    companyId: { attribute: 'company-id', reflect: true },
    docs: { state: true },
    loading: { state: true },
    error: { state: true },
    disabled: { state: true },
    category: { state: true },
    docStatus: { state: true },
    q: { state: true },
    uploads: { state: true },
    visibility: { state: true },
    selected: { state: true },
    sections: { state: true },
    previewError: { state: true },
    confirming: { state: true },
    notice: { state: true },
    uploadNotice: { state: true },
    dragging: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };

  declare companyId: string | undefined;
  declare docs: CrmDocument[];
  declare loading: boolean;
  declare error: unknown;
  /** The documents plugin is not enabled on this CRM (its routes answer 404). */
  declare disabled: boolean;
  declare category: string;
  declare docStatus: string;
  declare q: string;
  declare uploads: Upload[];
  /** The visibility new uploads get. */
  declare visibility: Visibility;
  declare selected: string | undefined;
  declare sections: TextSection[] | undefined;
  declare previewError: unknown;
  declare confirming: boolean;
  declare notice: string;
  declare uploadNotice: string;
  declare dragging: boolean;
  declare busy: boolean;
  /** The first list has come: until then only "loading" shows (a CRM without the plugin hides the widget). */
  declare loaded: boolean;

  private cursor: string | null = null;
  private loadedFor = '';
  private poll: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private batch: Upload[] = [];
  private queue: UploadQueue;
  /** The company and visibility each file was chosen for (the page may move on while it waits). */
  private readonly target = new WeakMap<File, { companyId: string; visibility: Visibility }>();
  private dragDepth = 0;
  /** The newest list request: an older answer arriving late (before sign-in, other filters) is dropped. */
  private loadNo = 0;

  constructor() {
    super();
    this.docs = [];
    this.loading = false;
    this.disabled = false;
    this.category = '';
    this.docStatus = '';
    this.q = '';
    this.uploads = [];
    this.visibility = 'internal';
    this.confirming = false;
    this.notice = '';
    this.uploadNotice = '';
    this.dragging = false;
    this.busy = false;
    this.loaded = false;
    this.queue = this.makeQueue();
  }

  private makeQueue(): UploadQueue {
    return new UploadQueue(
      (file, onProgress) => uploadFile(this.client, file, { ...this.target.get(file)!, onProgress }),
      (upload) => this.uploadChanged(upload),
      3,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.poll);
    clearTimeout(this.searchTimer);
  }

  override reconnect(): void {
    this.loadedFor = '';
    super.reconnect();
  }

  /** `document.indexed` / `document.failed` on the company's timeline: look at that document now. */
  protected override liveEvent(event: LiveEvent): void {
    if (event.company_id !== this.companyId || !event.type.startsWith('document.')) return;
    const id = [event.payload.document_id, event.payload.id].find((v): v is string => typeof v === 'string');
    if ((event.type === 'document.indexed' || event.type === 'document.failed') && id) void this.refresh(id);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = `${this.companyId}|${this.client.apiBase}`;
    if (this.companyId && key !== this.loadedFor) {
      this.loadedFor = key;
      this.selected = undefined;
      this.sections = undefined;
      this.docs = [];
      this.cursor = null;
      void this.load(false);
    }
    super.willUpdate(changed);
  }

  private get filters() {
    return { category: this.category, status: this.docStatus, q: this.q.trim() };
  }

  private async load(more: boolean): Promise<void> {
    const id = this.companyId!;
    const filters = this.filters;
    const no = ++this.loadNo;
    this.loading = true;
    try {
      const page = await listDocuments(this.client, id, filters, more ? this.cursor : null);
      if (no !== this.loadNo) return;
      this.docs = more ? [...this.docs, ...page.items.filter((d) => !this.docs.some((o) => o.id === d.id))] : page.items;
      this.cursor = page.next_cursor;
      this.error = undefined;
      this.loaded = true;
      if (this.disabled) this.hidden = false;
      this.disabled = false;
      this.schedule();
    } catch (error) {
      if (no !== this.loadNo) return;
      // A CRM without the documents plugin: its routes are not there.
      if (error instanceof CrmApiError && error.status === 404 && !(error.problem.detail ?? '').toLowerCase().includes('compan')) {
        this.disabled = true;
        this.hidden = true;
      } else {
        this.error = error;
        this.loaded = true;
      }
    } finally {
      if (no === this.loadNo) this.loading = false;
    }
  }

  /** Looks again, every 1.5 s, at the documents still being read, until none are. */
  private schedule(): void {
    clearTimeout(this.poll);
    if (this.watched().length === 0 || !this.isConnected) return;
    this.poll = setTimeout(() => {
      void Promise.all(this.watched().map((id) => this.refresh(id))).finally(() => this.schedule());
    }, POLL_MS);
  }

  private watched(): string[] {
    const ids = new Set(this.docs.filter(inProgress).map((d) => d.id));
    for (const u of this.uploads) if (u.state === 'extracting' && u.document) ids.add(u.document.id);
    return [...ids];
  }

  /** Fetches one document again and puts it everywhere it is shown. */
  private async refresh(id: string): Promise<void> {
    try {
      this.replace(await getDocument(this.client, id));
    } catch (error) {
      if (error instanceof CrmApiError && error.status === 404) this.forget(id);
    }
  }

  private replace(doc: CrmDocument): void {
    const before = this.docs.find((d) => d.id === doc.id);
    this.docs = before ? this.docs.map((d) => (d.id === doc.id ? doc : d)) : [doc, ...this.docs];
    this.queue.update(doc);
    // The text is there once it is read.
    if (doc.id === this.selected && before && inProgress(before) && !inProgress(doc)) void this.loadText(doc.id);
  }

  private forget(id: string): void {
    this.docs = this.docs.filter((d) => d.id !== id);
    if (this.selected === id) this.close();
  }

  // ---- uploading

  private addFiles(files: FileList | File[] | null | undefined): void {
    const list = [...(files ?? [])];
    if (!list.length || !this.companyId) return;
    for (const file of list) this.target.set(file, { companyId: this.companyId, visibility: this.visibility });
    this.uploadNotice = '';
    this.batch.push(...this.queue.add(list));
  }

  private uploadChanged(upload: Upload): void {
    this.uploads = [...this.queue.items];
    if (upload.document && (upload.state === 'extracting' || upload.state === 'done' || upload.state === 'duplicate') && !this.docs.some((d) => d.id === upload.document!.id)) {
      this.docs = [upload.document, ...this.docs];
      this.emit('crm-document-uploaded', { document: upload.document, outcome: upload.state === 'duplicate' ? 'duplicate' : 'created' });
      this.schedule();
    } else if (upload.state === 'extracting') this.schedule();
    if (this.batch.length && this.queue.idle && this.batch.every((u) => u.state !== 'waiting' && u.state !== 'sending')) {
      this.uploadNotice = summaryText(this.batch, this.language);
      this.batch = [];
    }
  }

  private onDrag(e: DragEvent): void {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    if (e.type === 'dragenter') this.dragDepth++;
    if (e.type === 'dragleave') this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (e.type === 'dragover') e.dataTransfer.dropEffect = 'copy';
    this.dragging = this.dragDepth > 0 || e.type === 'dragover';
    if (e.type === 'dragleave' && this.dragDepth === 0) this.dragging = false;
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragDepth = 0;
    this.dragging = false;
    this.addFiles(e.dataTransfer?.files);
  }

  // ---- one document

  private async open(doc: CrmDocument): Promise<void> {
    this.selected = doc.id;
    this.confirming = false;
    this.notice = '';
    this.sections = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    await this.loadText(doc.id);
  }

  private close(): void {
    const id = this.selected;
    this.selected = undefined;
    this.sections = undefined;
    this.confirming = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"] button.name`)?.focus());
  }

  private async loadText(id: string): Promise<void> {
    this.previewError = undefined;
    try {
      const sections = await documentText(this.client, id);
      if (id === this.selected) this.sections = sections;
    } catch (error) {
      if (id === this.selected) {
        this.sections = [];
        this.previewError = error;
      }
    }
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      await work();
    } catch (error) {
      this.notice = error instanceof CrmApiError && error.problem.detail && error.code !== 'not-found' ? error.problem.detail : errorMessage(error, this.language);
    } finally {
      this.busy = false;
    }
  }

  private change(doc: CrmDocument, changes: { category?: Category; visibility?: Visibility }): Promise<void> {
    return this.act(async () => {
      const updated = await patchDocument(this.client, doc.id, changes);
      this.replace(updated);
      this.notice = TEXTS[this.language].changed;
      this.emit('crm-document-changed', { document: updated, changes });
    });
  }

  private download(doc: CrmDocument): Promise<void> {
    return this.act(async () => {
      const blob = await documentFile(this.client, doc.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = doc.name;
      a.rel = 'noopener';
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  private askDelete(): void {
    this.confirming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="confirm-delete"]')?.focus());
  }

  private deleteDoc(doc: CrmDocument): Promise<void> {
    return this.act(async () => {
      await deleteDocument(this.client, doc.id);
      this.confirming = false;
      this.selected = undefined;
      this.sections = undefined;
      this.docs = this.docs.filter((d) => d.id !== doc.id);
      this.notice = TEXTS[this.language].deleted(doc.name);
      this.emit('crm-document-deleted', { id: doc.id, document: doc });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#docs-title')?.focus();
    });
  }

  // ---- filters

  private filter(changes: { category?: string; docStatus?: string; q?: string }): void {
    Object.assign(this, changes);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(false), changes.q !== undefined ? 250 : 0);
  }

  // ---- view

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    if (this.disabled) return html`<p class="status" part="disabled">${t.disabled}</p>`;
    if (!this.loaded) return this.status({ loading: true, emptyText: '' });
    const doc = this.docs.find((d) => d.id === this.selected);
    const filtered = Boolean(this.category || this.docStatus || this.q.trim());
    return html`<section part="base" aria-labelledby="docs-title">
      <h2 id="docs-title" tabindex="-1">${t.title}</h2>
      ${this.renderDrop(lang)}
      ${this.renderUploads(lang)}
      <p class="sr" role="status" aria-live="polite" part="upload-summary">${this.uploadNotice}</p>
      <form class="filters" role="search" aria-label=${t.filters} part="filters" @submit=${(e: Event) => e.preventDefault()}>
        <label>${t.category}<select name="category" part="filter-category" @change=${(e: Event) => this.filter({ category: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.category}>${t.all}</option>
          ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${this.category === c}>${categoryName(c, lang)}</option>`)}
          <option value="unsure" ?selected=${this.category === 'unsure'}>${t.unsureFilter}</option>
        </select></label>
        <label>${t.status}<select name="status" part="filter-status" @change=${(e: Event) => this.filter({ docStatus: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.docStatus}>${t.all}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.docStatus === s}>${statusName(s, lang)}</option>`)}
        </select></label>
        <label>${t.search}<input type="search" name="q" part="filter-q" .value=${this.q} @input=${(e: Event) => this.filter({ q: (e.target as HTMLInputElement).value })} /></label>
      </form>
      <div class="layout ${doc ? 'open' : ''}">
        <div>
          <ul class="list" part="list" aria-labelledby="docs-title">
            ${this.docs.map((d) => this.renderItem(d, lang))}
          </ul>
          ${this.status({ loading: this.loading && this.docs.length === 0, error: this.error, empty: !this.loading && this.docs.length === 0, emptyText: filtered ? t.noMatch : t.empty })}
          ${this.cursor ? html`<button type="button" part="more" @click=${() => this.load(true)}>${t.more}</button>` : nothing}
        </div>
        ${doc ? this.renderDetail(doc, lang) : nothing}
      </div>
      <p class="small" role="status" part="notice">${this.notice}</p>
    </section>`;
  }

  private renderDrop(lang: Lang) {
    const t = TEXTS[lang];
    const input = () => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    return html`<div class="drop ${this.dragging ? 'over' : ''}" part="dropzone"
        @dragenter=${this.onDrag} @dragover=${this.onDrag} @dragleave=${this.onDrag} @drop=${this.onDrop}>
      ${icon('document')}
      <p>${this.dragging ? t.dropNow : t.drop}</p>
      <button type="button" class="primary" part="choose" ?disabled=${!this.companyId} @click=${() => input()?.click()}>${t.choose}</button>
      <input type="file" multiple hidden name="files" @change=${(e: Event) => {
        const el = e.target as HTMLInputElement;
        this.addFiles(el.files);
        el.value = '';
      }} />
      <p class="small muted">${t.dropHint}</p>
      <label class="row small">${t.newVisibility}
        <select name="visibility" part="upload-visibility" @change=${(e: Event) => (this.visibility = (e.target as HTMLSelectElement).value as Visibility)}>
          <option value="internal" ?selected=${this.visibility === 'internal'}>${t.internal}</option>
          <option value="public" ?selected=${this.visibility === 'public'}>${t.public}</option>
        </select></label>
    </div>`;
  }

  private renderUploads(lang: Lang) {
    const t = TEXTS[lang];
    if (!this.uploads.length) return nothing;
    const finished = this.uploads.some((u) => u.state === 'done' || u.state === 'duplicate' || u.state === 'failed');
    return html`<section aria-labelledby="uploads-title" class="card" part="uploads">
      <div class="row"><h3 id="uploads-title" class="grow">${t.uploads}</h3>
        ${finished ? html`<button type="button" class="link" @click=${() => {
          this.queue.clearFinished();
          this.uploads = [...this.queue.items];
        }}>${t.clear}</button>` : nothing}</div>
      <ul class="uploads">
        ${this.uploads.map((u) => {
          const doc = u.document ? (this.docs.find((d) => d.id === u.document!.id) ?? u.document) : null;
          const extracting = u.state === 'extracting' && doc;
          const p = doc?.progress;
          return html`<li class="upload" part="upload" data-state=${u.state} data-name=${u.name}>
            <span class="name">${u.name}</span>
            <span class="small state">${uploadStateLabel(u.state, lang)}${extracting ? html` · ${statusLabel(doc, lang)}` : nothing} · ${sizeLabel(u.size, lang)}</span>
            ${extracting
              ? html`<progress class="extract" aria-label=${t.extractionOf(u.name)} max=${p?.total ?? 1} value=${p?.total ? (p.done ?? 0) : nothing}></progress>`
              : html`<progress aria-label=${t.progressOf(u.name)} max=${Math.max(u.size, 1)} value=${u.state === 'waiting' ? 0 : u.state === 'sending' ? u.sent : Math.max(u.size, 1)}></progress>`}
            ${u.state === 'failed' ? html`<p class="problem" part="upload-problem">${problemText(u.problem, u.status, lang)}</p>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderItem(d: CrmDocument, lang: Lang) {
    const t = TEXTS[lang];
    const unsure = d.category === 'unsure' || d.category === null;
    const statusClass = d.status === 'failed' ? 'danger' : d.status === 'needs_ocr' ? 'warn' : d.status === 'indexed' ? 'ok' : '';
    return html`<li part="document" data-id=${d.id} data-category=${d.category ?? ''} data-status=${d.status}>
      <div class="doc">
        <button type="button" class="link name" part="open" aria-current=${String(d.id === this.selected)} @click=${() => this.open(d)}>${d.name}</button>
        <div class="meta small">
          <span class="badge ${unsure ? 'warn' : 'accent'}" part="category">${categoryLabel(d, lang)}</span>
          ${d.category_confidence !== null ? html`<span class="muted"><span class="sr">${t.confidence}: </span>${confidenceLabel(d.category_confidence, lang)}</span>` : nothing}
          <span class="badge ${statusClass}" part="status">${inProgress(d) ? html`<span class="spinner"></span> ` : nothing}${statusLabel(d, lang)}</span>
        </div>
        <div class="meta small muted">
          <span>${d.type.toUpperCase()}</span>
          <span>${sizeLabel(d.size, lang)}</span>
          ${d.pages ? html`<span>${pagesLabel(d.pages, lang)}</span>` : nothing}
          <time datetime=${d.created_at} title=${formatDateTime(d.created_at, lang)}>${formatDate(d.created_at, lang)}</time>
          <span>${d.visibility === 'public' ? t.public : t.internal}</span>
        </div>
      </div>
    </li>`;
  }

  private renderDetail(d: CrmDocument, lang: Lang) {
    const t = TEXTS[lang];
    const classified = d.category !== null && d.category !== 'unsure';
    return html`<section class="card detail" part="detail" aria-labelledby="detail-title" @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && !this.confirming) this.close();
    }}>
      <div class="row"><h3 id="detail-title" class="grow" tabindex="-1">${d.title || d.name}</h3>
        <button type="button" part="close" aria-label=${`${t.close}: ${d.name}`} @click=${() => this.close()}>${icon('close')}</button></div>
      <dl>
        ${d.title ? html`<dt>${lang === 'da' ? 'Fil' : 'File'}</dt><dd>${d.name}</dd>` : nothing}
        <dt>${t.status}</dt><dd>${statusLabel(d, lang)}</dd>
        <dt>${t.category}</dt><dd>${categoryLabel(d, lang)}${d.category_confidence !== null ? ` (${confidenceLabel(d.category_confidence, lang)})` : ''}${d.category_source ? html` <span class="muted small">· ${t.sources[d.category_source] ?? d.category_source}</span>` : nothing}</dd>
        ${d.category_reason ? html`<dt>${t.reason}</dt><dd>${d.category_reason[lang]}</dd>` : nothing}
        <dt>${t.type}</dt><dd>${d.type.toUpperCase()} · ${sizeLabel(d.size, lang)}${d.pages ? ` · ${pagesLabel(d.pages, lang)}` : ''}${d.ocr_pages ? ` (${t.ocr}: ${d.ocr_pages})` : ''}</dd>
        <dt>${t.added}</dt><dd><time datetime=${d.created_at}>${formatDateTime(d.created_at, lang)}</time></dd>
      </dl>
      <div class="row">
        <label class="grow">${t.category}
          <select name="category" part="category-select" ?disabled=${this.busy} @change=${(e: Event) => this.change(d, { category: (e.target as HTMLSelectElement).value as Category })}>
            ${classified ? nothing : html`<option value="" disabled selected>${categoryLabel(d, lang)}</option>`}
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${d.category === c}>${categoryName(c, lang)}</option>`)}
          </select></label>
        <label class="grow">${t.visibility}
          <select name="visibility" part="visibility-select" ?disabled=${this.busy} @change=${(e: Event) => this.change(d, { visibility: (e.target as HTMLSelectElement).value as Visibility })}>
            <option value="internal" ?selected=${d.visibility === 'internal'}>${t.internal}</option>
            <option value="public" ?selected=${d.visibility === 'public'}>${t.public}</option>
          </select><span class="small muted">${d.visibility === 'public' ? t.publicHint : t.internalHint}</span></label>
      </div>
      <div class="row">
        ${d.category === 'unsure' && d.suggested_category ? html`<button type="button" part="accept-suggestion" ?disabled=${this.busy} @click=${() => this.change(d, { category: d.suggested_category! })}>${t.useSuggestion}: ${categoryName(d.suggested_category, lang)}</button>` : nothing}
        <button type="button" part="download" ?disabled=${this.busy} @click=${() => this.download(d)}>${t.download}</button>
        <button type="button" class="danger" part="delete" ?disabled=${this.busy} aria-expanded=${String(this.confirming)} @click=${() => this.askDelete()}>${t.delete}</button>
      </div>
      ${this.confirming ? html`<div class="confirm" role="group" aria-labelledby="confirm-text" part="confirm" @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          this.confirming = false;
        }
      }}>
        <p id="confirm-text">${t.confirmDelete}</p>
        <div class="row"><button type="button" class="primary" part="confirm-delete" ?disabled=${this.busy} @click=${() => this.deleteDoc(d)}>${t.confirmYes}</button>
          <button type="button" @click=${() => (this.confirming = false)}>${t.cancel}</button></div>
      </div>` : nothing}
      <h4 id="preview-title">${t.preview}</h4>
      ${this.renderPreview(d, lang)}
    </section>`;
  }

  private renderPreview(d: CrmDocument, lang: Lang) {
    const t = TEXTS[lang];
    if (this.previewError) return html`<p class="status error" role="alert">${errorMessage(this.previewError, lang)}</p>`;
    if (!this.sections) return html`<p class="status" role="status"><span class="spinner"></span> ${lang === 'da' ? 'Henter…' : 'Loading…'}</p>`;
    if (!this.sections.length) return html`<p class="muted small">${inProgress(d) ? statusLabel(d, lang) : t.noText}</p>`;
    return html`<div class="preview" part="preview" role="region" aria-labelledby="preview-title" tabindex="0">
      ${this.sections.map((s) => html`<section part="section" data-anchor=${s.anchor} data-page=${s.page ?? ''}>
        <h5>${s.label[lang]}${s.ocr ? ` · ${t.ocr}` : ''}</h5>
        <p class="text">${s.text}</p>
      </section>`)}
    </div>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-documents', CrmDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'crm-documents': CrmDocuments;
  }
}
