/**
 * What the widget remembers across page loads, in localStorage under one key per site key.
 * Falls back to memory when storage is unavailable (blocked cookies, some private modes).
 */
export interface Saved {
  session_id?: string;
  visitor_token?: string;
  expires_at?: string;
  /** A person was asked to take over: listen for staff replies even while closed. */
  handoff?: boolean;
  /** The visitor gave an email address (lead form or identify()). */
  lead?: boolean;
  /** Messages that arrived while the panel was closed. */
  unread?: number;
  /** The panel was open when the visitor left the page (sessionStorage-like, kept here). */
  open?: boolean;
}

export interface Store {
  get(): Saved;
  set(patch: Partial<Saved>): Saved;
  clearSession(): void;
}

export function createStore(siteKey: string): Store {
  const key = `crm-chat:${siteKey}`;
  let memory: Saved = {};
  const read = (): Saved => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? (JSON.parse(raw) as Saved) : memory;
    } catch {
      return memory;
    }
  };
  const write = (value: Saved) => {
    memory = value;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* storage full or blocked: memory only */
    }
  };
  return {
    get() {
      const saved = read();
      if (saved.expires_at && Date.parse(saved.expires_at) < Date.now()) {
        write({});
        return {};
      }
      return saved;
    },
    set(patch) {
      const next = { ...read(), ...patch };
      write(next);
      return next;
    },
    clearSession() {
      write({});
    },
  };
}
