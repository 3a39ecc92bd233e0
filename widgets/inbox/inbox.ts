/**
 * `<crm-inbox>`: what waits for a person. Website chats where the visitor asked for a person or
 * the bot was unsure: read the conversation, reply in place (the visitor's open chat shows it at
 * once), take it, close it. Filters: all, mine, nobody's. The count updates live; it is sent as
 * `crm-inbox-count` `{ count }`. `conversation-id` opens one conversation (e.g. from a timeline).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { type ChatMessage, type ChatWaitingConversation, CrmApiError, CrmElement, define, errorMessage, formatDateTime, formatRelative, type Lang, type LiveEvent } from '../kit/index.ts';

const TEXTS = {
  da: {
    title: 'Indbakke', all: 'Alle', mine: 'Mine', unassigned: 'Ufordelte', empty: 'Ingen venter på svar. Godt gået!',
    asked: 'Bad om en medarbejder', unsure: 'Botten var usikker', waiting: 'venter', reply: 'Svar', send: 'Send svar', take: 'Tag samtalen',
    taken: 'Din', close: 'Afslut', back: 'Tilbage', visitor: 'Besøgende', bot: 'Bot', staff: 'Medarbejder', pick: 'Vælg en samtale for at læse og svare.',
    noChat: 'Chatten er ikke slået til i dette CRM.', sent: 'Svaret er sendt.', closed: 'Samtalen er afsluttet.', count: (n: number) => (n === 1 ? '1 venter' : `${n} venter`),
    replyLabel: 'Dit svar til den besøgende',
  },
  en: {
    title: 'Inbox', all: 'All', mine: 'Mine', unassigned: 'Unassigned', empty: 'Nobody is waiting for an answer. Well done!',
    asked: 'Asked for a person', unsure: 'The bot was unsure', waiting: 'waiting', reply: 'Reply', send: 'Send reply', take: 'Take it',
    taken: 'Yours', close: 'Close', back: 'Back', visitor: 'Visitor', bot: 'Bot', staff: 'Staff', pick: 'Choose a conversation to read and reply.',
    noChat: 'The chat is not enabled in this CRM.', sent: 'The reply was sent.', closed: 'The conversation is closed.', count: (n: number) => (n === 1 ? '1 waiting' : `${n} waiting`),
    replyLabel: 'Your reply to the visitor',
  },
} satisfies Record<Lang, unknown>;

type Filter = 'anyone' | 'me' | 'unassigned';

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
  private loadedFor: unknown;
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override liveEvent(event: LiveEvent): void {
    if (!event.type.startsWith('chat.')) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loadQueue(), 300);
    if (event.payload.conversation_id === this.conversationId) void this.loadThread();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.loadQueue();
      void this.client.call('getMe').then((me) => (this.me = me.actor), () => undefined);
    }
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
      this.emit('crm-inbox-count', { count: items.length });
    } catch (error) {
      if (error instanceof CrmApiError && error.status === 404 && error.code === 'not-found' && /No route/.test(error.problem.detail ?? '')) this.missing = true;
      else this.error = error;
    } finally {
      this.loading = false;
    }
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
    if (this.missing) return html`<p class="status" part="empty">${t.noChat}</p>`;
    const current = this.items.find((i) => i.id === this.conversationId);
    return html`<section part="base" aria-label=${t.title}>
      <div class="layout ${this.conversationId ? 'open' : ''}">
        <div class="queue" part="queue">
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
