/** The contract between the loader (chat.ts, on every page) and the lazily loaded panel. */
import type { Lang, Texts } from './i18n.ts';
import type { Store } from './store.ts';

export type Role = 'visitor' | 'bot' | 'staff';

export interface Citation {
  n: number;
  title: string;
  url: string | null;
  /** The page of a document the passage is on. */
  page?: number | null;
}

export interface Message {
  id: string;
  role: Role;
  text: string;
  citations?: Citation[];
  created_at?: string;
}

export interface Identity {
  email?: string;
  name?: string;
}

/** What the loader element offers the panel. */
export interface Host {
  readonly root: ShadowRoot;
  /** Base URL of the CRM without a trailing slash, e.g. `https://crm.example.dk`. */
  readonly apiBase: string;
  readonly siteKey: string;
  /** The UI language: the `lang` attribute, else the page's, else the browser's. */
  readonly language: Lang;
  readonly t: Texts;
  readonly store: Store;
  readonly isOpen: boolean;
  readonly identity: Identity | undefined;
  /** Add a constructable stylesheet to the shadow root. */
  adopt(cssText: string): void;
  close(): void;
  /** A bot or staff message arrived: counts as unread while the panel is closed. */
  received(): void;
  /** Start listening for staff replies (server-sent events) for the stored session. */
  listen(): void;
  emit(type: string, detail: unknown): void;
}

/** What the panel chunk offers the loader. */
export interface Panel {
  /** The panel became visible; move focus into it when `focus` is true. */
  opened(focus: boolean): void;
  /** Re-render (language changed). */
  update(): void;
  /** A message from the live event stream. Returns false when it was already shown. */
  live(message: Message): boolean;
  /** The host page told us who the visitor is. */
  identify(who: Identity): void;
}

export type MountPanel = (host: Host, container: HTMLElement) => Panel;
