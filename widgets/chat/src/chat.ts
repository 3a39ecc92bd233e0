/**
 * `<crm-chat>` loader: the only script a page downloads before the visitor opens the chat.
 *
 * It defines the element with just the launcher button (plain DOM, no Lit) and imports the panel
 * chunk (Lit) on first open, relative to its own URL. Configuration by attributes: `site-key`
 * (required), `api-base` (default: the folder above this script, i.e. the CRM that serves it),
 * `lang` (`da`/`en`; else the page's, else the browser's) and `theme` (`light`/`dark`/`auto`).
 */
import { pickLang, TEXTS, type Lang, type Texts } from './i18n.ts';
import { createStore, type Store } from './store.ts';
import type { Host, Identity, Message, Panel } from './types.ts';

const TAG = 'crm-chat';
const SVG = 'http://www.w3.org/2000/svg';
const ICON_CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
const ICON_CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';

// Colours: light defaults, dark defaults; every one can be overridden with --crm-<name>.
const LIGHT = 'bg:#fff;fg:#1b1d22;muted:#5d6470;border:#d9dde3;bot-bg:#f1f3f6;visitor-bg:var(--_accent);visitor-fg:var(--_on-accent);field-bg:#fff';
const DARK = 'bg:#17191e;fg:#eef0f3;muted:#a7aebb;border:#363b45;bot-bg:#242831;visitor-bg:var(--_accent);visitor-fg:var(--_on-accent);field-bg:#1e2127';
const vars = (spec: string) =>
  spec
    .split(';')
    .map((pair) => {
      const [name, value] = pair.split(':');
      return `--_${name}:var(--crm-${name},${value})`;
    })
    .join(';');

export const LOADER_CSS = `
:host{position:fixed;right:var(--crm-offset-x,20px);bottom:var(--crm-offset-y,20px);z-index:var(--crm-z-index,2147483000);
font:var(--crm-font-size,15px)/1.45 var(--crm-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
--_accent:var(--crm-accent,#1f5fd6);--_on-accent:var(--crm-on-accent,#fff);--_focus:var(--crm-focus,#f5a524);
--_radius:var(--crm-radius,14px);color-scheme:light;${vars(LIGHT)}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){color-scheme:dark;${vars(DARK)}}}
:host([theme=dark]){color-scheme:dark;${vars(DARK)}}
[hidden]{display:none!important}
.launcher{position:relative;display:grid;place-items:center;width:var(--crm-launcher-size,58px);height:var(--crm-launcher-size,58px);
margin:0;padding:0;border:0;border-radius:50%;background:var(--_accent);color:var(--_on-accent);cursor:pointer;
box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s}
.launcher:hover{transform:scale(1.05)}
.launcher:focus-visible{outline:3px solid var(--_focus);outline-offset:3px}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;
background:var(--crm-badge-bg,#d92d20);color:var(--crm-badge-fg,#fff);font-size:12px;font-weight:700;line-height:20px;text-align:center}
@media (prefers-reduced-motion:reduce){.launcher{transition:none}}
`;

/** Where the CRM is when `api-base` is not given: the folder above `/widgets/chat.js`. */
const DEFAULT_BASE = new URL('..', import.meta.url).href;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export class CrmChat extends HTMLElement implements Host {
  static observedAttributes = ['lang', 'theme', 'site-key', 'api-base'];

  readonly root: ShadowRoot;
  identity: Identity | undefined;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly icon: SVGPathElement;
  private readonly mount: HTMLDivElement;
  private panel: Panel | undefined;
  private loading: Promise<Panel> | undefined;
  private open_ = false;
  private events: EventSource | undefined;
  private readonly seen = new Set<string>();
  private store_: Store | undefined;
  private storeKey = '';

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.adopt(LOADER_CSS);
    this.launcher = el('button', { type: 'button', part: 'launcher', class: 'launcher', 'aria-expanded': 'false' });
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    this.icon = document.createElementNS(SVG, 'path');
    svg.append(this.icon);
    this.badge = el('span', { part: 'badge', class: 'badge', 'aria-hidden': 'true' });
    this.launcher.append(svg, this.badge);
    this.mount = el('div', { class: 'mount' });
    this.mount.hidden = true;
    this.root.append(this.mount, this.launcher);
    // A failed chunk load (offline) leaves the launcher closed and ready for another try.
    this.launcher.addEventListener('click', () => (this.open_ ? this.close() : void this.open().catch(() => undefined)));
    // Fetch the panel as soon as the visitor shows intent, so the first open feels instant.
    const warm = () => void this.load().catch(() => undefined);
    this.launcher.addEventListener('pointerenter', warm, { once: true });
    this.launcher.addEventListener('focus', warm, { once: true });
    this.root.addEventListener('keydown', (e) => {
      const event = e as KeyboardEvent;
      if (event.key === 'Escape' && this.open_) {
        event.stopPropagation();
        this.close();
      }
    });
  }

  connectedCallback(): void {
    this.paint();
    const saved = this.store.get();
    if (saved.handoff) this.listen();
    if (saved.open) void this.open({ focus: false }).catch(() => undefined);
  }

  disconnectedCallback(): void {
    this.events?.close();
    this.events = undefined;
  }

  attributeChangedCallback(): void {
    if (!this.isConnected) return;
    this.paint();
    this.panel?.update();
  }

  // ---- Host (what the panel uses) ----

  get siteKey(): string {
    return this.getAttribute('site-key') ?? '';
  }

  get apiBase(): string {
    return (this.getAttribute('api-base') || DEFAULT_BASE).replace(/\/+$/, '');
  }

  get language(): Lang {
    return pickLang(this.getAttribute('lang'), document.documentElement.lang, navigator.language);
  }

  get t(): Texts {
    return TEXTS[this.language];
  }

  get store(): Store {
    if (!this.store_ || this.storeKey !== this.siteKey) {
      this.storeKey = this.siteKey;
      this.store_ = createStore(this.siteKey);
    }
    return this.store_;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  adopt(cssText: string): void {
    const root = this.root;
    if ('adoptedStyleSheets' in root) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(cssText);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      // Old browsers only; a strict CSP (style-src without 'unsafe-inline') blocks this.
      const style = document.createElement('style');
      style.textContent = cssText;
      (root as ShadowRoot).prepend(style);
    }
  }

  received(): void {
    if (this.open_) return;
    this.store.set({ unread: (this.store.get().unread ?? 0) + 1 });
    this.paint();
  }

  listen(): void {
    const { session_id: id, visitor_token: token } = this.store.get();
    if (this.events || !id || !token || typeof EventSource === 'undefined') return;
    const url = `${this.apiBase}/api/chat/sessions/${encodeURIComponent(id)}/events?token=${encodeURIComponent(token)}`;
    const events = new EventSource(url);
    this.events = events;
    events.addEventListener('message', (e) => {
      let message: Message;
      try {
        message = JSON.parse((e as MessageEvent<string>).data) as Message;
      } catch {
        return;
      }
      if (!message || typeof message.id !== 'string' || message.role === 'visitor') return;
      const fresh = this.panel ? this.panel.live(message) : !this.seen.has(message.id);
      this.seen.add(message.id);
      if (fresh) this.received();
    });
    events.addEventListener('error', () => {
      // EventSource reconnects by itself; it gives up (CLOSED) on an HTTP error such as 401.
      if (events.readyState === EventSource.CLOSED && this.events === events) this.events = undefined;
    });
  }

  emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- Public JS API ----

  /** Open the panel (loads it on first use). Focus moves into it unless `focus: false`. */
  async open(options: { focus?: boolean } = {}): Promise<void> {
    const focus = options.focus ?? true;
    if (this.open_) {
      if (focus) this.panel?.opened(true);
      return;
    }
    this.open_ = true;
    this.store.set({ open: true, unread: 0 });
    this.paint();
    let panel: Panel;
    try {
      panel = await this.load();
    } catch (error) {
      this.open_ = false;
      this.store.set({ open: false });
      this.paint();
      throw error;
    }
    if (!this.open_) return;
    this.mount.hidden = false;
    panel.opened(focus);
    this.emit('crm-chat-open', {});
  }

  /** Close the panel; focus returns to the launcher if it was inside the widget. */
  close(): void {
    if (!this.open_) return;
    const hadFocus = this.root.activeElement !== null;
    this.open_ = false;
    this.mount.hidden = true;
    this.store.set({ open: false });
    this.paint();
    if (hadFocus) this.launcher.focus();
    this.emit('crm-chat-close', {});
  }

  /** Tell the CRM who the visitor is (a logged-in user); prefills the lead form. */
  identify(who: Identity): void {
    this.identity = { ...this.identity, ...who };
    this.panel?.identify(this.identity);
  }

  // ---- internals ----

  private load(): Promise<Panel> {
    this.loading ??= import('./panel.ts').then((m) => {
      this.panel = m.mountPanel(this, this.mount);
      return this.panel;
    });
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  private paint(): void {
    const t = this.t;
    const unread = this.open_ ? 0 : (this.store.get().unread ?? 0);
    this.launcher.setAttribute('aria-expanded', String(this.open_));
    this.launcher.setAttribute('aria-label', this.open_ ? t.closeChat : unread ? `${t.open}, ${t.unread(unread)}` : t.open);
    this.icon.setAttribute('d', this.open_ ? ICON_CLOSE : ICON_CHAT);
    this.badge.textContent = unread > 9 ? '9+' : String(unread);
    this.badge.hidden = unread === 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'crm-chat': CrmChat;
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, CrmChat);
