import { svg, type SVGTemplateResult } from 'lit';

/** 24×24 path data of the icons timeline event types may name; anything else is a dot. */
const PATHS: Record<string, string> = {
  chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  mail: 'M3 5h18v14H3zm2 2v.4l7 4.6 7-4.6V7zm0 2.8V17h14V9.8l-7 4.6z',
  document: 'M6 2h8l6 6v14H6zm7 1.5V9h5.5zM8 12v2h8v-2zm0 4v2h8v-2z',
  web: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-3a15 15 0 0 0-1.3-4A8 8 0 0 1 18.9 8zM12 4a13 13 0 0 1 1.8 4h-3.6A13 13 0 0 1 12 4zM4.3 14a8 8 0 0 1 0-4h3.4a16 16 0 0 0 0 4zm.8 2h3a15 15 0 0 0 1.3 4A8 8 0 0 1 5.1 16zm3-8h-3a8 8 0 0 1 4.3-4 15 15 0 0 0-1.3 4zM12 20a13 13 0 0 1-1.8-4h3.6A13 13 0 0 1 12 20zm2.2-6H9.8a14 14 0 0 1 0-4h4.4a14 14 0 0 1 0 4zm.4 6a15 15 0 0 0 1.3-4h3a8 8 0 0 1-4.3 4zm1.7-6a16 16 0 0 0 0-4h3.4a8 8 0 0 1 0 4z',
  quote: 'M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2zm3 5v2h8V8zm0 4v2h6v-2z',
  note: 'M4 3h12l4 4v14H4zm11 1.5V8h3.5zM7 11v2h10v-2zm0 4v2h7v-2z',
  merge: 'M6 3v6.2a4 4 0 0 0 1.2 2.8L11 15.8V21h2v-5.2a4 4 0 0 0-1.2-2.8L8 9.2V3zm12 0h-2v6.2l-2.6 2.6 1.4 1.4 2-2A4 4 0 0 0 18 9.2z',
  person: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z',
  company: 'M3 21V7l6-4v4l6-4v6h6v12zm4-3h2v-2H7zm0-4h2v-2H7zm4 4h2v-2h-2zm0-4h2v-2h-2zm4 4h2v-2h-2zm0-4h2v-2h-2z',
  phone: 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  alert: 'M12 2 1 21h22zm1 15h-2v2h2zm0-7h-2v5h2z',
  check: 'm9 16.2-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z',
  star: 'm12 17.3 6.2 3.7-1.6-7 5.4-4.7-7.1-.6L12 2 9.1 8.7 2 9.3l5.4 4.7-1.6 7z',
  search: 'M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
  dot: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
};

/**
 * An icon by name, decorative (hidden from screen readers: the text next to it says what it is).
 *
 * @example
 * html`${icon('chat')} ${t.chat}`
 */
export function icon(name: string): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="currentColor"><path d=${PATHS[name] ?? PATHS.dot!}></path></svg>`;
}
