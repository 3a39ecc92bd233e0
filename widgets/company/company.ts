/**
 * `<crm-company company-id="…">`: one overview of a customer: the profile, the contacts (add,
 * edit), and one timeline of every source (chat, email, documents, web pages, quotes, notes,
 * merges) with filters by source and a text search; and, with the website plugin, the profile
 * read from the company's own website (every field with its source page and date) with "Update
 * from website" (`POST /api/companies/{id}/enrich`, followed until the crawl is done). Event types come from
 * `GET /api/timeline/types`, so a new plugin's events show without a change here. Staff add
 * notes; new events arrive live. An email event opens its thread in place (`<crm-email-thread>`,
 * to read and answer). Emits `crm-open` `{ kind: 'conversation', id }` for an event that belongs
 * to a chat, and `crm-company-change` `{ company }` after an edit.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import {
  type Company, type Contact, CrmApiError, CrmElement, define, errorMessage, formatDate, formatDateTime, formatRelative, icon, type Lang, type LiveEvent, request,
  type TimelineEvent,
} from '../kit/index.ts';
import '../email-thread/email-thread.ts';

const TEXTS = {
  da: {
    profile: 'Profil', contacts: 'Kontaktpersoner', timeline: 'Tidslinje', domain: 'Domæne', cvr: 'CVR', website: 'Hjemmeside', stage: 'Fase',
    assigned: 'Ansvarlig', nobody: 'Ingen', take: 'Tag kunden', mine: 'Dig', lastActivity: 'Seneste aktivitet', never: 'Ingen endnu',
    addContact: 'Tilføj kontaktperson', name: 'Navn', email: 'E-mail', phone: 'Telefon', role: 'Rolle', save: 'Gem', cancel: 'Annullér', edit: 'Ret',
    noContacts: 'Ingen kontaktpersoner endnu.', note: 'Skriv en note', addNote: 'Tilføj note', all: 'Alt', search: 'Søg i tidslinjen',
    empty: 'Intet på tidslinjen endnu.', older: 'Vis ældre', openChat: 'Åbn samtalen', openThread: 'Åbn tråd', closeThread: 'Luk tråd', by: 'af', notFound: 'Kunden findes ikke, eller du har ikke adgang.',
    attributes: { address: 'Adresse', city: 'By', segment: 'Segment', employees: 'Ansatte', industry: 'Branche' } as Record<string, string>,
    stages: { new: 'Ny', lead: 'Kundeemne', qualified: 'Kvalificeret', proposal: 'Tilbud', negotiation: 'Forhandling', customer: 'Kunde', lost: 'Tabt', inactive: 'Inaktiv' },
    kinds: { business: 'Virksomhed', private: 'Privat', visitor: 'Besøgende', self: 'Egen virksomhed' },
    unverified: 'Ubekræftet kundeemne fra chatten',
    web: {
      title: 'Fra hjemmesiden', none: 'Ingen profil fra hjemmesiden endnu.', name: 'Officielt navn', description: 'Beskrivelse', summary: 'Resumé', emails: 'E-mail',
      phones: 'Telefon', address: 'Adresse', cvr: 'CVR', social: 'Sociale medier', source: 'Kilde', readFrom: 'Læst fra', update: 'Opdater fra hjemmeside',
      queued: 'Sat i kø: hjemmesiden bliver læst…', running: 'Læser hjemmesiden…', updated: 'Profilen er opdateret fra hjemmesiden.',
      failed: 'Hjemmesiden kunne ikke læses', cancelled: 'Læsningen af hjemmesiden blev annulleret.', slow: 'Det tager tid: profilen vises, når hjemmesiden er læst.',
    },
  },
  en: {
    profile: 'Profile', contacts: 'Contacts', timeline: 'Timeline', domain: 'Domain', cvr: 'CVR', website: 'Website', stage: 'Stage',
    assigned: 'Owner', nobody: 'Nobody', take: 'Take this customer', mine: 'You', lastActivity: 'Latest activity', never: 'None yet',
    addContact: 'Add contact', name: 'Name', email: 'Email', phone: 'Phone', role: 'Role', save: 'Save', cancel: 'Cancel', edit: 'Edit',
    noContacts: 'No contacts yet.', note: 'Write a note', addNote: 'Add note', all: 'All', search: 'Search the timeline',
    empty: 'Nothing on the timeline yet.', older: 'Show older', openChat: 'Open the conversation', openThread: 'Open thread', closeThread: 'Close thread', by: 'by', notFound: 'The customer does not exist, or you have no access.',
    attributes: { address: 'Address', city: 'City', segment: 'Segment', employees: 'Employees', industry: 'Industry' } as Record<string, string>,
    stages: { new: 'New', lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', customer: 'Customer', lost: 'Lost', inactive: 'Inactive' },
    kinds: { business: 'Business', private: 'Private', visitor: 'Visitor', self: 'Own company' },
    unverified: 'Unverified lead from the chat',
    web: {
      title: 'From the website', none: 'No profile from the website yet.', name: 'Official name', description: 'Description', summary: 'Summary', emails: 'Email',
      phones: 'Phone', address: 'Address', cvr: 'CVR', social: 'Social media', source: 'Source', readFrom: 'Read from', update: 'Update from website',
      queued: 'Queued: the website is being read…', running: 'Reading the website…', updated: 'The profile was updated from the website.',
      failed: 'The website could not be read', cancelled: 'Reading the website was cancelled.', slow: 'This takes a while: the profile shows when the website has been read.',
    },
  },
} satisfies Record<Lang, unknown>;

interface EventType { type: string; source: string; title: { da: string; en: string }; icon: string; summary: string[] }
/** A value read from the company's website, with the page it came from and when (`GET /api/website/profiles/{company_id}`). */
interface Sourced<T> { value: T; url: string; at: string }
interface WebsiteProfile {
  url: string;
  updated_at: string;
  profile: {
    name: Sourced<string> | null; description: Sourced<string> | null; summary?: Sourced<string>; keywords?: Sourced<string[]> | null;
    emails: Sourced<string>[]; phones: Sourced<string>[]; address: Sourced<{ street: string; postalCode: string; city: string; country: string }> | null;
    cvr: Sourced<string> | null; social: Sourced<string>[];
  };
}
/** Polls of an enrichment's crawl: every second, for up to 5 minutes. */
const ENRICH_POLL_MS = 1000;
const ENRICH_WAIT_MS = 5 * 60_000;
/** What "Update from website" tells, by its text key (shown in the reader's current language). */
type EnrichSay = 'queued' | 'running' | 'updated' | 'failed' | 'cancelled' | 'slow';
const webLink = (url: string) => /^https?:\/\//i.test(url);
type ContactDraft = { id?: string; name: string; email: string; phone: string; role: string };

/** A payload value at a dotted path, as short text. */
function pick(payload: Record<string, unknown>, path: string, lang: 'da' | 'en'): string {
  let value: unknown = payload;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  // A value in both languages ({ da, en }, as plugins record labels) is shown in the reader's.
  if (value && typeof value === 'object' && typeof (value as { da?: unknown }).da === 'string' && typeof (value as { en?: unknown }).en === 'string') {
    value = (value as { da: string; en: string })[lang];
  }
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

export class CrmCompany extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      [part='base'] { padding: var(--_gap); }
      .card > button, .card > .row > button { justify-self: start; }
      .stack { display: grid; gap: var(--_gap); align-content: start; }
      .layout { display: grid; gap: var(--_gap); grid-template-columns: minmax(0, 1fr); }
      @container (min-width: 760px) { .layout { grid-template-columns: minmax(16rem, 1fr) minmax(0, 2fr); } }
      :host { container-type: inline-size; }
      header { display: grid; gap: 4px; margin-bottom: var(--_gap); }
      header h2 { font-size: 1.4em; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
      dt { color: var(--_muted); }
      dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
      section.card { display: grid; gap: 10px; align-content: start; }
      .chips { display: flex; gap: 6px; flex-wrap: wrap; }
      .chips button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
      .event { display: grid; grid-template-columns: 28px 1fr; gap: 8px; padding: 10px 0; border-bottom: 1px solid var(--_border); }
      .event .mark { display: grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: var(--_bg); border: 1px solid var(--_border); color: var(--_accent); }
      .event p { margin: 2px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
      .contact { display: grid; gap: 2px; padding: 8px 0; border-bottom: 1px solid var(--_border); }
      form { display: grid; gap: 8px; }
      .fields { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
      .website dd > div + div { margin-top: 2px; }
      .website .source a { color: inherit; }
      .website p { margin: 0; overflow-wrap: anywhere; }
      .website .error { color: var(--_danger); }
      crm-email-thread { margin-top: 8px; border: 1px solid var(--_border); border-radius: var(--_radius); }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    companyId: { attribute: 'company-id', reflect: true },
    company: { state: true },
    contacts: { state: true },
    events: { state: true },
    types: { state: true },
    source: { state: true },
    text: { state: true },
    error: { state: true },
    busy: { state: true },
    draft: { state: true },
    me: { state: true },
    notice: { state: true },
    threads: { state: true },
    website: { state: true },
    enrich: { state: true },
  };

  declare companyId: string | undefined;
  declare company: Company | undefined;
  declare contacts: Contact[];
  declare events: TimelineEvent[];
  declare types: Map<string, EventType>;
  declare source: string;
  declare text: string;
  declare error: unknown;
  declare busy: boolean;
  declare draft: ContactDraft | undefined;
  declare me: string | undefined;
  declare notice: string;
  /** Timeline events whose email thread is open in place. */
  declare threads: ReadonlySet<string>;
  /** The website profile: undefined while unknown or without the website plugin, null when there is none yet. */
  declare website: WebsiteProfile | null | undefined;
  /** "Update from website": offered (unless the server has no enrichment plugin), and what it is doing. */
  declare enrich: { offered: boolean; state: 'idle' | 'queued' | 'running' | 'done' | 'failed'; say: EnrichSay | ''; detail?: string; error?: unknown };
  private cursor: string | null = null;
  private loadedFor = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.contacts = [];
    this.events = [];
    this.types = new Map();
    this.source = '';
    this.text = '';
    this.busy = false;
    this.notice = '';
    this.threads = new Set();
    this.enrich = { offered: true, state: 'idle', say: '' };
  }

  override reconnect(): void {
    this.loadedFor = '';
    super.reconnect();
  }

  protected override liveEvent(event: LiveEvent): void {
    if (event.company_id !== this.companyId) return;
    if (!this.source || event.type.startsWith(`${this.source}.`)) {
      if (!this.text || JSON.stringify(event.payload).toLowerCase().includes(this.text.toLowerCase())) {
        this.events = [event, ...this.events.filter((e) => e.id !== event.id)];
      }
    }
    if (event.type.startsWith('contact.') || event.type === 'company.merged') void this.loadContacts();
    if (event.type === 'website.enriched') void this.loadWebsite();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = `${this.companyId}|${this.client.apiBase}`;
    if (this.companyId && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.loadAll();
    }
    super.willUpdate(changed);
  }

  private async loadAll(): Promise<void> {
    const id = this.companyId!;
    this.error = undefined;
    this.company = undefined;
    this.events = [];
    this.website = undefined;
    this.enrich = { offered: true, state: 'idle', say: '' };
    try {
      const [company, types, me] = await Promise.all([
        this.client.call('getCompany', { params: { id } }),
        this.types.size ? Promise.resolve(undefined) : this.client.call('listTimelineTypes').catch(() => undefined),
        this.me ? Promise.resolve(undefined) : this.client.call('getMe').catch(() => undefined),
      ]);
      if (id !== this.companyId) return;
      this.company = company;
      if (types) this.types = new Map(types.items.map((t) => [t.type, t]));
      if (me) this.me = me.actor;
      await Promise.all([this.loadContacts(), this.loadEvents(false), this.loadWebsite()]);
    } catch (error) {
      if (id === this.companyId) this.error = error;
    }
  }

  /** The profile from the company's website; none (null) on 404, and nothing shown where the website plugin doesn't run. */
  private async loadWebsite(): Promise<void> {
    const id = this.companyId!;
    try {
      const profile = (await (await request(this.client, 'GET', `/api/website/profiles/${encodeURIComponent(id)}`)).json()) as WebsiteProfile;
      if (id === this.companyId) this.website = profile;
    } catch (error) {
      if (id !== this.companyId) return;
      // A 404 either means no profile yet, or (`No route for …`) a CRM without the website plugin.
      const noPlugin = error instanceof CrmApiError && error.status === 404 && /^No route\b/.test(error.problem.detail ?? '');
      this.website = error instanceof CrmApiError && error.status === 404 && !noPlugin ? null : undefined;
    }
  }

  /** "Update from website": queues the enrichment, follows its crawl (`status_url`) until it is done, then shows the new profile. */
  private async updateFromWebsite(): Promise<void> {
    const id = this.companyId!;
    this.enrich = { offered: true, state: 'queued', say: 'queued' };
    try {
      const queued = await this.client.call('enrichCompany', { params: { id } });
      const path = queued.status_url.startsWith('/') ? queued.status_url : new URL(queued.status_url).pathname;
      const until = Date.now() + ENRICH_WAIT_MS;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, ENRICH_POLL_MS));
        if (id !== this.companyId || !this.isConnected) return;
        const crawl = (await (await request(this.client, 'GET', path)).json()) as { status: string; error: string | null };
        if (crawl.status === 'succeeded') {
          await Promise.all([this.loadWebsite(), this.client.call('getCompany', { params: { id } }).then((c) => id === this.companyId && (this.company = c))]);
          this.enrich = { offered: true, state: 'done', say: 'updated' };
          return;
        }
        if (crawl.status === 'failed' || crawl.status === 'cancelled') {
          this.enrich = { offered: true, state: 'failed', say: crawl.status === 'cancelled' ? 'cancelled' : 'failed', ...(crawl.error ? { detail: crawl.error } : {}) };
          return;
        }
        if (Date.now() > until) {
          this.enrich = { offered: true, state: 'idle', say: 'slow' };
          return;
        }
        if (crawl.status === 'running' && this.enrich.state !== 'running') this.enrich = { offered: true, state: 'running', say: 'running' };
      }
    } catch (error) {
      if (id !== this.companyId) return;
      if (error instanceof CrmApiError && error.status === 503) this.enrich = { offered: false, state: 'idle', say: '' };
      // 422: the company has nothing to go on (no domain or website); the server says which.
      else this.enrich = { offered: true, state: 'failed', say: '', error, ...(error instanceof CrmApiError && error.status === 422 && error.problem.detail ? { detail: error.problem.detail } : {}) };
    }
  }

  private async loadContacts(): Promise<void> {
    if (!this.companyId) return;
    this.contacts = (await this.client.call('listContacts', { query: { company_id: this.companyId, limit: 200 } })).items;
  }

  private async loadEvents(older: boolean): Promise<void> {
    const id = this.companyId!;
    const page = await this.client.call('getCompanyTimeline', {
      params: { id },
      query: { limit: 50, ...(this.source ? { source: this.source } : {}), ...(this.text ? { q: this.text } : {}), ...(older && this.cursor ? { cursor: this.cursor } : {}) },
    });
    if (id !== this.companyId) return;
    this.events = older ? [...this.events, ...page.items] : page.items;
    this.cursor = page.next_cursor;
  }

  private async act(work: () => Promise<void>, done?: string): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      await work();
      if (done) this.notice = done;
    } catch (error) {
      this.notice = errorMessage(error, this.language);
    } finally {
      this.busy = false;
    }
  }

  private patch(changes: { stage?: Company['stage']; assigned_to?: string | null }): Promise<void> {
    return this.act(async () => {
      this.company = await this.client.call('updateCompany', { params: { id: this.companyId! }, body: changes });
      this.emit('crm-company-change', { company: this.company });
    });
  }

  private saveContact(draft: ContactDraft): Promise<void> {
    const fields = { name: draft.name.trim() || null, email: draft.email.trim() || null, phone: draft.phone.trim() || null, role: draft.role.trim() || null };
    return this.act(async () => {
      if (draft.id) await this.client.call('updateContact', { params: { id: draft.id }, body: fields });
      else await this.client.call('createContact', { body: { company_id: this.companyId!, ...fields } });
      this.draft = undefined;
      await this.loadContacts();
    });
  }

  private addNote(form: HTMLFormElement): Promise<void> {
    const area = form.elements.namedItem('note') as HTMLTextAreaElement;
    const text = area.value.trim();
    if (!text) return Promise.resolve();
    return this.act(async () => {
      const event = await this.client.call('addCompanyNote', { params: { id: this.companyId! }, body: { text } });
      area.value = '';
      if (!this.source || this.source === 'note') this.events = [event, ...this.events.filter((e) => e.id !== event.id)];
    });
  }

  private filterBy(source: string): void {
    this.source = source;
    void this.loadEvents(false).catch((error: unknown) => (this.error = error));
  }

  private searchFor(text: string): void {
    this.text = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.loadEvents(false).catch((error: unknown) => (this.error = error)), 250);
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    if (this.error) return this.status({ error: this.error, emptyText: '' });
    const c = this.company;
    if (!c) return this.status({ loading: true, emptyText: '' });
    return html`<div part="base">
      <header part="header">
        <h2>${c.name}</h2>
        <div class="row"><span class="badge">${t.kinds[c.kind]}</span><span class="badge accent">${t.stages[c.stage]}</span>
          ${c.attributes.unverified_lead ? html`<span class="badge warn">${t.unverified}</span>` : nothing}</div>
      </header>
      <div class="layout">
        <div class="stack">${this.renderProfile(c, lang)} ${this.renderWebsite(c, lang)} ${this.renderContacts(lang)}</div>
        ${this.renderTimeline(lang)}
      </div>
      <p class="sr" role="status">${this.notice}</p>
      ${this.notice ? html`<p class="small" part="notice">${this.notice}</p>` : nothing}
    </div>`;
  }

  private renderProfile(c: Company, lang: Lang) {
    const t = TEXTS[lang];
    const attributes = Object.entries(c.attributes).filter(([k, v]) => k in t.attributes && (typeof v === 'string' || typeof v === 'number'));
    const mine = this.me && c.assigned_to === this.me;
    return html`<section class="card" part="profile" aria-labelledby="profile-title">
      <h3 id="profile-title">${t.profile}</h3>
      <dl>
        ${c.domain ? html`<dt>${t.domain}</dt><dd>${c.domain}</dd>` : nothing}
        ${c.cvr ? html`<dt>${t.cvr}</dt><dd>${c.cvr}</dd>` : nothing}
        ${c.website_url ? html`<dt>${t.website}</dt><dd><a href=${c.website_url} target="_blank" rel="noopener noreferrer">${c.website_url.replace(/^https?:\/\//, '')}</a></dd>` : nothing}
        ${attributes.map(([k, v]) => html`<dt>${t.attributes[k]}</dt><dd>${String(v)}</dd>`)}
        <dt>${t.lastActivity}</dt><dd>${c.last_activity_at ? html`<time datetime=${c.last_activity_at} title=${formatDateTime(c.last_activity_at, lang)}>${formatRelative(c.last_activity_at, lang)}</time>` : t.never}</dd>
        <dt>${t.assigned}</dt><dd>${mine ? t.mine : c.assigned_to ? c.assigned_to : t.nobody}</dd>
      </dl>
      <label>${t.stage}
        <select part="stage" ?disabled=${this.busy} @change=${(e: Event) => this.patch({ stage: (e.target as HTMLSelectElement).value as Company['stage'] })}>
          ${(Object.keys(t.stages) as Company['stage'][]).map((s) => html`<option value=${s} ?selected=${s === c.stage}>${t.stages[s]}</option>`)}
        </select></label>
      ${this.me && !mine ? html`<button type="button" part="take" ?disabled=${this.busy} @click=${() => this.patch({ assigned_to: this.me! })}>${t.take}</button>` : nothing}
    </section>`;
  }

  /** The profile read from the company's own website, each value with its source page and date; nothing without the website plugin or for the own company. */
  private renderWebsite(c: Company, lang: Lang) {
    const t = TEXTS[lang].web;
    const w = this.website;
    if (w === undefined || c.kind === 'self') return nothing;
    if (w === null && c.kind !== 'business') return nothing;
    const p = w?.profile;
    const source = (s: Sourced<unknown>, label: string) => {
      let page = s.url;
      try {
        const u = new URL(s.url);
        page = u.pathname === '/' ? u.host : u.pathname;
      } catch {
        // not a URL: shown as it is
      }
      return html`<span class="source small muted" part="source">${webLink(s.url)
        ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer" title=${s.url} aria-label=${`${t.source} (${label}): ${s.url}`}>${page}</a>`
        : page}, <time datetime=${s.at}>${formatDate(s.at, lang)}</time></span>`;
    };
    const one = (label: string, s: Sourced<string> | null | undefined, value: (v: string) => unknown = (v) => v) =>
      s ? html`<dt>${label}</dt><dd data-field=${label}><span class="value">${value(s.value)}</span> ${source(s, label)}</dd>` : nothing;
    const many = (label: string, list: Sourced<string>[] | undefined, value: (v: string) => unknown) =>
      list?.length ? html`<dt>${label}</dt><dd>${list.map((s) => html`<div><span class="value">${value(s.value)}</span> ${source(s, label)}</div>`)}</dd>` : nothing;
    const a = p?.address;
    const e = this.enrich;
    const busy = e.state === 'queued' || e.state === 'running';
    const message = e.error ? (e.detail ?? errorMessage(e.error, lang)) : e.say === 'failed' ? `${t.failed}${e.detail ? `: ${e.detail}` : '.'}` : e.say ? t[e.say] : '';
    return html`<section class="card website" part="website-profile" aria-labelledby="website-title" aria-busy=${String(busy)}>
      <h3 id="website-title">${t.title}</h3>
      ${p ? html`<dl>
        ${one(t.name, p.name)}
        ${one(t.description, p.description)}
        ${one(t.summary, p.summary)}
        ${many(t.emails, p.emails, (v) => html`<a href=${`mailto:${v}`}>${v}</a>`)}
        ${many(t.phones, p.phones, (v) => html`<a href=${`tel:${v.replace(/[^\d+]/g, '')}`}>${/^\+45\d{8}$/.test(v) ? v.replace(/^\+45(\d\d)(\d\d)(\d\d)(\d\d)$/, '+45 $1 $2 $3 $4') : v}</a>`)}
        ${a ? html`<dt>${t.address}</dt><dd><span class="value">${a.value.street}, ${a.value.postalCode} ${a.value.city}${a.value.country && a.value.country !== 'DK' ? `, ${a.value.country}` : ''}</span> ${source(a, t.address)}</dd>` : nothing}
        ${one(t.cvr, p.cvr)}
        ${many(t.social, p.social, (v) => (webLink(v) ? html`<a href=${v} target="_blank" rel="noopener noreferrer">${v.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')}</a>` : v))}
      </dl>
      <p class="small muted">${t.readFrom} ${webLink(w!.url) ? html`<a href=${w!.url} target="_blank" rel="noopener noreferrer">${w!.url.replace(/^https?:\/\//i, '')}</a>` : w!.url},
        <time datetime=${w!.updated_at}>${formatDateTime(w!.updated_at, lang)}</time></p>` : html`<p class="muted small">${t.none}</p>`}
      ${e.offered ? html`<div class="row">
        <button type="button" part="enrich" ?disabled=${busy} @click=${() => void this.updateFromWebsite()}>${busy ? html`<span class="spinner"></span> ` : nothing}${t.update}</button>
        <span class=${`grow small ${e.state === 'failed' ? 'error' : 'muted'}`} part="enrich-status" role="status">${message}</span></div>` : nothing}
    </section>`;
  }

  private renderContacts(lang: Lang) {
    const t = TEXTS[lang];
    const draft = this.draft;
    const form = (d: ContactDraft) => html`<form part="contact-form" @submit=${(e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      void this.saveContact({ ...(d.id ? { id: d.id } : {}), name: String(data.get('name') ?? ''), email: String(data.get('email') ?? ''), phone: String(data.get('phone') ?? ''), role: String(data.get('role') ?? '') });
    }}>
      <div class="fields">
        <label>${t.name}<input name="name" autocomplete="off" .value=${d.name} /></label>
        <label>${t.email}<input name="email" type="email" autocomplete="off" .value=${d.email} /></label>
        <label>${t.phone}<input name="phone" type="tel" autocomplete="off" .value=${d.phone} /></label>
        <label>${t.role}<input name="role" autocomplete="off" .value=${d.role} /></label>
      </div>
      <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t.save}</button><button type="button" @click=${() => (this.draft = undefined)}>${t.cancel}</button></div>
    </form>`;
    return html`<section class="card" part="contacts" aria-labelledby="contacts-title">
      <div class="row"><h3 id="contacts-title" class="grow">${t.contacts}</h3>
        ${draft ? nothing : html`<button type="button" part="add-contact" @click=${() => (this.draft = { name: '', email: '', phone: '', role: '' })}>${t.addContact}</button>`}</div>
      ${draft && !draft.id ? form(draft) : nothing}
      ${this.contacts.length === 0 && !draft ? html`<p class="muted small">${t.noContacts}</p>` : nothing}
      ${this.contacts.map((p) => draft?.id === p.id ? form(draft) : html`<div class="contact" part="contact">
        <div class="row"><strong class="grow">${p.name ?? p.email ?? p.phone}</strong>
          <button type="button" class="link" aria-label=${`${t.edit} ${p.name ?? p.email ?? ''}`} @click=${() => (this.draft = { id: p.id, name: p.name ?? '', email: p.email ?? '', phone: p.phone ?? '', role: p.role ?? '' })}>${t.edit}</button></div>
        <span class="small muted">${[p.role, p.email, p.phone].filter(Boolean).join(' · ')}</span></div>`)}
    </section>`;
  }

  private renderTimeline(lang: Lang) {
    const t = TEXTS[lang];
    const sources = [...new Set([...this.types.values()].map((type) => type.type.split('.')[0]!))].sort();
    const label = (source: string) => {
      const first = [...this.types.values()].find((type) => type.type.startsWith(`${source}.`));
      const names: Record<string, [string, string]> = { chat: ['Chat', 'Chat'], note: ['Noter', 'Notes'], contact: ['Kontakter', 'Contacts'], company: ['Kunden', 'Company'], email: ['E-mail', 'Email'], document: ['Dokumenter', 'Documents'] };
      return names[source]?.[lang === 'da' ? 0 : 1] ?? first?.title[lang] ?? source;
    };
    return html`<section class="card" part="timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">${t.timeline}</h3>
      <form part="note-form" @submit=${(e: Event) => {
        e.preventDefault();
        void this.addNote(e.target as HTMLFormElement);
      }}><label>${t.note}<textarea name="note" rows="2"></textarea></label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t.addNote}</button></div></form>
      <div class="row">
        <div class="chips grow" role="group" aria-label=${t.timeline}>
          ${['', ...sources].map((s) => html`<button type="button" aria-pressed=${String(this.source === s)} @click=${() => this.filterBy(s)}>${s ? label(s) : t.all}</button>`)}
        </div>
        <label class="sr" for="timeline-search">${t.search}</label>
        <input id="timeline-search" type="search" placeholder=${t.search} .value=${this.text} @input=${(e: Event) => this.searchFor((e.target as HTMLInputElement).value)} />
      </div>
      <ol class="list" part="events" aria-live="polite">
        ${this.events.map((e) => this.renderEvent(e, lang))}
      </ol>
      ${this.events.length === 0 ? html`<p class="muted small">${t.empty}</p>` : nothing}
      ${this.cursor ? html`<button type="button" @click=${() => this.loadEvents(true)}>${t.older}</button>` : nothing}
    </section>`;
  }

  private renderEvent(e: TimelineEvent, lang: Lang) {
    const t = TEXTS[lang];
    const type = this.types.get(e.type);
    const title = type?.title[lang] ?? e.type.replace(/[._]/g, ' ');
    const summary = (type?.summary ?? []).map((path) => pick(e.payload, path, lang)).filter(Boolean);
    const conversation = typeof e.payload.conversation_id === 'string' ? e.payload.conversation_id : undefined;
    const by = typeof e.payload.by === 'string' ? e.payload.by : undefined;
    const thread = e.type.startsWith('email.') && typeof e.payload.thread_id === 'string' ? e.payload.thread_id : undefined;
    const open = thread !== undefined && this.threads.has(e.id);
    return html`<li class="event" part="event" data-type=${e.type}>
      <span class="mark">${icon(type?.icon ?? 'dot')}</span>
      <div>
        <div class="row"><strong class="grow">${title}</strong>
          <time class="small muted" datetime=${e.occurred_at} title=${formatDateTime(e.occurred_at, lang)}>${formatRelative(e.occurred_at, lang)}</time></div>
        ${summary.length ? html`<p>${summary.join(' · ')}</p>` : nothing}
        <div class="row small muted">${by && !summary.includes(by) ? html`<span>${t.by} ${by}</span>` : nothing}
          ${conversation ? html`<button type="button" class="link" @click=${() => this.emit('crm-open', { kind: 'conversation', id: conversation })}>${t.openChat}</button>` : nothing}
          ${thread ? html`<button type="button" class="link" part="open-thread" aria-expanded=${String(open)} aria-controls=${`thread-${e.id}`}
            aria-label=${typeof e.payload.subject === 'string' && e.payload.subject ? `${open ? t.closeThread : t.openThread}: ${e.payload.subject}` : nothing} @click=${() => {
            const next = new Set(this.threads);
            if (open) next.delete(e.id);
            else next.add(e.id);
            this.threads = next;
          }}>${open ? t.closeThread : t.openThread}</button>` : nothing}</div>
        ${open ? html`<crm-email-thread id=${`thread-${e.id}`} part="email-thread" thread-id=${thread!} lang=${lang} theme=${this.theme ?? nothing} api-base=${this.apiBase ?? nothing}
          .token=${this.token} .getToken=${this.getToken} .supabase=${this.supabase}></crm-email-thread>` : nothing}
      </div>
    </li>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-company', CrmCompany);

declare global {
  interface HTMLElementTagNameMap {
    'crm-company': CrmCompany;
  }
}
