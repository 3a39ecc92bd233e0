/**
 * Build the demo intranet (host-app/app → dist/app, served at /app/) and the demo website
 * (host-app/site → dist/site, served at /site/) with Vite. The CRM widgets are not bundled:
 * both load them from the CRM at /widgets/, as any intranet or website would.
 *
 *   npm run build:app
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds both sites into `outdir` (default dist/), quietly; throws on a build error. */
export async function buildApp(options: { outdir?: string } = {}): Promise<void> {
  const outdir = options.outdir ?? path.join(ROOT, 'dist');
  for (const [name, base] of [['app', '/app/'], ['site', '/site/']] as const) {
    const config: InlineConfig = {
      root: path.join(ROOT, 'host-app', name),
      base,
      configFile: false,
      logLevel: 'warn',
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        outDir: path.join(outdir, name),
        emptyOutDir: true,
        target: 'es2022',
        // The widgets come from the CRM at run time.
        rolldownOptions: { external: [/^\/widgets\//] },
        modulePreload: { polyfill: false },
        reportCompressedSize: false,
      },
    };
    await build(config);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildApp().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message ?? error}\n`);
    process.exit(1);
  });
}
