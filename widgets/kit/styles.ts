import { css } from 'lit';

/**
 * The design tokens every CRM widget reads: set any `--crm-*` custom property on the widget or an
 * ancestor to theme it (`--crm-accent: #0b6e4f`). Light by default, dark with the `theme="dark"`
 * attribute or, unless `theme="light"`, when the reader's system prefers dark.
 */
export const tokens = css`
  :host {
    --_font: var(--crm-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_accent: var(--crm-accent, #1f5fd6);
    --_on-accent: var(--crm-on-accent, #fff);
    --_focus: var(--crm-focus, #f5a524);
    --_radius: var(--crm-radius, 10px);
    --_gap: var(--crm-gap, 12px);
    --_bg: var(--crm-bg, #fff);
    --_surface: var(--crm-surface, #f6f7f9);
    --_fg: var(--crm-fg, #1b1d22);
    --_muted: var(--crm-muted, #5b626e);
    --_border: var(--crm-border, #d5d9e0);
    --_danger: var(--crm-danger, #b42318);
    --_success: var(--crm-success, #0a7a3f);
    --_warning: var(--crm-warning, #9a5b00);
    --_mark: var(--crm-mark, #fff1a8);
    display: block;
    color-scheme: light;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--crm-font-size, 15px) / 1.45 var(--_font);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      --_bg: var(--crm-bg, #15171c);
      --_surface: var(--crm-surface, #1f2229);
      --_fg: var(--crm-fg, #eceef2);
      --_muted: var(--crm-muted, #a9b0bc);
      --_border: var(--crm-border, #3a3f4a);
      --_accent: var(--crm-accent, #7aa7ff);
      --_on-accent: var(--crm-on-accent, #0b1020);
      --_danger: var(--crm-danger, #ff8a80);
      --_success: var(--crm-success, #6fd69b);
      --_warning: var(--crm-warning, #ffc266);
      --_mark: var(--crm-mark, #5a4b00);
    }
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --_bg: var(--crm-bg, #15171c);
    --_surface: var(--crm-surface, #1f2229);
    --_fg: var(--crm-fg, #eceef2);
    --_muted: var(--crm-muted, #a9b0bc);
    --_border: var(--crm-border, #3a3f4a);
    --_accent: var(--crm-accent, #7aa7ff);
    --_on-accent: var(--crm-on-accent, #0b1020);
    --_danger: var(--crm-danger, #ff8a80);
    --_success: var(--crm-success, #6fd69b);
    --_warning: var(--crm-warning, #ffc266);
    --_mark: var(--crm-mark, #5a4b00);
  }
  [hidden] { display: none !important; }
  *, *::before, *::after { box-sizing: border-box; }
`;

/** The pieces widgets are made of: buttons, fields, lists, badges, the loading/empty/error states. */
export const controls = css`
  button, input, select, textarea { font: inherit; color: inherit; }
  button { cursor: pointer; border: 1px solid var(--_border); background: var(--_bg); border-radius: calc(var(--_radius) - 4px); padding: 6px 12px; min-height: 36px; }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); font-weight: 600; }
  button.link { border: 0; background: none; padding: 0; min-height: 0; color: var(--_accent); text-decoration: underline; text-align: start; }
  button:disabled { opacity: 0.55; cursor: default; }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
  input, select, textarea { border: 1px solid var(--_border); border-radius: calc(var(--_radius) - 4px); background: var(--_bg); padding: 7px 10px; min-height: 36px; max-width: 100%; }
  textarea { resize: vertical; min-height: 90px; width: 100%; }
  label { display: grid; gap: 4px; font-size: 0.9em; color: var(--_muted); }
  label > :is(input, select, textarea) { color: var(--_fg); font-size: 1rem; }
  a { color: var(--_accent); }
  .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .grow { flex: 1 1 12rem; min-width: 0; }
  .muted { color: var(--_muted); }
  .small { font-size: 0.85em; }
  .card { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_gap); }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.8em; font-weight: 600; background: var(--_surface); border: 1px solid var(--_border); white-space: nowrap; }
  .badge.accent { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
  .badge.warn { color: var(--_warning); border-color: currentColor; }
  .status { padding: 18px var(--_gap); text-align: center; color: var(--_muted); }
  .status.error { color: var(--_danger); text-align: start; }
  .list { list-style: none; margin: 0; padding: 0; }
  .list > li { border-bottom: 1px solid var(--_border); }
  .item { display: grid; gap: 2px; width: 100%; text-align: start; border: 0; border-radius: 0; background: none; padding: 10px var(--_gap); min-height: 44px; }
  .item:hover { background: var(--_surface); }
  .item[aria-current='true'], .item[aria-selected='true'] { background: var(--_surface); box-shadow: inset 3px 0 0 var(--_accent); }
  .spinner { display: inline-block; width: 1em; height: 1em; border: 2px solid var(--_border); border-top-color: var(--_accent); border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -0.15em; }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  h2, h3 { margin: 0; line-height: 1.25; }
  h2 { font-size: 1.15em; }
  h3 { font-size: 1em; }
  mark { background: var(--_mark); color: inherit; border-radius: 2px; }
`;
