import { useEffect, useRef, useState } from 'preact/hooks';
import type { CrmClient } from '../../../widgets/kit/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../../widgets/kit/format.ts';
import { request } from '../../../widgets/kit/request.ts';
import { readSse } from '../../../widgets/kit/sse.ts';
import type { Lang, Texts } from '../texts.ts';
import type { Widgets } from '../widgets.ts';

/** The website plugin's answers (`/api/website/*`; not in the kit's generated types, which cover the core, chat and email). */
type Status = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
interface Crawl {
  id: string;
  site_id: string;
  url: string;
  purpose: 'crawl' | 'enrich';
  status: Status;
  trigger: 'manual' | 'schedule' | 'company';
  options: { max_pages: number; max_depth: number; include: string[]; exclude: string[]; render: boolean };
  progress: { queued: number; fetched: number; unchanged: number; skipped: number; failed: number; pending: number };
  pages: { new: number; changed: number; removed: number; documents: number };
  skipped_reasons: Record<string, number>;
  robots: { url: string; status: number | null; blocked: string | null } | null;
  error: string | null;
  cancel_requested: boolean;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
interface Site {
  id: string;
  url: string;
  site: string;
  recrawl_days: number | null;
  next_crawl_at: string | null;
  last_crawl: Crawl | null;
}
interface CrawlUrl {
  url: string;
  state: 'queued' | 'done' | 'skipped' | 'failed';
  outcome: string | null;
  detail: string | null;
  http_status: number | null;
}
interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** `3. dec. 2026 kl. 17.16` / `3 Dec 2026, 17:16`, as the Danish reader writes it (not every ICU puts the "kl." in). */
function when(iso: string, lang: Lang): string {
  if (lang === 'en') return formatDateTime(iso, lang);
  return `${formatDate(iso, lang)} kl. ${new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))}`;
}

const active = (c: Crawl) => c.status === 'queued' || c.status === 'running';

/** What the API's error says: its problem+json detail (or title), and the fields it named. */
function problemText(error: unknown): string {
  const e = error as { message?: string; problem?: { detail?: string; title?: string; errors?: { path: string; message: string }[] } };
  const fields = (e.problem?.errors ?? []).map((f) => `${f.path.replace(/^body\./, '')}: ${f.message}`).join('; ');
  return [e.problem?.detail || e.problem?.title || e.message || String(error), fields].filter(Boolean).join(' — ');
}

/** The CRM runs without the website plugin: its routes answer `No route for …`. */
function pluginMissing(error: unknown): boolean {
  const e = error as { status?: number; problem?: { detail?: string } };
  return e.status === 404 && /^No route\b/.test(e.problem?.detail ?? '');
}

async function json<T>(client: CrmClient, method: string, path: string, body?: unknown): Promise<T> {
  return (await request(client, method, path, body)).json() as Promise<T>;
}

/**
 * A crawl's progress stream (`GET /api/website/crawls/{id}/progress`, SSE with the client's
 * bearer token, which EventSource can't send): calls `onCrawl` with each `progress` and the
 * `done` crawl. Reconnects after a dropped stream (1 s, then longer, up to 30 s) until the crawl
 * is done or `signal` aborts.
 */
async function followCrawl(client: CrmClient, id: string, signal: AbortSignal, onCrawl: (crawl: Crawl, done: boolean) => void): Promise<void> {
  let wait = 1000;
  while (!signal.aborted) {
    try {
      let res: Response | undefined;
      for (const fresh of [false, true]) {
        const token = await client.token(fresh);
        res = await fetch(`${client.apiBase}/api/website/crawls/${encodeURIComponent(id)}/progress`, {
          credentials: 'omit', signal, headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
        if (res.status !== 401) break;
      }
      if (res!.ok && res!.body) {
        wait = 1000;
        for await (const message of readSse(res!.body)) {
          if (message.event !== 'progress' && message.event !== 'done') continue;
          const crawl = JSON.parse(message.data) as Crawl;
          onCrawl(crawl, message.event === 'done');
          if (message.event === 'done') return;
        }
      } else if (res!.status === 404) return;
      // The stream ended without `done` (a restart, a proxy): read the crawl, it may have finished meanwhile.
      const crawl = await json<Crawl>(client, 'GET', `/api/website/crawls/${encodeURIComponent(id)}`);
      if (!active(crawl)) return onCrawl(crawl, true);
      onCrawl(crawl, false);
    } catch {
      if (signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 30_000);
  }
}

/** A message in the reader's current language (shown again in the other one after the switch). */
type Say = (t: Texts) => string;
const quiet: Say = () => '';

const lines = (text: FormDataEntryValue | null) => String(text ?? '').split(/[\n,]+/).map((s) => s.trim()).filter(Boolean);

/**
 * Hjemmeside: the own company's website as the chatbot's knowledge. Start a crawl (URL, page and
 * depth limits, include/exclude patterns, JavaScript rendering, a re-crawl schedule); the sites
 * with their schedule (editable), last crawl and "Crawl again"; the crawls, each followed live
 * while it runs (a progress bar, its counts, what it changed, why pages were skipped, Cancel)
 * with its skipped and failed URLs a click away. Says so where the website plugin isn't running.
 */
export function WebsitePage(props: { t: Texts; lang: Lang; widgets: Widgets }) {
  const { t, lang } = props;
  const w = t.web;
  const client = props.widgets.pageClient();
  const [sites, setSites] = useState<Site[] | undefined>();
  const [crawls, setCrawls] = useState<Crawl[] | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [starting, setStarting] = useState(false);
  const [formNotice, setFormNotice] = useState<{ say: Say }>({ say: quiet });
  const [formProblem, setFormProblem] = useState('');
  const [notice, setNotice] = useState<{ say: Say }>({ say: quiet });
  const [problem, setProblem] = useState('');
  const following = useRef(new Map<string, AbortController>());

  const loadSites = () => json<Page<Site>>(client, 'GET', '/api/website/sites').then((r) => setSites(r.items));
  const loadCrawls = () => json<Page<Crawl>>(client, 'GET', '/api/website/crawls?limit=20').then((r) => {
    setCrawls(r.items);
    setCursor(r.next_cursor);
  });
  const failed = (error: unknown) => (pluginMissing(error) ? setMissing(true) : setProblem(problemText(error)));
  useEffect(() => {
    loadSites().catch(failed);
    loadCrawls().catch(failed);
  }, [client]);

  // Every crawl that is queued or running is followed on its progress stream while the page is open.
  useEffect(() => {
    for (const crawl of crawls ?? []) {
      if (!active(crawl) || following.current.has(crawl.id)) continue;
      const controller = new AbortController();
      following.current.set(crawl.id, controller);
      void followCrawl(client, crawl.id, controller.signal, (fresh, done) => {
        setCrawls((list) => list?.map((c) => (c.id === fresh.id ? fresh : c)));
        if (done) {
          following.current.delete(fresh.id);
          setNotice({ say: (tt) => `${fresh.url}: ${tt.web.statuses[fresh.status]}` });
          loadSites().catch(() => undefined);
        }
      }).finally(() => {
        if (following.current.get(crawl.id) === controller) following.current.delete(crawl.id);
      });
    }
  }, [crawls, client]);
  useEffect(() => () => {
    for (const controller of following.current.values()) controller.abort();
    following.current.clear();
  }, []);

  if (missing) return <section class="pane" aria-labelledby="website-title"><h1 id="website-title">{t.website}</h1><p class="status">{w.missing}</p></section>;

  const added = (crawl: Crawl) => {
    setCrawls((list) => [crawl, ...(list ?? []).filter((c) => c.id !== crawl.id)]);
    loadSites().catch(() => undefined);
  };

  const start = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const number = (name: string) => (String(data.get(name) ?? '').trim() ? Number(data.get(name)) : undefined);
    const include = lines(data.get('include'));
    const exclude = lines(data.get('exclude'));
    const recrawl = number('recrawl_days');
    const body = {
      url: String(data.get('url') ?? '').trim(),
      ...(number('max_pages') !== undefined ? { max_pages: number('max_pages') } : {}),
      ...(number('max_depth') !== undefined ? { max_depth: number('max_depth') } : {}),
      ...(include.length ? { include } : {}),
      ...(exclude.length ? { exclude } : {}),
      render: data.get('render') === 'on',
      recrawl_days: recrawl ?? null,
    };
    setStarting(true);
    setFormNotice({ say: quiet });
    setFormProblem('');
    try {
      const crawl = await json<Crawl>(client, 'POST', '/api/website/crawls', body);
      added(crawl);
      setFormNotice({ say: (tt) => tt.web.started(crawl.url) });
    } catch (error) {
      setFormProblem(problemText(error));
    } finally {
      setStarting(false);
    }
  };

  const act = async (work: () => Promise<void>) => {
    setNotice({ say: quiet });
    setProblem('');
    try {
      await work();
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  const saveSchedule = (site: Site, value: string) => act(async () => {
    const updated = await json<Site>(client, 'PATCH', `/api/website/sites/${site.id}`, { recrawl_days: value.trim() ? Number(value) : null });
    setSites((list) => list?.map((s) => (s.id === site.id ? updated : s)));
    setNotice({ say: (tt) => tt.web.scheduleSaved(site.site) });
  });
  const crawlAgain = (site: Site) => act(async () => {
    const crawl = await json<Crawl>(client, 'POST', `/api/website/sites/${site.id}/crawl`);
    added(crawl);
    setNotice({ say: (tt) => tt.web.started(crawl.url) });
  });
  const cancel = (crawl: Crawl) => act(async () => {
    const fresh = await json<Crawl>(client, 'POST', `/api/website/crawls/${crawl.id}/cancel`);
    setCrawls((list) => list?.map((c) => (c.id === fresh.id ? fresh : c)));
  });
  const older = () => act(async () => {
    const page = await json<Page<Crawl>>(client, 'GET', `/api/website/crawls?limit=20&cursor=${encodeURIComponent(cursor ?? '')}`);
    setCrawls((list) => [...(list ?? []), ...page.items.filter((c) => !list?.some((o) => o.id === c.id))]);
    setCursor(page.next_cursor);
  });

  return (
    <div class="website-page">
      <header class="wide">
        <h1 id="website-title">{t.website}</h1>
        <p class="muted">{w.hint}</p>
      </header>
      <form class="card form crawl-form" onSubmit={start} aria-labelledby="crawl-form-title">
        <h2 id="crawl-form-title">{w.startTitle}</h2>
        <label>{w.url}<input name="url" type="url" required maxLength={2000} autocomplete="url" placeholder="https://www.firma.dk/" /></label>
        <div class="fields">
          <label class="grow">{w.maxPages}<input name="max_pages" type="number" min={1} max={100000} inputMode="numeric" placeholder="500" /></label>
          <label class="grow">{w.maxDepth}<input name="max_depth" type="number" min={0} max={50} inputMode="numeric" placeholder="10" /></label>
        </div>
        <label>{w.include}<textarea name="include" rows={2} spellcheck={false} aria-describedby="patterns-hint" placeholder="/produkter" /></label>
        <label>{w.exclude}<textarea name="exclude" rows={2} spellcheck={false} aria-describedby="patterns-hint" placeholder={'/intern\n*.php'} /></label>
        <span id="patterns-hint" class="muted small">{w.patternsHint}</span>
        <label class="check"><input name="render" type="checkbox" /> {w.render}</label>
        <label>{w.recrawl}<input name="recrawl_days" type="number" min={1} max={365} inputMode="numeric" aria-describedby="recrawl-hint" /></label>
        <span id="recrawl-hint" class="muted small">{w.recrawlHint}</span>
        <button type="submit" class="primary" disabled={starting}>{starting ? w.starting : w.start}</button>
        <p role="status" class="small">{formNotice.say(t)}</p>
        <p role="alert" class="problem small">{formProblem}</p>
      </form>
      <section class="card sites" aria-labelledby="sites-title">
        <h2 id="sites-title">{w.sites}</h2>
        {sites === undefined ? <p role="status" class="muted">…</p> : sites.length === 0 ? <p class="muted">{w.noSites}</p> : null}
        <ul class="plain">
          {(sites ?? []).map((site) => <SiteItem key={site.id} site={site} running={crawls?.find((c) => c.site_id === site.id && active(c))} t={t} lang={lang} onSave={(value) => saveSchedule(site, value)} onCrawl={() => crawlAgain(site)} />)}
        </ul>
        <p role="status" class="small">{notice.say(t)}</p>
        <p role="alert" class="problem small">{problem}</p>
      </section>
      <section class="card crawls wide" aria-labelledby="crawls-title">
        <h2 id="crawls-title">{w.crawls}</h2>
        {crawls === undefined ? <p role="status" class="muted">…</p> : crawls.length === 0 ? <p class="muted">{w.noCrawls}</p> : null}
        <ul class="plain">
          {(crawls ?? []).map((crawl) => <CrawlItem key={crawl.id} crawl={crawl} t={t} lang={lang} client={client} onCancel={() => cancel(crawl)} />)}
        </ul>
        {cursor ? <button type="button" onClick={older}>{w.more}</button> : null}
      </section>
    </div>
  );
}

function SiteItem(props: { site: Site; running: Crawl | undefined; t: Texts; lang: Lang; onSave(value: string): void; onCrawl(): void }) {
  const { site, t, lang } = props;
  const w = t.web;
  // The crawl running now shows as the latest (the site's last_crawl is the last one finished).
  const last = props.running ?? site.last_crawl;
  const id = `site-${site.id}`;
  return (
    <li class="site" aria-labelledby={id} data-site={site.site}>
      <div class="row">
        <h3 id={id} class="grow break"><a href={site.url} target="_blank" rel="noopener noreferrer">{site.url.replace(/^https?:\/\//, '')}</a></h3>
        <button type="button" onClick={props.onCrawl} disabled={last ? active(last) : false} aria-label={`${w.crawlAgain}: ${site.site}`}>{w.crawlAgain}</button>
      </div>
      <dl class="facts small">
        <div><dt>{w.lastCrawl}</dt><dd>{last ? <><span class={`badge state ${last.status}`}>{w.statuses[last.status]}</span> {last.finished_at ? <time dateTime={last.finished_at}>{when(last.finished_at, lang)}</time> : null}</> : w.none}</dd></div>
        <div><dt>{w.nextCrawl}</dt><dd>{site.next_crawl_at ? <time dateTime={site.next_crawl_at}>{when(site.next_crawl_at, lang)}</time> : w.onDemand}</dd></div>
      </dl>
      <form class="row schedule" onSubmit={(e) => {
        e.preventDefault();
        props.onSave(String(new FormData(e.target as HTMLFormElement).get('recrawl_days') ?? ''));
      }}>
        <label class="inline">{w.every}
          <input name="recrawl_days" type="number" min={1} max={365} inputMode="numeric" defaultValue={site.recrawl_days === null ? '' : String(site.recrawl_days)} placeholder="–" aria-describedby={`${id}-days`} />
          <span id={`${id}-days`}>{w.days}</span></label>
        <button type="submit" aria-label={`${w.save}: ${w.every} … ${w.days}, ${site.site}`}>{w.save}</button>
      </form>
    </li>
  );
}

function CrawlItem(props: { crawl: Crawl; t: Texts; lang: Lang; client: CrmClient; onCancel(): void }) {
  const { crawl: c, t, lang } = props;
  const w = t.web;
  const n = (value: number) => formatNumber(value, lang, 0);
  const running = active(c);
  const p = c.progress;
  const done = Math.max(0, p.queued - p.pending);
  const reasons = Object.entries(c.skipped_reasons).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  const id = `crawl-${c.id}`;
  return (
    <li class="crawl" aria-labelledby={id} data-status={c.status} data-id={c.id}>
      <div class="row">
        <h3 id={id} class="grow break">{c.url.replace(/^https?:\/\//, '')}</h3>
        <span class={`badge state ${c.status}`}>{c.cancel_requested && running ? w.cancelRequested : w.statuses[c.status]}</span>
        {running ? <button type="button" onClick={props.onCancel} disabled={c.cancel_requested} aria-label={`${w.cancel}: ${c.url}`}>{w.cancel}</button> : null}
      </div>
      <p class="muted small when">
        {w.triggers[c.trigger]} · {w.created_at} <time dateTime={c.created_at}>{when(c.created_at, lang)}</time>
        {c.finished_at ? <> · {w.finished_at} <time dateTime={c.finished_at}>{when(c.finished_at, lang)}</time></> : null}
      </p>
      {running ? (
        <div class="sync-progress">
          <progress aria-label={`${w.progress}: ${c.url}`} max={c.status === 'running' && p.queued ? p.queued : undefined} value={c.status === 'running' && p.queued ? done : undefined} />
          <span class="small muted" aria-live="polite">{c.status === 'running' && p.queued ? `${n(done)} / ${n(p.queued)}` : w.statuses[c.status]}</span>
        </div>
      ) : null}
      {c.error ? <p class="problem small">{w.error}: {c.error}</p> : null}
      {c.robots?.blocked ? <p class="warning small">{w.robotsBlocked}: {c.robots.blocked}</p> : null}
      <dl class="facts small counts">
        {(['fetched', 'unchanged', 'skipped', 'failed', 'pending'] as const).map((k) => <div key={k} data-count={k}><dt>{w.counts[k]}</dt><dd>{n(p[k])}</dd></div>)}
      </dl>
      <dl class="facts small pages">
        {(['new', 'changed', 'removed', 'documents'] as const).filter((k) => k !== 'documents' || c.pages.documents > 0).map((k) => <div key={k} data-pages={k}><dt>{w.pages[k]}</dt><dd>{n(c.pages[k])}</dd></div>)}
      </dl>
      {reasons.length ? (
        <div class="reasons small">
          <h4>{w.reasons}</h4>
          <ul>{reasons.map(([reason, count]) => <li key={reason} data-reason={reason}>{w.skipReasons[reason] ?? reason}: {n(count)}</li>)}</ul>
        </div>
      ) : null}
      {p.skipped + p.failed > 0 ? <CrawlUrls crawl={c} t={t} lang={lang} client={props.client} /> : null}
    </li>
  );
}

/** The crawl's skipped and failed URLs, read when opened (and again when the crawl has gone on). */
function CrawlUrls(props: { crawl: Crawl; t: Texts; lang: Lang; client: CrmClient }) {
  const { crawl, t, client } = props;
  const w = t.web;
  const [open, setOpen] = useState(false);
  const [lists, setLists] = useState<{ skipped: Page<CrawlUrl>; failed: Page<CrawlUrl> } | undefined>();
  const [problem, setProblem] = useState('');
  const base = `/api/website/crawls/${crawl.id}/urls?limit=100`;
  const key = `${crawl.progress.skipped}:${crawl.progress.failed}:${crawl.status}`;
  useEffect(() => {
    if (!open) return;
    Promise.all([json<Page<CrawlUrl>>(client, 'GET', `${base}&state=skipped`), json<Page<CrawlUrl>>(client, 'GET', `${base}&state=failed`)])
      .then(([skipped, failed]) => setLists({ skipped, failed }), (error: unknown) => setProblem(problemText(error)));
  }, [open, key]);
  const more = async (state: 'skipped' | 'failed') => {
    try {
      const page = await json<Page<CrawlUrl>>(client, 'GET', `${base}&state=${state}&cursor=${encodeURIComponent(lists![state].next_cursor ?? '')}`);
      setLists((l) => l && { ...l, [state]: { items: [...l[state].items, ...page.items], next_cursor: page.next_cursor } });
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  const rows = lists ? [...lists.skipped.items, ...lists.failed.items] : [];
  return (
    <details class="urls small" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{w.urls} ({formatNumber(crawl.progress.skipped + crawl.progress.failed, props.lang, 0)})</summary>
      {!lists && !problem ? <p role="status" class="muted">{w.loading}</p> : null}
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      {lists && rows.length === 0 ? <p class="muted">{w.noUrls}</p> : null}
      {rows.length ? (
        <div class="scroll">
          <table class="table urls-table">
            <caption class="sr">{w.urls}: {crawl.url}</caption>
            <thead><tr><th scope="col">{w.address}</th><th scope="col">{w.reason}</th><th scope="col">HTTP</th></tr></thead>
            <tbody>
              {rows.map((u) => (
                <tr key={`${u.state}:${u.url}`} data-state={u.state} data-outcome={u.outcome ?? ''}>
                  <td class="break"><a href={u.url} target="_blank" rel="noopener noreferrer">{u.url}</a></td>
                  <td><span class={`badge state ${u.state}`}>{u.state === 'failed' ? w.failedUrls : w.skippedUrls}</span> {u.outcome ? (w.skipReasons[u.outcome] ?? u.outcome) : ''}
                    {u.detail ? <div class="muted break">{u.detail}</div> : null}</td>
                  <td>{u.http_status ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {lists?.skipped.next_cursor ? <button type="button" onClick={() => more('skipped')}>{w.moreUrls}: {w.skippedUrls}</button> : null}
      {lists?.failed.next_cursor ? <button type="button" onClick={() => more('failed')}>{w.moreUrls}: {w.failedUrls}</button> : null}
    </details>
  );
}

