/**
 * Build the browser widgets into dist/widgets/ and hold them to their size budgets.
 *
 *   npm run build:widgets [-- --outdir DIR] [-- --max-initial BYTES] [-- --max-total BYTES]
 *
 * esbuild bundles widgets/chat/src/chat.ts as an ES module with code splitting, so `chat.js` is a
 * small loader and the panel (with Lit) is a hashed chunk it imports on first open. Every output
 * file is gzipped (zlib level 9) and measured; `manifest.json` lists each file with its size,
 * gzipped size and SRI hash (sha384). Exits 1 when a budget is exceeded:
 *   - initial: what a page downloads before the chat is opened (chat.js + its static imports)
 *   - total:   every file of the widget
 * The CRM's intranet widgets (widgets/companies, company, documents, email-thread, inbox,
 * knowledge, search, on the kit in widgets/kit) are a second build with an entry per widget and
 * shared chunks, listed under `crm`:
 *   - crm:     every file of the intranet widgets together (kit, Lit and all seven)
 *   - a widget with a budget of its own (CRM_WIDGET_BUDGETS): its entry and everything it loads
 * Budgets are in bytes of gzip, 1 KB = 1000 bytes (the stricter reading).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUDGETS = { initial: 10_000, total: 30_000, crm: 60_000 };

/** The intranet widgets: tag → entry. */
export const CRM_WIDGETS = {
  'crm-companies': 'widgets/companies/companies.ts', 'crm-company': 'widgets/company/company.ts', 'crm-documents': 'widgets/documents/documents.ts',
  'crm-email-thread': 'widgets/email-thread/email-thread.ts', 'crm-inbox': 'widgets/inbox/inbox.ts', 'crm-knowledge': 'widgets/knowledge/knowledge.ts', 'crm-search': 'widgets/search/search.ts',
} as const;

/**
 * Widgets held to a budget of their own (gzip of the entry and what it loads, Lit and the kit
 * included, about 13 KB of it): the email thread is shown inside the inbox and the company
 * page, so what it adds to them stays small.
 */
export const CRM_WIDGET_BUDGETS: Partial<Record<keyof typeof CRM_WIDGETS, number>> = { 'crm-email-thread': 22_000 };

export interface WidgetFile {
  file: string;
  /** loader: the entry a page includes; initial: loaded with it; lazy: loaded on first open. */
  kind: 'loader' | 'initial' | 'lazy';
  bytes: number;
  gzip: number;
  integrity: string;
}

export interface Manifest {
  widget: 'crm-chat';
  entry: string;
  budgets: { initialGzip: number; totalGzip: number };
  initialGzip: number;
  totalGzip: number;
  files: WidgetFile[];
  /** The intranet widgets: each tag's entry file and what it loads (gzip), and all of them together. */
  crm: {
    budgetGzip: number;
    totalGzip: number;
    widgets: Record<keyof typeof CRM_WIDGETS, { entry: string; gzip: number }>;
    files: { file: string; bytes: number; gzip: number; integrity: string }[];
  };
}

export interface BuildOptions {
  outdir?: string;
  budgets?: { initial: number; total: number; crm?: number };
}

/** Build, measure and write the manifest; never exits the process. */
export async function buildWidgets(options: BuildOptions = {}): Promise<{ manifest: Manifest; over: string[] }> {
  const outdir = path.resolve(options.outdir ?? path.join(ROOT, 'dist/widgets'));
  const budgets = options.budgets ?? BUDGETS;
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { chat: 'widgets/chat/src/chat.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
    minify: true,
    legalComments: 'none',
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  const chat = await measure(result.metafile, outdir, budgets);
  const crm = await buildCrm(outdir, budgets.crm ?? BUDGETS.crm);
  const manifest: Manifest = { ...chat, crm };
  await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const over: string[] = [];
  if (manifest.initialGzip > budgets.initial) over.push(`initial ${manifest.initialGzip} B > ${budgets.initial} B gzip`);
  if (manifest.totalGzip > budgets.total) over.push(`total ${manifest.totalGzip} B > ${budgets.total} B gzip`);
  if (crm.totalGzip > crm.budgetGzip) over.push(`crm widgets ${crm.totalGzip} B > ${crm.budgetGzip} B gzip`);
  for (const [tag, budget] of Object.entries(CRM_WIDGET_BUDGETS)) {
    const gzip = crm.widgets[tag as keyof typeof CRM_WIDGETS].gzip;
    if (gzip > budget) over.push(`${tag} ${gzip} B > ${budget} B gzip`);
  }
  return { manifest, over };
}

/** The intranet widgets: one entry per widget, Lit and the kit in shared chunks. */
async function buildCrm(outdir: string, budget: number): Promise<Manifest['crm']> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(CRM_WIDGETS).map(([tag, file]) => [tag.replace(/^crm-/, ''), file])),
    outdir, bundle: true, splitting: true, format: 'esm', platform: 'browser', target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
    minify: true, legalComments: 'none', entryNames: '[name]', chunkNames: 'crm-[name]-[hash]', metafile: true, logLevel: 'silent',
  });
  const rel = (p: string) => path.relative(outdir, path.resolve(ROOT, p)).split(path.sep).join('/');
  const outputs = Object.entries(result.metafile.outputs).filter(([p]) => p.endsWith('.js'));
  const files: Manifest['crm']['files'] = [];
  const gzipOf = new Map<string, number>();
  for (const [p] of outputs) {
    const bytes = await readFile(path.resolve(ROOT, p));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    gzipOf.set(p, gzip);
    files.push({ file: rel(p), bytes: bytes.length, gzip, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` });
  }
  const loads = (p: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(p)) return seen;
    seen.add(p);
    for (const imp of result.metafile.outputs[p]?.imports ?? []) if (imp.kind === 'import-statement') loads(imp.path, seen);
    return seen;
  };
  const widgets = Object.fromEntries(
    Object.entries(CRM_WIDGETS).map(([tag, source]) => {
      const [out] = outputs.find(([, o]) => o.entryPoint === source)!;
      return [tag, { entry: rel(out), gzip: [...loads(out)].reduce((n, f) => n + (gzipOf.get(f) ?? 0), 0) }];
    }),
  ) as Manifest['crm']['widgets'];
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { budgetGzip: budget, totalGzip: files.reduce((n, f) => n + f.gzip, 0), widgets, files };
}

async function measure(meta: Metafile, outdir: string, budgets: { initial: number; total: number }): Promise<Omit<Manifest, 'crm'>> {
  const rel = (p: string) => path.relative(outdir, path.resolve(ROOT, p)).split(path.sep).join('/');
  const outputs = Object.entries(meta.outputs).filter(([p]) => p.endsWith('.js'));
  const entry = outputs.find(([, o]) => o.entryPoint === 'widgets/chat/src/chat.ts');
  if (!entry) throw new Error('esbuild produced no chat.js');
  // Everything chat.js pulls in with static imports is downloaded before the chat is opened.
  const initial = new Set<string>();
  const walk = (p: string) => {
    if (initial.has(p)) return;
    initial.add(p);
    for (const imp of meta.outputs[p]?.imports ?? []) if (imp.kind === 'import-statement') walk(imp.path);
  };
  walk(entry[0]);
  const files: WidgetFile[] = [];
  for (const [p] of outputs) {
    const bytes = await readFile(path.resolve(ROOT, p));
    files.push({
      file: rel(p),
      kind: p === entry[0] ? 'loader' : initial.has(p) ? 'initial' : 'lazy',
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
    });
  }
  const order = { loader: 0, initial: 1, lazy: 2 };
  files.sort((a, b) => order[a.kind] - order[b.kind] || a.file.localeCompare(b.file));
  const sum = (list: WidgetFile[]) => list.reduce((n, f) => n + f.gzip, 0);
  return {
    widget: 'crm-chat',
    entry: rel(entry[0]),
    budgets: { initialGzip: budgets.initial, totalGzip: budgets.total },
    initialGzip: sum(files.filter((f) => f.kind !== 'lazy')),
    totalGzip: sum(files),
    files,
  };
}

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const num = (name: string, fallback: number) => {
    const v = arg(name);
    return v === undefined ? fallback : Number(v);
  };
  const outdir = arg('--outdir');
  const { manifest, over } = await buildWidgets({
    ...(outdir ? { outdir } : {}),
    budgets: { initial: num('--max-initial', BUDGETS.initial), total: num('--max-total', BUDGETS.total), crm: num('--max-crm', BUDGETS.crm) },
  });
  const kb = (n: number) => `${(n / 1000).toFixed(2)} KB`;
  for (const f of manifest.files) {
    console.log(`${f.file.padEnd(28)} ${f.kind.padEnd(8)} ${kb(f.bytes).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip  ${f.integrity}`);
  }
  console.log(`before open (loader + static imports): ${kb(manifest.initialGzip)} gzip (budget ${kb(manifest.budgets.initialGzip)})`);
  console.log(`whole widget:                          ${kb(manifest.totalGzip)} gzip (budget ${kb(manifest.budgets.totalGzip)})`);
  for (const [tag, w] of Object.entries(manifest.crm.widgets)) {
    const budget = CRM_WIDGET_BUDGETS[tag as keyof typeof CRM_WIDGETS];
    console.log(`${tag.padEnd(16)} ${w.entry.padEnd(16)} ${kb(w.gzip).padStart(10)} gzip with what it loads${budget ? ` (budget ${kb(budget)})` : ''}`);
  }
  console.log(`intranet widgets, all together:        ${kb(manifest.crm.totalGzip)} gzip (budget ${kb(manifest.crm.budgetGzip)})`);
  if (over.length) {
    console.error(`widget size budget exceeded: ${over.join('; ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
