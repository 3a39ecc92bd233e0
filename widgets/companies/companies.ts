/**
 * `<crm-companies>`: the customers the caller may see. Search by name, domain or CVR number,
 * filter by kind, stage and last activity, sort, and page on by cursor; choosing one emits
 * `crm-company-select` with `{ id, company }`. Activity on the timeline re-sorts it live.
 */
import { css, html, type PropertyValues } from 'lit';
import { type Company, CrmElement, define, formatRelative, type Lang } from '../kit/index.ts';

const TEXTS = {
  da: {
    title: 'Kunder', search: 'Søg på navn, domæne eller CVR', kind: 'Type', stage: 'Fase', activity: 'Aktivitet', sort: 'Sortér',
    any: 'Alle', customers: 'Kunder', everyone: 'Alle, også besøgende', anyActivity: 'Når som helst', active30: 'Aktiv de sidste 30 dage', quiet90: 'Ingen aktivitet i 90 dage',
    newest: 'Nyeste', name: 'Navn', latest: 'Seneste aktivitet', more: 'Vis flere', empty: 'Ingen kunder passer på søgningen.', count: (n: number) => `${n} vist`,
    kinds: { business: 'Virksomhed', private: 'Privat', visitor: 'Besøgende', self: 'Egen virksomhed' },
    stages: { new: 'Ny', lead: 'Kundeemne', qualified: 'Kvalificeret', proposal: 'Tilbud', negotiation: 'Forhandling', customer: 'Kunde', lost: 'Tabt', inactive: 'Inaktiv' },
    noActivity: 'ingen aktivitet', score: 'Score',
  },
  en: {
    title: 'Customers', search: 'Search name, domain or CVR', kind: 'Kind', stage: 'Stage', activity: 'Activity', sort: 'Sort',
    any: 'All', customers: 'Customers', everyone: 'All, visitors too', anyActivity: 'Any time', active30: 'Active in the last 30 days', quiet90: 'No activity for 90 days',
    newest: 'Newest', name: 'Name', latest: 'Latest activity', more: 'Show more', empty: 'No customers match the search.', count: (n: number) => `${n} shown`,
    kinds: { business: 'Business', private: 'Private', visitor: 'Visitor', self: 'Own company' },
    stages: { new: 'New', lead: 'Lead', qualified: 'Qualified', proposal: 'Proposal', negotiation: 'Negotiation', customer: 'Customer', lost: 'Lost', inactive: 'Inactive' },
    noActivity: 'no activity', score: 'Score',
  },
} satisfies Record<Lang, unknown>;

/** The kind filter that lists customers: businesses and private persons, not visitors. */
const CUSTOMER_KINDS = 'business,private';

type Filters = { q: string; kind: string; stage: string; activity: '' | 'active30' | 'quiet90'; sort: 'newest' | 'name' | 'activity' };

export class CrmCompanies extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      .filters { display: flex; flex-wrap: wrap; gap: 8px; padding: var(--_gap); border-bottom: 1px solid var(--_border); }
      .filters .grow { flex: 2 1 14rem; }
      .filters label { flex: 1 1 9rem; }
      .filters input, .filters select { width: 100%; }
      .name { font-weight: 600; }
      .line { display: flex; gap: 8px; flex-wrap: wrap; align-items: baseline; }
      .foot { padding: var(--_gap); display: flex; justify-content: space-between; align-items: center; gap: 8px; }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    selected: { attribute: 'selected' },
    items: { state: true },
    loading: { state: true },
    error: { state: true },
    filters: { state: true },
  };

  /** The id of the company shown as selected. */
  declare selected: string | undefined;
  declare items: Company[];
  declare loading: boolean;
  declare error: unknown;
  declare filters: Filters;
  private cursor: string | null = null;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loadedFor: unknown;

  constructor() {
    super();
    this.items = [];
    this.loading = false;
    // Customers by default: anonymous website visitors (one per chat) would bury them.
    this.filters = { q: '', kind: CUSTOMER_KINDS, stage: '', activity: '', sort: 'activity' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Any event moves a company up the "latest activity" order. */
  protected override liveEvent(): void {
    if (this.filters.sort === 'activity') this.schedule(800);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = this.client;
    if (this.loadedFor !== key) {
      this.loadedFor = key;
      void this.load(false);
    }
    super.willUpdate(changed);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(false), ms);
  }

  private async load(more: boolean): Promise<void> {
    const request = ++this.request;
    const { q, kind, stage, activity, sort } = this.filters;
    this.loading = true;
    this.error = undefined;
    const day = 86_400_000;
    try {
      const page = await this.client.call('listCompanies', {
        query: {
          ...(q.trim() ? { q: q.trim() } : {}), ...(kind ? { kind } : {}), ...(stage ? { stage: stage as Company['stage'] } : {}), sort, limit: 30,
          ...(activity === 'active30' ? { active_since: new Date(Date.now() - 30 * day).toISOString() } : {}),
          ...(activity === 'quiet90' ? { inactive_since: new Date(Date.now() - 90 * day).toISOString() } : {}),
          ...(more && this.cursor ? { cursor: this.cursor } : {}),
        },
      });
      if (request !== this.request) return;
      // The own company is not a customer: shown only when asked for by kind.
      const shown = page.items.filter((c) => c.kind !== 'self' || Boolean(kind));
      this.items = more ? [...this.items, ...shown] : shown;
      this.cursor = page.next_cursor;
    } catch (error) {
      if (request === this.request) this.error = error;
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  private set(patch: Partial<Filters>, wait = 0): void {
    this.filters = { ...this.filters, ...patch };
    this.cursor = null;
    this.schedule(wait);
  }

  private choose(company: Company): void {
    this.selected = company.id;
    this.emit('crm-company-select', { id: company.id, company });
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    const f = this.filters;
    const select = (label: string, value: string, options: [string, string][], apply: (v: string) => void) =>
      html`<label>${label}<select .value=${value} @change=${(e: Event) => apply((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}</select></label>`;
    return html`<section part="base" aria-label=${t.title}>
      <div class="filters" part="filters" role="search">
        <label class="grow">${t.search}<input type="search" part="search" .value=${f.q} @input=${(e: Event) => this.set({ q: (e.target as HTMLInputElement).value }, 250)} /></label>
        ${select(t.kind, f.kind, [[CUSTOMER_KINDS, t.customers], ...(['business', 'private', 'visitor'] as const).map((k) => [k, t.kinds[k]] as [string, string]), ['', t.everyone]], (kind) => this.set({ kind }))}
        ${select(t.stage, f.stage, [['', t.any], ...Object.entries(t.stages)], (stage) => this.set({ stage }))}
        ${select(t.activity, f.activity, [['', t.anyActivity], ['active30', t.active30], ['quiet90', t.quiet90]], (activity) => this.set({ activity: activity as Filters['activity'] }))}
        ${select(t.sort, f.sort, [['activity', t.latest], ['name', t.name], ['newest', t.newest]], (sort) => this.set({ sort: sort as Filters['sort'] }))}
      </div>
      ${this.items.length ? html`<ul class="list" part="list" aria-busy=${String(this.loading)}>
        ${this.items.map((c) => html`<li>
          <button type="button" class="item" part="item" aria-current=${String(c.id === this.selected)} @click=${() => this.choose(c)}>
            <span class="line"><span class="name">${c.name}</span><span class="badge">${t.stages[c.stage]}</span>${c.kind !== 'business' ? html`<span class="badge">${t.kinds[c.kind]}</span>` : ''}</span>
            <span class="line small muted">${[c.domain, c.cvr ? `CVR ${c.cvr}` : null].filter(Boolean).join(' · ')}
              <span>${c.last_activity_at ? formatRelative(c.last_activity_at, lang) : t.noActivity}</span>${c.score !== null ? html`<span>${t.score} ${c.score}</span>` : ''}</span>
          </button></li>`)}
      </ul>` : ''}
      ${this.status({ loading: this.loading && this.items.length === 0, error: this.error, empty: !this.loading && this.items.length === 0, emptyText: t.empty })}
      <div class="foot" part="footer"><span class="small muted" role="status">${this.items.length ? t.count(this.items.length) : ''}</span>
        ${this.cursor ? html`<button type="button" part="more" @click=${() => this.load(true)} ?disabled=${this.loading}>${t.more}</button>` : ''}</div>
    </section>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-companies', CrmCompanies);

declare global {
  interface HTMLElementTagNameMap {
    'crm-companies': CrmCompanies;
  }
}
