/** Headless Debian Chromium through playwright-core, and helpers to look into <crm-chat>. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Skipped only on a developer machine without Chromium; in CI (CI=true) they run and fail loudly. */
export const SKIP_BROWSER = !HAS_CHROMIUM && !process.env.CI;

if (SKIP_BROWSER) {
  console.warn(
    `SKIPPED: the <crm-chat> browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it).`,
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Console messages and page errors that mean trouble: CSP violations and uncaught errors. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The name, part or tag of the element focused inside the widget; null when focus is elsewhere. */
export function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('crm-chat');
    if (document.activeElement !== host) return null;
    const el = host?.shadowRoot?.activeElement;
    if (!el) return null;
    return el.getAttribute('name') ?? el.getAttribute('part') ?? el.tagName.toLowerCase();
  });
}

export async function events(page: Page): Promise<Array<{ type: string; detail: unknown }>> {
  return page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}
