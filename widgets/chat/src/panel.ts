/**
 * The chat panel, loaded on first open: conversation, streaming answers, citations, lead form and
 * handoff to a person. Rendered with lit-html into the loader's shadow root; every message is
 * bound as text (plus the safe Markdown subset in markdown.ts), never parsed as HTML.
 */
import { html, nothing, render, svg, type TemplateResult } from 'lit/html.js';
import { ApiError, chatUrl, json, send } from './api.ts';
import { safeUrl, tokenize } from './markdown.ts';
import { PANEL_CSS } from './panel-styles.ts';
import { readSse } from '../../kit/sse.ts';
import type { Citation, Host, Identity, Message, MountPanel, Panel, Role } from './types.ts';

type Item = Message | { id: string; role: 'note'; text: string; citations?: undefined };

interface SessionReply {
  session_id: string;
  visitor_token: string;
  expires_at?: string;
}
interface Done {
  message_id?: string;
  handoff?: boolean;
  ask_email?: boolean;
}
interface JsonReply extends Done {
  message?: unknown;
  reply?: unknown;
}

/** Message text as Lit values: strings become text nodes; only bold and http(s) links become elements. */
function markdown(source: string): Array<string | TemplateResult> {
  return tokenize(source).map((t) => {
    if (t.type === 'link') return html`<a part="link" href=${t.href} target="_blank" rel="noopener noreferrer nofollow">${t.text}</a>`;
    return t.type === 'bold' ? html`<strong>${t.text}</strong>` : t.text;
  });
}

const ROLES = new Set<string>(['visitor', 'bot', 'staff']);
let counter = 0;
const localId = () => `local-${++counter}`;

const icon = (d: string) => svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;
const CLOSE = 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';
const SEND = 'M3 20.5 21 12 3 3.5v6.6L15 12 3 13.9z';

function cleanCitations(raw: unknown): Citation[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && typeof (c as { title?: unknown }).title === 'string')
    .map((c, i) => ({
      n: typeof c.n === 'number' && Number.isInteger(c.n) ? c.n : i + 1,
      title: c.title as string,
      url: typeof c.url === 'string' ? c.url : null,
      page: typeof c.page === 'number' && Number.isInteger(c.page) && c.page > 0 ? c.page : null,
    }));
}

/** A message from the server, checked; null when it is not one. */
export function cleanMessage(raw: unknown): Message | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.id !== 'string' || typeof m.text !== 'string' || typeof m.role !== 'string' || !ROLES.has(m.role)) return null;
  return { id: m.id, role: m.role as Role, text: m.text, citations: cleanCitations(m.citations) };
}

class ChatPanel implements Panel {
  private items: Item[] = [];
  private session: { id: string; token: string } | undefined;
  private ready: Promise<boolean> | undefined;
  private loading = false;
  private busy = false;
  private typing = false;
  private stream: string | null = null;
  private offer: 'unsure' | 'handoff' | null = null;
  private leadOpen = false;
  private leadBusy = false;
  private handedOff: boolean;
  private identitySent = false;
  private error = '';
  private scheduled = false;
  private stick = true;
  private focusAfter: 'input' | 'email' | null = null;

  constructor(
    private readonly host: Host,
    private readonly container: HTMLElement,
  ) {
    host.adopt(PANEL_CSS);
    this.handedOff = !!host.store.get().handoff;
    this.paint();
  }

  // ---- Panel ----

  opened(focus: boolean): void {
    void this.start();
    this.stick = true;
    this.paint();
    if (focus) this.input()?.focus();
  }

  update(): void {
    this.paint();
  }

  live(raw: Message): boolean {
    const message = cleanMessage(raw);
    if (!message || this.items.some((i) => i.id === message.id)) return false;
    this.items.push(message);
    this.schedule();
    return true;
  }

  identify(_who: Identity): void {
    this.identitySent = false;
    void this.sendIdentity();
    this.schedule();
  }

  // ---- session ----

  private url(path: string): string {
    return chatUrl(this.host.apiBase, path);
  }

  private start(): Promise<boolean> {
    this.ready ??= this.connect().then((ok) => {
      if (!ok) this.ready = undefined;
      return ok;
    });
    return this.ready;
  }

  private async connect(): Promise<boolean> {
    const { store } = this.host;
    const saved = store.get();
    this.loading = true;
    this.schedule();
    try {
      const { status, data } = await json<SessionReply>(this.url('/sessions'), {
        method: 'POST',
        body: { site_key: this.host.siteKey, visitor_token: saved.visitor_token, lang: this.host.language },
      });
      const same = data.session_id === saved.session_id;
      store.set({
        session_id: data.session_id,
        visitor_token: data.visitor_token,
        expires_at: data.expires_at,
        ...(same ? {} : { handoff: false, lead: false }),
      });
      this.session = { id: data.session_id, token: data.visitor_token };
      if (!same) this.handedOff = false;
      if (status === 200) {
        const { data: history } = await json<{ items?: unknown[] }>(this.url(`/sessions/${encodeURIComponent(data.session_id)}/messages`), {
          token: data.visitor_token,
        });
        const loaded = (history.items ?? []).map(cleanMessage).filter((m): m is Message => m !== null);
        const ids = new Set(loaded.map((m) => m.id));
        this.items = [...loaded, ...this.items.filter((i) => !ids.has(i.id))];
        this.stick = true;
      }
      this.host.listen();
      this.error = '';
      void this.sendIdentity();
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this.loading = false;
      this.schedule();
    }
  }

  private async sendIdentity(): Promise<void> {
    const who = this.host.identity;
    if (!who?.email || !this.session || this.identitySent || this.host.store.get().lead) return;
    this.identitySent = true;
    try {
      await json(this.url(`/sessions/${encodeURIComponent(this.session.id)}/lead`), {
        method: 'POST',
        token: this.session.token,
        body: { email: who.email, name: who.name, website: '' },
      });
      this.host.store.set({ lead: true });
    } catch {
      this.identitySent = false;
    }
  }

  // ---- actions ----

  private async ask(text: string): Promise<void> {
    const textarea = this.input();
    if (!text.trim() || this.busy) return;
    this.busy = true;
    this.error = '';
    this.offer = this.offer === 'handoff' ? this.offer : null;
    const mine: Message = { id: localId(), role: 'visitor', text: text.trim() };
    this.items.push(mine);
    this.typing = true;
    this.stick = true;
    if (textarea) textarea.value = '';
    this.schedule();
    try {
      await this.exchange(mine, true);
    } catch (error) {
      if (this.stream) this.items.push({ id: localId(), role: 'bot', text: this.stream });
      if (error instanceof ApiError && (error.status === 429 || error.status === 0)) {
        // Not sent: take the message back into the input so the visitor can send it again.
        this.items = this.items.filter((i) => i !== mine);
        const input = this.input();
        if (input && !input.value) input.value = mine.text;
      }
      this.fail(error);
    } finally {
      this.busy = false;
      this.typing = false;
      this.stream = null;
      this.schedule();
    }
  }

  private async exchange(mine: Message, retry: boolean): Promise<void> {
    if (!(await this.start()) || !this.session) throw new ApiError(0, 'no session');
    const { id, token } = this.session;
    let res: Response;
    try {
      res = await send(this.url(`/sessions/${encodeURIComponent(id)}/messages`), {
        method: 'POST',
        token,
        body: { text: mine.text },
        accept: 'text/event-stream',
      });
    } catch (error) {
      if (retry && error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        // The visitor token expired or the session is gone: start a new one and try once more.
        this.host.store.clearSession();
        this.session = undefined;
        this.ready = undefined;
        return this.exchange(mine, false);
      }
      throw error;
    }
    let done: Done = {};
    if ((res.headers.get('Content-Type') ?? '').includes('text/event-stream') && res.body) {
      let text = '';
      let citations: Citation[] = [];
      let finished = false;
      for await (const event of readSse(res.body)) {
        let data: Record<string, unknown>;
        try {
          data = JSON.parse(event.data) as Record<string, unknown>;
        } catch {
          continue;
        }
        if (event.event === 'delta') {
          text += typeof data.text === 'string' ? data.text : '';
          this.typing = false;
          this.stream = text;
          this.schedule();
        } else if (event.event === 'citations') {
          citations = cleanCitations(data.citations);
        } else if (event.event === 'done') {
          done = data as Done;
          finished = true;
        } else if (event.event === 'error') {
          throw new ApiError(typeof data.status === 'number' ? data.status : 500, String(data.detail ?? data.title ?? 'error'));
        }
      }
      if (!finished) throw new ApiError(0, 'stream ended early');
      this.stream = null;
      this.add({ id: done.message_id || localId(), role: 'bot', text, citations });
    } else {
      const data = (await res.json()) as JsonReply;
      const visitor = cleanMessage(data.message);
      if (visitor) this.items = this.items.map((i) => (i === mine ? visitor : i));
      const reply = cleanMessage(data.reply);
      if (reply) this.add(reply);
      done = data;
    }
    this.host.received();
    if (done.handoff) this.handed();
    else if (done.ask_email && !this.host.store.get().lead) {
      this.offer = 'unsure';
      this.leadOpen = true;
    }
  }

  private add(item: Item): void {
    const at = this.items.findIndex((i) => i.id === item.id);
    if (at >= 0) this.items[at] = item;
    else this.items.push(item);
  }

  private handed(): void {
    this.handedOff = true;
    this.host.store.set({ handoff: true });
    this.host.listen();
    this.offer = 'handoff';
    this.leadOpen = !this.host.store.get().lead;
    this.items.push({ id: localId(), role: 'note', text: this.host.t.handoff });
    this.stick = true;
  }

  private async handoff(): Promise<void> {
    if (this.busy) return;
    this.error = '';
    try {
      if (!(await this.start()) || !this.session) return;
      await json(this.url(`/sessions/${encodeURIComponent(this.session.id)}/handoff`), { method: 'POST', token: this.session.token });
      this.handed();
      this.focusAfter = this.leadOpen ? 'email' : 'input';
    } catch (error) {
      this.fail(error);
    }
    this.schedule();
  }

  private async lead(form: HTMLFormElement): Promise<void> {
    if (this.leadBusy) return;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const details = { email: field('email'), name: field('name'), phone: field('phone'), company: field('company') };
    if (!details.email) return;
    const website = String(data.get('website') ?? '');
    const detail = Object.fromEntries(Object.entries(details).filter(([, v]) => v)) as Record<string, string>;
    this.leadBusy = true;
    this.error = '';
    try {
      if (!(await this.start()) || !this.session) return;
      await json(this.url(`/sessions/${encodeURIComponent(this.session.id)}/lead`), {
        method: 'POST',
        token: this.session.token,
        body: { ...detail, website },
      });
      this.host.store.set({ lead: true });
      this.leadOpen = false;
      this.offer = null;
      this.items.push({ id: localId(), role: 'note', text: this.host.t.leadThanks });
      this.stick = true;
      this.focusAfter = 'input';
      // A filled honeypot is a bot: the server decides, the host page is not told.
      if (!website) this.host.emit('crm-chat-lead', detail);
    } catch (error) {
      this.fail(error);
    } finally {
      this.leadBusy = false;
      this.schedule();
    }
  }

  private fail(error: unknown): void {
    const { t } = this.host;
    const status = error instanceof ApiError ? error.status : -1;
    // A refused origin or site key is the site's set-up, not the visitor's connection: say so.
    this.error = status === 429 ? t.rateLimited((error as ApiError).retryAfter) : status === 403 ? t.notAllowed : status === 0 ? t.offline : t.error;
    this.schedule();
  }

  // ---- events (bound to this panel by render's `host` option) ----

  private onSend(e: SubmitEvent): void {
    e.preventDefault();
    void this.ask(this.input()?.value ?? '');
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private onLead(e: SubmitEvent): void {
    e.preventDefault();
    void this.lead(e.currentTarget as HTMLFormElement);
  }

  private onTalk(): void {
    void this.handoff();
  }

  private onLater(): void {
    this.leadOpen = false;
    this.offer = this.offer === 'handoff' ? 'handoff' : null;
    this.focusAfter = 'input';
    this.schedule();
  }

  private onClose(): void {
    this.host.close();
  }

  // ---- rendering ----

  private input(): HTMLTextAreaElement | null {
    return this.container.querySelector('textarea');
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.paint());
  }

  private paint(): void {
    this.scheduled = false;
    const scroller = this.container.querySelector<HTMLElement>('.scroll');
    const atBottom = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
    render(this.view(), this.container, { host: this });
    if ((this.stick || atBottom) && scroller) scroller.scrollTop = scroller.scrollHeight;
    this.stick = false;
    if (this.focusAfter && this.host.isOpen) {
      const target = this.focusAfter === 'email' ? this.container.querySelector<HTMLElement>('input[name=email]') : this.input();
      target?.focus();
    }
    this.focusAfter = null;
  }

  private message(m: Item): TemplateResult {
    const { t } = this.host;
    const who = m.role === 'visitor' ? t.you : m.role === 'staff' ? t.staff : m.role === 'bot' ? t.bot : '';
    return html`<div class="msg ${m.role}" part="message message-${m.role}">${
      m.role === 'staff' ? html`<span class="who">${who}</span>` : who ? html`<span class="sr-only">${who}: </span>` : nothing
    }${markdown(m.text)}${this.citations(m.citations)}</div>`;
  }

  private citations(list: Citation[] | undefined): TemplateResult | typeof nothing {
    if (!list?.length) return nothing;
    return html`<div class="cites" part="citations">
      <span>${this.host.t.sources}:</span>
      <ol>
        ${list.map((c) => {
          const href = safeUrl(c.url);
          const label = c.page ? `${c.title}, ${this.host.t.page} ${c.page}` : c.title;
          return html`<li value=${c.n}>${
            href ? html`<a part="citation" href=${href} target="_blank" rel="noopener noreferrer">${label}</a>` : label
          }</li>`;
        })}
      </ol>
    </div>`;
  }

  private leadForm(): TemplateResult {
    const { t } = this.host;
    const who = this.host.identity ?? {};
    return html`<form class="lead" part="lead-form" aria-labelledby="crm-chat-lead-intro" @submit=${this.onLead}>
      <p id="crm-chat-lead-intro">${this.offer === 'unsure' ? t.unsure : t.leadIntro}</p>
      <label>${t.email}<input part="lead-input" name="email" type="email" required autocomplete="email" .value=${who.email ?? ''} /></label>
      <label>${t.name} ${t.optional}<input part="lead-input" name="name" autocomplete="name" .value=${who.name ?? ''} /></label>
      <label>${t.phone} ${t.optional}<input part="lead-input" name="phone" type="tel" autocomplete="tel" /></label>
      <label>${t.company} ${t.optional}<input part="lead-input" name="company" autocomplete="organization" /></label>
      <div class="hp" aria-hidden="true">
        <label>${t.website}<input name="website" type="text" tabindex="-1" autocomplete="off" /></label>
      </div>
      <div class="row">
        <button class="primary" type="submit" part="lead-submit" aria-disabled=${this.leadBusy ? 'true' : 'false'}>${t.leadSubmit}</button>
        <button class="secondary" type="button" part="lead-later" @click=${this.onLater}>${t.leadLater}</button>
        ${this.offer === 'unsure' && !this.handedOff
          ? html`<button class="secondary" type="button" part="handoff-offer" @click=${this.onTalk}>${t.talk}</button>`
          : nothing}
      </div>
    </form>`;
  }

  private view(): TemplateResult {
    const { t } = this.host;
    // One greeting, the widget's own, before and after the session exists.
    const greeting: Item = { id: 'greeting', role: 'bot', text: t.greeting };
    return html`<section class="panel" part="panel" role="dialog" aria-modal="false" aria-labelledby="crm-chat-title">
      <div class="header" part="header">
        <h2 class="title" id="crm-chat-title" part="title">${t.title}</h2>
        ${this.handedOff ? nothing : html`<button type="button" class="talk" part="handoff" @click=${this.onTalk}>${t.talk}</button>`}
        <button type="button" class="close" part="close" aria-label=${t.closeChat} @click=${this.onClose}>${icon(CLOSE)}</button>
      </div>
      <div class="scroll" part="messages">
        <div class="log" role="log" aria-live="polite" aria-relevant="additions" aria-label=${t.conversation} aria-busy=${this.loading ? 'true' : 'false'}>
          ${this.message(greeting)} ${this.items.map((m) => this.message(m))}
        </div>
        ${this.stream
          ? html`<div class="msg bot streaming" part="message message-bot streaming" aria-hidden="true">${markdown(this.stream)}</div>`
          : nothing}
        ${this.typing
          ? html`<div class="typing" part="typing" role="status"><span class="sr-only">${t.typing}</span><i></i><i></i><i></i></div>`
          : nothing}
        ${this.leadOpen
          ? html`<div class="offer" part="offer">${this.leadForm()}</div>`
          : this.offer === 'unsure' && !this.handedOff
            ? html`<div class="offer" part="offer">
                <p>${t.unsure}</p>
                <button class="secondary" type="button" part="handoff-offer" @click=${this.onTalk}>${t.talk}</button>
              </div>`
            : nothing}
      </div>
      ${this.error ? html`<p class="error" part="error" role="alert">${this.error}</p>` : nothing}
      <form class="composer" part="composer" @submit=${this.onSend}>
        <label class="sr-only" for="crm-chat-input">${t.inputLabel}</label>
        <textarea id="crm-chat-input" part="input" name="text" rows="1" maxlength="2000" autocomplete="off" placeholder=${t.placeholder}
          @keydown=${this.onKey}></textarea>
        <button type="submit" class="send" part="send" aria-label=${t.send} aria-disabled=${this.busy ? 'true' : 'false'}>${icon(SEND)}</button>
      </form>
    </section>`;
  }
}

export const mountPanel: MountPanel = (host, container) => new ChatPanel(host, container);
