/**
 * `<crm-inbox>`: what waits for a person. Website chats where the visitor asked for a person or
 * the bot was unsure: read the conversation, reply in place (the visitor's open chat shows it at
 * once), take it, close it. Filters: all, mine, nobody's. Next to them, with the email plugin,
 * the email threads whose customer waits for an answer (longest first, `GET /api/email/waiting`):
 * one opens as `<crm-email-thread>` to read and answer. The counts update live; they are sent as
 * `crm-inbox-count` `{ count, chat, email }`. `conversation-id` opens one conversation and
 * `email-thread-id` one email thread (e.g. from a timeline).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { type ChatMessage, type ChatWaitingConversation, CrmApiError, CrmElement, define, errorMessage, formatDateTime, formatRelative, type Lang, type LiveEvent } from '../kit/index.ts';
import { type EmailWaitingThread, listWaiting, pluginMissing } from '../email-thread/api.ts';
import '../email-thread/email-thread.ts';

const TEXTS = {
  da: {
    title: 'Indbakke', all: 'Alle', mine: 'Mine', unassigned: 'Ufordelte', empty: 'Ingen venter på svar. Godt gået!',
    asked: 'Bad om en medarbejder', unsure: 'Botten var usikker', waiting: 'venter', reply: 'Svar', send: 'Send svar', take: 'Tag samtalen',
    taken: 'Din', close: 'Afslut', back: 'Tilbage', visitor: 'Besøgende', bot: 'Bot', staff: 'Medarbejder', pick: 'Vælg en samtale for at læse og svare.',
    noChat: 'Chatten er ikke slået til i dette CRM.', sent: 'Svaret er sendt.', closed: 'Samtalen er afsluttet.', count: (n: number) => (n === 1 ? '1 venter' : `${n} venter`),
    replyLabel: 'Dit svar til den besøgende', source: 'Hvad venter', chat: 'Chat', emails: 'E-mails', noSubject: '(intet emne)',
    emailEmpty: 'Ingen kunder venter på svar på en e-mail.', pickEmail: 'Vælg en e-mail for at læse og svare.', awaiting: 'Venter på svar',
  },
  en: {
    title: 'Inbox', all: 'All', mine: 'Mine', unassigned: 'Unassigned', empty: 'Nobody is waiting for an answer. Well done!',
    asked: 'Asked for a person', unsure: 'The bot was unsure', waiting: 'waiting', reply: 'Reply', send: 'Send reply', take: 'Take it',
    taken: 'Yours', close: 'Close', back: 'Back', visitor: 'Visitor', bot: 'Bot', staff: 'Staff', pick: 'Choose a conversation to read and reply.',
    noChat: 'The chat is not enabled in this CRM.', sent: 'The reply was sent.', closed: 'The conversation is closed.', count: (n: number) => (n === 1 ? '1 waiting' : `${n} waiting`),
    replyLabel: 'Your reply to the visitor', source: 'What waits', chat: 'Chat', emails: 'Emails', noSubject: '(no subject)',
    emailEmpty: 'No customer waits for an answer to an email.', pickEmail: 'Choose an email to read and answer.', awaiting: 'Waiting for an answer',
  },
} satisfies Record<Lang, unknown>;

type Filter = 'anyone' | 'me' | 'unassigned';
type Source = 'chat' | 'email';

export class CrmInbox extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host { container-type: inline-size; }
      .layout { display: grid; grid-template-columns: minmax(0, 1fr); min-height: 20rem; }
      @container (min-width: 720px) { .layout { grid-template-columns: minmax(16rem, 1fr) minmax(0, 1.6fr); } .back { display: none; } }
      @container (max-width: 719px) { .layout.open .queue { display: none; } .layout:not(.open) .thread { display: none; } }
      .queue { border-inline-end: 1px solid var(--_border); }
      .tabs { display: flex; gap: 6px; padding: var(--_gap); border-bottom: 1px solid var(--_border); flex-wrap: wrap; }
      .tabs button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
      .preview { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
      .thread { display: grid; grid-template-rows: auto 1fr auto; min-width: 0; }
      .thread header { padding: var(--_gap); border-bottom: 1px solid var(--_border); display: grid; gap: 6px; }
      .messages { padding: var(--_gap); display: grid; gap: 8px; align-content: start; overflow: auto; max-height: 60vh; }
      .msg { max-width: 85%; padding: 8px 12px; border-radius: var(--_radius); background: var(--_surface); border: 1px solid var(--_border); white-space: pre-wrap; overflow-wrap: anywhere; }
      .msg.visitor { justify-self: start; }
      .msg.bot { justify-self: start; opacity: 0.9; }
      .msg.staff { justify-self: end; background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
      .who { display: block; font-size: 0.78em; opacity: 0.8; }
      form { padding: var(--_gap); border-top: 1px solid var(--_border); display: grid; gap: 8px; }
      .sources { display: flex; gap: 6px; padding: var(--_gap) var(--_gap) 0; flex-wrap: wrap; }
      .sources button[aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
      .sources button .badge { margin-inline-start: 6px; color: var(--_fg); }
      .subject { font-weight: 600; overflow-wrap: anywhere; }
      .email-pane { display: grid; align-content: start; min-width: 0; }
      .email-pane > .row { padding: var(--_gap) var(--_gap) 0; }
      @container (min-width: 720px) { .email-pane > .row { display: none; } }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    conversationId: { attribute: 'conversation-id', reflect: true },
    items: { state: true },
    filter: { state: true },
    messages: { state: true },
    loading: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    me: { state: true },
    missing: { state: true },
    emailThreadId: { attribute: 'email-thread-id', reflect: true },
    source: { state: true },
    emails: { state: true },
    emailMissing: { state: true },
    emailError: { state: true },
  };

  declare conversationId: string | undefined;
  declare items: ChatWaitingConversation[];
  declare filter: Filter;
  declare messages: ChatMessage[];
  declare loading: boolean;
  declare error: unknown;
  declare notice: string;
  declare busy: boolean;
  declare me: string | undefined;
  declare missing: boolean;
  /** The email thread open in the thread pane. */
  declare emailThreadId: string | undefined;
  /** Chats or emails. */
  declare source: Source;
  declare emails: EmailWaitingThread[];
  /** The CRM runs without the email plugin: the inbox is chats only, with no word about email. */
  declare emailMissing: boolean;
  declare emailError: unknown;
  private loadedFor: unknown;
  private emailTimer: ReturnType<typeof setTimeout> | undefined;
  private openedFor = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.items = [];
    this.messages = [];
    this.filter = 'anyone';
    this.loading = false;
    this.notice = '';
    this.busy = false;
    this.missing = false;
    this.source = 'chat';
    this.emails = [];
    this.emailMissing = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    clearTimeout(this.emailTimer);
  }

  protected override liveEvent(event: LiveEvent): void {
    if (event.type.startsWith('email.') && !this.emailMissing) {
      clearTimeout(this.emailTimer);
      this.emailTimer = setTimeout(() => void this.loadEmails(), 300);
      return;
    }
    if (!event.type.startsWith('chat.')) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loadQueue(), 300);
    if (event.payload.conversation_id === this.conversationId) void this.loadThread();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.loadQueue();
      void this.loadEmails();
      void this.client.call('getMe').then((me) => (this.me = me.actor), () => undefined);
    }
    if (changed.has('emailThreadId') && this.emailThreadId) this.source = 'email';
    if (changed.has('conversationId') && this.conversationId) this.source = 'chat';
    if (this.conversationId && this.conversationId !== this.openedFor) {
      this.openedFor = this.conversationId;
      void this.loadThread();
    }
    super.willUpdate(changed);
  }

  private async loadQueue(): Promise<void> {
    this.loading = this.items.length === 0;
    try {
      const { items } = await this.client.call('chatListConversations', { query: { status: 'handoff', assigned: this.filter } });
      this.items = items;
      this.error = undefined;
      this.missing = false;
      this.emitCount();
    } catch (error) {
      if (error instanceof CrmApiError && error.status === 404 && error.code === 'not-found' && /No route/.test(error.problem.detail ?? '')) this.missing = true;
      else this.error = error;
    } finally {
      this.loading = false;
    }
  }

  /** The email threads waiting for an answer; nothing (and no error) where the email plugin is not there. */
  private async loadEmails(): Promise<void> {
    try {
      const { items } = await listWaiting(this.client);
      this.emails = items;
      this.emailError = undefined;
      this.emailMissing = false;
      this.emitCount();
    } catch (error) {
      if (pluginMissing(error)) {
        this.emailMissing = true;
        this.emails = [];
        if (this.source === 'email') this.source = 'chat';
      } else this.emailError = error;
    }
  }

  private emitCount(): void {
    const chat = this.missing ? 0 : this.items.length;
    const email = this.emailMissing ? 0 : this.emails.length;
    this.emit('crm-inbox-count', { count: chat + email, chat, email });
  }

  private async loadThread(): Promise<void> {
    const id = this.conversationId;
    if (!id) return;
    try {
      const { items } = await this.client.call('chatGetConversation', { params: { id } });
      if (id === this.conversationId) this.messages = items;
    } catch (error) {
      this.notice = errorMessage(error, this.language);
    }
  }

  private open(id: string): void {
    this.conversationId = id;
    this.notice = '';
    this.messages = [];
  }

  private async act(work: () => Promise<void>, done: string): Promise<void> {
    this.busy = true;
    this.notice = '';
    try {
      await work();
      this.notice = done;
      await this.loadQueue();
    } catch (error) {
      this.notice = errorMessage(error, this.language);
    } finally {
      this.busy = false;
    }
  }

  private send(form: HTMLFormElement): void {
    const area = form.elements.namedItem('reply') as HTMLTextAreaElement;
    const text = area.value.trim();
    const id = this.conversationId;
    if (!text || !id) return;
    void this.act(async () => {
      const message = await this.client.call('chatReply', { params: { id }, body: { text } });
      area.value = '';
      this.messages = [...this.messages, message];
      this.emit('crm-inbox-reply', { conversationId: id, message });
    }, TEXTS[this.language].sent);
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    if (this.missing && this.emailMissing) return html`<p class="status" part="empty">${t.noChat}</p>`;
    const source: Source = this.missing ? 'email' : this.emailMissing ? 'chat' : this.source;
    if (source === 'email') return this.renderEmail(lang);
    const current = this.items.find((i) => i.id === this.conversationId);
    return html`<section part="base" aria-label=${t.title}>
      <div class="layout ${this.conversationId ? 'open' : ''}">
        <div class="queue" part="queue">
          ${this.renderSources(source, lang)}
          <div class="tabs" role="group" aria-label=${t.title}>
            ${(['anyone', 'me', 'unassigned'] as Filter[]).map((f) => html`<button type="button" aria-pressed=${String(this.filter === f)} @click=${() => {
              this.filter = f;
              void this.loadQueue();
            }}>${f === 'anyone' ? t.all : f === 'me' ? t.mine : t.unassigned}</button>`)}
            <span class="badge grow" role="status" part="count">${t.count(this.items.length)}</span>
          </div>
          <ul class="list" part="list">
            ${this.items.map((c) => html`<li><button type="button" class="item" part="item" aria-current=${String(c.id === this.conversationId)} @click=${() => this.open(c.id)}>
              <span class="row"><strong class="grow">${c.company_name}</strong>${c.assigned_to && c.assigned_to === this.me ? html`<span class="badge accent">${t.taken}</span>` : nothing}</span>
              <span class="small">${c.reason === 'asked' ? t.asked : t.unsure} · <time datetime=${c.waiting_since}>${formatRelative(c.waiting_since, lang)}</time></span>
              ${c.preview ? html`<span class="small muted preview">${c.preview}</span>` : nothing}
            </button></li>`)}
          </ul>
          ${this.status({ loading: this.loading, error: this.error, empty: this.items.length === 0, emptyText: t.empty })}
          ${this.conversationId ? nothing : html`<p class="small status" role="status" part="notice">${this.notice}</p>`}
        </div>
        <div class="thread" part="thread">${this.conversationId ? this.renderThread(current, lang) : html`<p class="status">${t.pick}</p>`}</div>
      </div>
    </section>`;
  }

  /** Chats or emails, each with its count; only when the CRM has both. */
  private renderSources(source: Source, lang: Lang) {
    const t = TEXTS[lang];
    if (this.missing || this.emailMissing) return nothing;
    const button = (s: Source, label: string, n: number) => html`<button type="button" part=${`source-${s}`} aria-pressed=${String(source === s)} @click=${() => {
      this.source = s;
    }}>${label}<span class="badge" aria-hidden="true">${n}</span><span class="sr"> (${t.count(n)})</span></button>`;
    return html`<div class="sources" role="group" aria-label=${t.source}>
      ${button('chat', t.chat, this.items.length)} ${button('email', t.emails, this.emails.length)}
    </div>`;
  }

  private renderEmail(lang: Lang) {
    const t = TEXTS[lang];
    const open = this.emailThreadId;
    const current = this.emails.find((e) => e.id === open);
    return html`<section part="base" aria-label=${t.title}>
      <div class="layout ${open ? 'open' : ''}">
        <div class="queue" part="queue">
          ${this.renderSources('email', lang)}
          <div class="tabs"><span class="badge grow" role="status" part="count">${t.count(this.emails.length)}</span></div>
          <ul class="list" part="email-list" aria-label=${t.emails}>
            ${this.emails.map((e) => html`<li><button type="button" class="item" part="email-item" data-id=${e.id} aria-current=${String(e.id === open)} @click=${() => {
              this.emailThreadId = e.id;
            }}>
              <strong>${e.company_name}</strong>
              <span class="subject">${e.subject?.trim() || t.noSubject}</span>
              ${e.awaiting_since ? html`<span class="small">${t.awaiting} · <time datetime=${e.awaiting_since} title=${formatDateTime(e.awaiting_since, lang)}>${formatRelative(e.awaiting_since, lang)}</time></span>` : nothing}
              ${e.snippet ? html`<span class="small muted preview">${e.snippet}</span>` : nothing}
            </button></li>`)}
          </ul>
          ${this.status({ error: this.emailError, empty: this.emails.length === 0, emptyText: t.emailEmpty })}
        </div>
        <div class="thread email-pane" part="thread">
          ${open
            ? html`<div class="row"><button type="button" class="back" @click=${() => (this.emailThreadId = undefined)}>${t.back}</button>
                ${current ? html`<strong class="grow">${current.company_name}</strong>` : nothing}</div>
              <crm-email-thread part="email-thread" thread-id=${open} lang=${lang} theme=${this.theme ?? nothing} api-base=${this.apiBase ?? nothing}
                .token=${this.token} .getToken=${this.getToken} .supabase=${this.supabase}
                @crm-email-sent=${() => void this.loadEmails()} @crm-email-handled=${() => void this.loadEmails()}></crm-email-thread>`
            : html`<p class="status">${t.pickEmail}</p>`}
        </div>
      </div>
    </section>`;
  }

  private renderThread(current: ChatWaitingConversation | undefined, lang: Lang) {
    const t = TEXTS[lang];
    const id = this.conversationId!;
    const who = { visitor: t.visitor, bot: t.bot, staff: t.staff };
    return html`<header>
        <div class="row"><button type="button" class="back" @click=${() => (this.conversationId = undefined)}>${t.back}</button>
          <h2 class="grow">${current?.company_name ?? ''}</h2>
          ${current && current.assigned_to !== this.me ? html`<button type="button" part="take" ?disabled=${this.busy} @click=${() => this.act(async () => void (await this.client.call('chatAssignConversation', { params: { id }, body: { to: 'me' } })), t.taken)}>${t.take}</button>` : nothing}
          <button type="button" part="close" ?disabled=${this.busy} @click=${() => this.act(async () => {
            await this.client.call('chatCloseConversation', { params: { id } });
            this.conversationId = undefined;
          }, t.closed)}>${t.close}</button></div>
        ${current?.intents.length ? html`<div class="row">${current.intents.map((i) => html`<span class="badge">${i}</span>`)}</div>` : nothing}
      </header>
      <div class="messages" part="messages" role="log" aria-live="polite">
        ${this.messages.map((m) => html`<div class="msg ${m.role}" part="message"><span class="who">${who[m.role]} · <time datetime=${m.created_at}>${formatDateTime(m.created_at, lang)}</time></span>${m.text}</div>`)}
      </div>
      <form part="reply-form" @submit=${(e: Event) => {
        e.preventDefault();
        this.send(e.target as HTMLFormElement);
      }}>
        <label>${t.replyLabel}<textarea name="reply" rows="3" @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.send((e.target as HTMLTextAreaElement).form!);
        }}></textarea></label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t.send}</button><span class="small" role="status">${this.notice}</span></div>
      </form>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-inbox', CrmInbox);

declare global {
  interface HTMLElementTagNameMap {
    'crm-inbox': CrmInbox;
  }
}
