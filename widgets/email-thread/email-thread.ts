/**
 * `<crm-email-thread thread-id="…">`: an email conversation as a person reads it. The subject,
 * who takes part and whether the customer waits for an answer; then each message, oldest first,
 * with its sender, date and direction (ours and theirs look different, and say so in words),
 * the new part of the message with the quoted history and signature folded away ("Vis citeret
 * tekst"), the HTML version on request in a sandboxed frame where nothing runs and nothing
 * remote loads until "Vis billeder", its attachments (a download of the document each became,
 * or why it was not stored), and a note when it was put in the thread by its subject only.
 * Below, a reply box (reply all, the server's reason when it cannot send). A new message in the
 * thread (`email.received` / `email.sent` on the live timeline) reloads it.
 *
 * Attributes: `thread-id`, `view` (`text`, the default, or `html`: how messages with an HTML
 * version open), `no-reply` (read only), and the kit's `lang`, `theme`, `api-base`.
 * Emits `crm-email-thread-loaded` `{ thread }`, `crm-email-sent` `{ threadId, messageId, message }` and
 * `crm-email-handled` `{ threadId }` (staff said it needs no answer).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { CrmApiError, CrmElement, define, errorMessage, formatDateTime, formatRelative, icon, type Lang, type LiveEvent } from '../kit/index.ts';
import { documentFilePath, type EmailAttachment, type EmailMessage, type EmailThreadDetail, getThread, pluginMissing, rawMessagePath, replyToThread, saveDownload } from './api.ts';
import { dressFrame, type FrameContent, fitFrame, frameContent } from './frame.ts';
import { attachmentNote, dateTimeLabel, directionLabel, kindLabel, messageCount, partiesLabel, partyLabel, partyName, replyProblem, sizeLabel, TEXTS } from './texts.ts';

export class CrmEmailThread extends CrmElement {
  static override styles = [
    ...CrmElement.styles,
    css`
      :host {
        --_ours: var(--crm-email-ours-bg, color-mix(in srgb, var(--_accent) 7%, var(--_bg)));
        --_theirs: var(--crm-email-theirs-bg, var(--_surface));
        --_frame-max: var(--crm-email-frame-max-height, 70vh);
        container-type: inline-size;
      }
      [part='base'] { display: grid; gap: var(--_gap); padding: var(--_gap); }
      header { display: grid; gap: 6px; }
      header h2 { font-size: 1.25em; overflow-wrap: anywhere; }
      .people { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 12px; }
      .people .addr, .who .addr { color: var(--_muted); font-size: 0.9em; }
      .messages { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_gap); }
      .msg { display: grid; gap: 8px; padding: var(--_gap); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_theirs); min-width: 0; }
      .msg[data-direction='out'] { background: var(--_ours); border-inline-start: 4px solid var(--_accent); }
      .msg[data-direction='internal'] { border-style: dashed; }
      @container (min-width: 640px) {
        .msg[data-direction='in'] { margin-inline-end: 8%; }
        .msg[data-direction='out'] { margin-inline-start: 8%; }
      }
      .msg-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
      .msg-head h3 { font-size: 1em; }
      .msg-head time { margin-inline-start: auto; }
      .badge.out { color: var(--_accent); border-color: currentColor; }
      .recipients { margin: 0; overflow-wrap: anywhere; }
      .text, .quoted { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
      .quoted { color: var(--_muted); border-inline-start: 3px solid var(--_border); padding-inline-start: 10px; font-size: 0.95em; }
      .signature { color: var(--_muted); margin-bottom: 8px; }
      .note { margin: 0; display: flex; gap: 6px; align-items: center; color: var(--_muted); font-size: 0.85em; }
      .note svg { flex: none; }
      iframe { display: block; width: 100%; height: 12rem; max-height: var(--_frame-max); border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); background: #fff; }
      .images { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 6px 10px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); background: var(--_bg); }
      .images p { margin: 0; flex: 1 1 14rem; }
      .files { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      .files li { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: center; }
      .files .name { overflow-wrap: anywhere; }
      .files .why { color: var(--_muted); }
      .actions { display: flex; flex-wrap: wrap; gap: 6px 14px; }
      form { display: grid; gap: 8px; border-top: 1px solid var(--_border); padding-top: var(--_gap); }
      label.check { display: flex; gap: 8px; align-items: center; color: var(--_fg); font-size: 0.95em; }
      label.check input { min-height: 0; width: 18px; height: 18px; margin: 0; }
      .error { color: var(--_danger); margin: 0; }
      .error:empty { display: none; }
    `,
  ];
  static override properties = {
    ...CrmElement.properties,
    threadId: { attribute: 'thread-id', reflect: true },
    view: { reflect: true },
    noReply: { attribute: 'no-reply', type: Boolean, reflect: true },
    thread: { attribute: false },
    loading: { state: true },
    error: { state: true },
    disabled: { state: true },
    quoted: { state: true },
    views: { state: true },
    images: { state: true },
    sending: { state: true },
    replyError: { state: true },
    notice: { state: true },
  };

  declare threadId: string | undefined;
  /** How a message with an HTML version opens: `text` (the default) or `html`. */
  declare view: 'text' | 'html' | undefined;
  declare noReply: boolean;
  /** The thread as loaded, with its messages (read only). */
  declare thread: EmailThreadDetail | undefined;
  declare loading: boolean;
  declare error: unknown;
  /** The CRM runs without the email plugin. */
  declare disabled: boolean;
  /** Messages whose quoted history is unfolded. */
  declare quoted: ReadonlySet<string>;
  /** Messages shown the other way than `view` says. */
  declare views: ReadonlySet<string>;
  /** Messages whose remote images the reader asked for. */
  declare images: ReadonlySet<string>;
  declare sending: boolean;
  declare replyError: string;
  declare notice: string;

  private loadedFor = '';
  private loadNo = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private frames = new Map<string, FrameContent>();
  private resize: ResizeObserver | undefined;

  constructor() {
    super();
    this.noReply = false;
    this.loading = false;
    this.disabled = false;
    this.quoted = new Set();
    this.views = new Set();
    this.images = new Set();
    this.sending = false;
    this.replyError = '';
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A frame's content reflows when the widget gets narrower or wider: it is measured again.
    this.resize ??= new ResizeObserver((entries) => {
      for (const entry of entries) fitFrame(entry.target as HTMLIFrameElement);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.reloadTimer);
    this.resize?.disconnect();
  }

  override reconnect(): void {
    this.loadedFor = '';
    super.reconnect();
  }

  /** A new message in this thread, received or sent (by anyone): the thread is read again. */
  protected override liveEvent(event: LiveEvent): void {
    if (event.type !== 'email.received' && event.type !== 'email.sent') return;
    if (!this.threadId || event.payload.thread_id !== this.threadId) return;
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.load(false), 250);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const key = `${this.threadId}|${this.client.apiBase}`;
    if (this.threadId && key !== this.loadedFor) {
      const other = !this.thread || this.thread.id !== this.threadId;
      this.loadedFor = key;
      if (other) {
        this.thread = undefined;
        this.quoted = new Set();
        this.views = new Set();
        this.images = new Set();
        this.replyError = '';
        this.notice = '';
        this.frames.clear();
      }
      void this.load(other);
    }
    super.willUpdate(changed);
  }

  private async load(showLoading: boolean): Promise<void> {
    const id = this.threadId;
    if (!id) return;
    const no = ++this.loadNo;
    if (showLoading) this.loading = true;
    try {
      const thread = await getThread(this.client, id);
      if (no !== this.loadNo) return;
      this.thread = thread;
      this.error = undefined;
      this.disabled = false;
      this.emit('crm-email-thread-loaded', { thread });
    } catch (error) {
      if (no !== this.loadNo) return;
      if (pluginMissing(error)) this.disabled = true;
      else this.error = error;
    } finally {
      if (no === this.loadNo) this.loading = false;
    }
  }

  private toggle(set: 'quoted' | 'views' | 'images', id: string): void {
    const next = new Set(this[set]);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this[set] = next;
  }

  private showsHtml(m: EmailMessage): boolean {
    if (!m.html) return false;
    return (this.view === 'html') !== this.views.has(m.id);
  }

  private frameFor(m: EmailMessage): FrameContent {
    const images = this.images.has(m.id);
    const key = `${m.id}|${images}|${m.html?.length ?? 0}`;
    let content = this.frames.get(key);
    if (!content) {
      content = frameContent(m.html ?? '', images);
      this.frames.set(key, content);
    }
    return content;
  }

  private async download(path: string, name: string): Promise<void> {
    this.notice = '';
    try {
      await saveDownload(this.client, path, name, this.renderRoot);
    } catch (error) {
      this.notice = errorMessage(error, this.language);
    }
  }

  /** "Needs no answer": the thread leaves the waiting queue until the customer writes again (`crm-email-handled`). */
  private async markHandled(): Promise<void> {
    const id = this.threadId;
    if (!id || !this.thread) return;
    try {
      const thread = await this.client.call('emailMarkThreadHandled', { params: { id } });
      this.thread = { ...this.thread, awaiting_reply: thread.awaiting_reply, awaiting_since: thread.awaiting_since };
      this.notice = TEXTS[this.language].handledDone;
      this.emit('crm-email-handled', { threadId: id });
    } catch (error) {
      this.replyError = errorMessage(error, this.language);
    }
  }

  private async send(form: HTMLFormElement): Promise<void> {
    const area = form.elements.namedItem('text') as HTMLTextAreaElement;
    const replyAll = (form.elements.namedItem('reply_all') as HTMLInputElement).checked;
    const text = area.value.trim();
    const id = this.threadId;
    if (!id || this.sending) return;
    if (!text) {
      area.focus();
      return;
    }
    const lang = this.language;
    this.sending = true;
    this.replyError = '';
    this.notice = '';
    try {
      const message = await replyToThread(this.client, id, { text, reply_all: replyAll });
      area.value = '';
      if (this.thread?.id === id) {
        const messages = [...this.thread.messages.filter((m) => m.id !== message.id), message];
        this.thread = { ...this.thread, messages, message_count: messages.length, awaiting_reply: false, awaiting_since: null, last_at: message.sent_at ?? message.received_at, last_direction: message.direction };
      }
      this.notice = TEXTS[lang].sent;
      this.emit('crm-email-sent', { threadId: id, messageId: message.id, message });
    } catch (error) {
      const detail = error instanceof CrmApiError && error.code !== 'network' && error.code !== 'unauthorized' ? error.problem.detail : undefined;
      this.replyError = replyProblem(detail, errorMessage(error, lang), lang);
    } finally {
      this.sending = false;
    }
  }

  override render() {
    const lang = this.language;
    const t = TEXTS[lang];
    if (this.disabled) return html`<p class="status" part="disabled">${t.disabled}</p>`;
    const thread = this.thread;
    if (!thread) return this.status({ loading: this.loading || (!this.error && Boolean(this.threadId)), error: this.error, emptyText: '' });
    const subject = thread.subject?.trim() || t.noSubject;
    return html`<section part="base" aria-labelledby="subject">
      <header part="header">
        <h2 id="subject" part="subject">${subject}</h2>
        <div class="row small">
          <span class="badge">${messageCount(thread.messages.length, lang)}</span>
          ${thread.awaiting_reply && thread.awaiting_since
            ? html`<span class="badge warn" part="awaiting">${t.awaiting} · <time datetime=${thread.awaiting_since} title=${formatDateTime(thread.awaiting_since, lang)}>${formatRelative(thread.awaiting_since, lang)}</time></span>
                ${this.noReply ? nothing : html`<button type="button" class="link" part="handled" @click=${() => void this.markHandled()}>${t.handled}</button>`}`
            : nothing}
          ${thread.kind !== 'normal' ? html`<span class="badge">${kindLabel(thread.kind, lang)}</span>` : nothing}
        </div>
        ${thread.participants.length
          ? html`<div class="small" part="participants"><span class="sr">${t.participants}: </span>
              <ul class="people" aria-label=${t.participants}>${thread.participants.map((p) => html`<li>${p.name?.trim() ? html`${p.name} <span class="addr">${p.address}</span>` : p.address}</li>`)}</ul></div>`
          : nothing}
      </header>
      ${thread.messages.length
        ? html`<ol class="messages" part="messages" aria-label=${t.messages}>${thread.messages.map((m) => html`<li>${this.renderMessage(m, subject, lang)}</li>`)}</ol>`
        : html`<p class="status" part="empty">${t.empty}</p>`}
      ${this.error ? html`<p class="error small" role="alert">${errorMessage(this.error, lang)}</p>` : nothing}
      ${this.noReply ? html`<p class="small" role="status" part="notice">${this.notice}</p>` : this.renderReply(lang)}
    </section>`;
  }

  private renderMessage(m: EmailMessage, subject: string, lang: Lang) {
    const t = TEXTS[lang];
    const when = m.sent_at ?? m.received_at;
    const sender = partyName(m.from, lang);
    const asHtml = this.showsHtml(m);
    return html`<article class="msg" part="message" data-id=${m.id} data-direction=${m.direction} aria-labelledby=${`from-${m.id}`}>
      <div class="msg-head" part="message-header">
        <h3 id=${`from-${m.id}`}>${sender}<span class="sr">, ${directionLabel(m.direction, lang)}</span></h3>
        ${m.from && m.from.name?.trim() ? html`<span class="addr small muted">${m.from.address}</span>` : nothing}
        <span class="badge ${m.direction}" part="direction" aria-hidden="true">${directionLabel(m.direction, lang)}</span>
        <time class="small muted" part="date" datetime=${when}>${dateTimeLabel(when, lang)}</time>
      </div>
      ${m.to.length || m.cc.length
        ? html`<p class="recipients small muted">${m.to.length ? html`${t.to}: ${partiesLabel(m.to)}` : nothing}${m.to.length && m.cc.length ? ' · ' : ''}${m.cc.length ? html`${t.cc}: ${partiesLabel(m.cc)}` : nothing}</p>`
        : nothing}
      ${m.thread_reason === 'subject'
        ? html`<p class="note" part="reason-note">${icon('merge')}<span>${t.bySubject}<span class="sr">. ${t.bySubjectHint}</span></span></p>`
        : nothing}
      ${asHtml ? this.renderHtml(m, subject, lang) : this.renderText(m, lang)}
      ${m.attachments.length ? this.renderAttachments(m.attachments, m.id, lang) : nothing}
      <div class="actions small">
        ${m.html ? html`<button type="button" class="link" part="view-toggle" @click=${() => this.toggle('views', m.id)}>${asHtml ? t.showText : t.showHtml}</button>` : nothing}
        <a href=${`${this.client.apiBase}${rawMessagePath(m.id)}`} part="raw" @click=${(e: Event) => {
          e.preventDefault();
          void this.download(rawMessagePath(m.id), `${(m.subject || 'email').replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80).trim() || 'email'}.eml`);
        }}>${t.raw}</a>
      </div>
    </article>`;
  }

  private renderText(m: EmailMessage, lang: Lang) {
    const t = TEXTS[lang];
    const folded = [m.signature, m.quoted_text].some((s) => s?.trim());
    const open = this.quoted.has(m.id);
    return html`<div class="text" part="body">${m.new_text.trim() || (folded ? t.noText : m.text.trim() || t.noText)}</div>
      ${folded
        ? html`<div>
            <button type="button" class="link" part="quoted-toggle" aria-expanded=${String(open)} aria-controls=${`quoted-${m.id}`} @click=${() => this.toggle('quoted', m.id)}>${open ? t.hideQuoted : t.showQuoted}</button>
          </div>
          <div id=${`quoted-${m.id}`} class="quoted" part="quoted" ?hidden=${!open}>${m.signature?.trim() ? html`<div class="signature" part="signature">${m.signature.trim()}</div>` : nothing}${m.quoted_text?.trim() ?? ''}</div>`
        : nothing}`;
  }

  private renderHtml(m: EmailMessage, subject: string, lang: Lang) {
    const t = TEXTS[lang];
    const content = this.frameFor(m);
    const shown = this.images.has(m.id);
    return html`${m.has_remote_images || content.remoteImages
        ? html`<div class="images small" part="images">
            ${shown
              ? html`<p role="status">${t.imagesShown}</p>`
              : html`<p>${t.imagesBlocked}</p><button type="button" part="show-images" @click=${() => this.toggle('images', m.id)}>${t.showImages}</button>`}
          </div>`
        : nothing}
      <iframe part="html-frame" title=${t.frame(subject)} sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"
        .srcdoc=${content.srcdoc} @load=${(e: Event) => {
          const frame = e.target as HTMLIFrameElement;
          dressFrame(frame, content.css);
          this.resize?.observe(frame);
        }}></iframe>`;
  }

  private renderAttachments(files: EmailAttachment[], id: string, lang: Lang) {
    const t = TEXTS[lang];
    return html`<div part="attachments">
      <h4 class="sr" id=${`files-${id}`}>${t.attachments}</h4>
      <ul class="files small" aria-labelledby=${`files-${id}`}>
        ${files.map((a) => {
          const note = attachmentNote(a, lang);
          const path = a.document_id ? documentFilePath(a.document_id) : null;
          return html`<li part="attachment" data-outcome=${a.outcome}>
            ${icon('document')}
            ${path && !note
              ? html`<a class="name" href=${`${this.client.apiBase}${path}`} download=${a.name} @click=${(e: Event) => {
                  e.preventDefault();
                  void this.download(path, a.name);
                }}>${a.name}</a>`
              : html`<span class="name">${a.name}</span>`}
            <span class="muted">${sizeLabel(a.size, lang)}</span>
            ${note ? html`<span class="why" part="attachment-note">${note}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderReply(lang: Lang) {
    const t = TEXTS[lang];
    const target = this.thread?.reply;
    // Said before anyone types, not after a refused send.
    if (target && !target.can_send) return html`<p class="small" role="note" part="cannot-send">${t.cannotSend}</p>`;
    return html`<form part="reply-form" aria-labelledby="reply-title" aria-busy=${String(this.sending)} @submit=${(e: Event) => {
      e.preventDefault();
      void this.send(e.target as HTMLFormElement);
    }}>
      <h3 id="reply-title">${t.reply}</h3>
      ${target?.account ? html`<p class="small" part="reply-to">${t.replyTo(partiesLabel(target.to), partyLabel({ name: target.account.name, address: target.account.email }))}</p>` : nothing}
      <label>${t.replyLabel}<textarea name="text" part="reply-text" rows="4" ?readonly=${this.sending} @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void this.send((e.target as HTMLTextAreaElement).form!);
        }
      }}></textarea></label>
      <label class="check"><input type="checkbox" name="reply_all" part="reply-all" aria-describedby="reply-all-hint" ?disabled=${this.sending} />${t.replyAll}</label>
      <span id="reply-all-hint" class="sr">${t.replyAllHint}</span>
      <div class="row">
        <button type="submit" class="primary" part="send" ?disabled=${this.sending}>${this.sending ? html`<span class="spinner"></span> ${t.sending}` : t.send}</button>
        <span class="small" role="status" part="notice">${this.notice}</span>
      </div>
      <p class="error small" role="alert" part="reply-error">${this.replyError}</p>
    </form>`;
  }
}

// The page configures every widget through any one of them: they share the kit.
export { configureCrm, live, pageClient } from '../kit/index.ts';

define('crm-email-thread', CrmEmailThread);

declare global {
  interface HTMLElementTagNameMap {
    'crm-email-thread': CrmEmailThread;
  }
}
