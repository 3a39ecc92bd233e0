import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { type CrmAuth, CrmClient } from './client.ts';
import { errorMessage } from './errors.ts';
import { live, type LiveEvent } from './live.ts';
import type { Lang } from './format.ts';
import { controls, tokens } from './styles.ts';

/** What every CRM widget on a page falls back to when it is not given its own: one call configures them all. */
export interface CrmDefaults {
  /** The CRM's address, e.g. `https://crm.example.dk` (default: where the widget script came from). */
  apiBase?: string;
  auth?: CrmAuth;
}

const defaults: CrmDefaults = {};
const elements = new Set<CrmElement>();
/** The folder above `/widgets/<file>.js`: the CRM that served the script. */
const SCRIPT_BASE = new URL('..', import.meta.url).href.replace(/\/+$/, '');

/**
 * Configures every CRM widget on the page that has no `api-base` or credentials of its own, for
 * example once after sign-in. Widgets already on the page reload with it.
 *
 * @example
 * configureCrm({ apiBase: 'https://crm.example.dk', auth: { getToken: () => fetch('/intranet/crm-token').then((r) => r.text()) } });
 */
export function configureCrm(options: CrmDefaults): void {
  Object.assign(defaults, options);
  for (const element of elements) element.reconnect();
}

let shared: { key: unknown[]; client: CrmClient } | undefined;

/**
 * The client of the page's `configureCrm` settings: for a host page that calls the API itself
 * (the same token and address as its widgets).
 *
 * @example
 * const waiting = await pageClient().call('chatListConversations', { query: { status: 'handoff' } });
 */
export function pageClient(): CrmClient {
  const apiBase = (defaults.apiBase || SCRIPT_BASE).replace(/\/+$/, '');
  const auth = defaults.auth ?? {};
  const key = [apiBase, auth];
  if (!shared || shared.key.some((v, i) => v !== key[i])) shared = { key, client: new CrmClient(apiBase, auth) };
  return shared.client;
}

/**
 * The base of every CRM widget: its API client (from the `token`, `getToken` or `supabase`
 * property, else the page's `configureCrm`), its language (the `lang` attribute, else the
 * nearest `lang` of the page, else the browser's), the design tokens and controls, `crm-*`
 * events, and the loading, empty and error states.
 *
 * @example
 * class CrmThing extends CrmElement { protected load() { return this.client.call('listCompanies'); } }
 */
export abstract class CrmElement extends LitElement {
  static override styles = [tokens, controls];
  static override properties = {
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    getToken: { attribute: false },
    supabase: { attribute: false },
    theme: { reflect: true },
  };

  declare apiBase: string | undefined;
  /** A bearer token (an embed token, a staff sign-in, an API key). */
  declare token: string | undefined;
  /** Called for a token, and again after a 401. */
  declare getToken: (() => string | Promise<string>) | undefined;
  /** A supabase-js client whose session signs the calls. */
  declare supabase: CrmAuth['supabase'];
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  private client_: CrmClient | undefined;
  private clientKey: unknown[] = [];
  private langWatch: MutationObserver | undefined;
  private stopLive: (() => void) | undefined;

  /**
   * The caller's timeline events as they happen (`GET /api/stream`, one shared connection): a
   * widget that defines this gets them while it is on the page, with the current client (a
   * new subscription when the page's defaults change).
   */
  protected liveEvent?(event: LiveEvent): void;

  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
    this.listen();
    // `lang` is a native attribute, watched rather than redeclared: on the widget and the page.
    this.langWatch = new MutationObserver(() => this.requestUpdate());
    this.langWatch.observe(this, { attributes: true, attributeFilter: ['lang'] });
    this.langWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
    this.langWatch?.disconnect();
    this.stopLive?.();
    this.stopLive = undefined;
  }

  /** The API client for the current settings (a new one when they change). */
  get client(): CrmClient {
    const apiBase = (this.apiBase || defaults.apiBase || SCRIPT_BASE).replace(/\/+$/, '');
    const own: CrmAuth = { token: this.token, getToken: this.getToken, supabase: this.supabase };
    const auth = own.token || own.getToken || own.supabase ? own : (defaults.auth ?? {});
    const key = [apiBase, auth.token, auth.getToken, auth.supabase];
    if (!this.client_ || key.some((v, i) => v !== this.clientKey[i])) {
      this.client_ = new CrmClient(apiBase, auth);
      this.clientKey = key;
    }
    return this.client_;
  }

  /** The reader's language: the `lang` attribute, else the page's nearest, else the browser's. */
  get language(): Lang {
    const own = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'da';
    return own.toLowerCase().startsWith('en') ? 'en' : 'da';
  }

  /** Called when the page's defaults change: widgets reload what they show. */
  reconnect(): void {
    this.listen();
    this.requestUpdate();
  }

  private listen(): void {
    this.stopLive?.();
    this.stopLive = this.liveEvent ? live(this.client, (event) => this.liveEvent!(event)) : undefined;
  }

  /** Sends a `crm-*` event out of the shadow root (bubbling, composed). */
  protected emit<T>(type: `crm-${string}`, detail: T): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** The loading, error or empty state in place of a list, announced to screen readers. */
  protected status(state: { loading?: boolean; error?: unknown; empty?: boolean; emptyText: string }): TemplateResult | typeof nothing {
    const lang = this.language;
    if (state.error) return html`<p class="status error" role="alert" part="error">${errorMessage(state.error, lang)}</p>`;
    if (state.loading) return html`<p class="status" role="status" part="loading"><span class="spinner"></span> ${lang === 'da' ? 'Henter…' : 'Loading…'}</p>`;
    if (state.empty) return html`<p class="status" role="status" part="empty">${state.emptyText}</p>`;
    return nothing;
  }
}

/**
 * Defines a widget's tag once: a second copy of a script (two bundles on one intranet page)
 * leaves the first definition in place instead of throwing.
 *
 * @example
 * define('crm-companies', CrmCompanies);
 */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
