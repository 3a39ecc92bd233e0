import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../core/http/app.ts';
import { createLogger } from '../../core/log/index.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { buildWidgets } from '../../scripts/build-widgets.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('GET /widgets/*', () => {
  let t: TestDatabase;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  let files: { file: string; kind: string; integrity: string }[];
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-widgets-'));
    files = (await buildWidgets({ outdir: dir })).manifest.files;
    app = createApp({ db: t.db, logger: createLogger('silent'), jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: 'test', embedder: createOfflineEmbedder(), widgetsDir: dir });
  });
  afterAll(() => t.destroy());

  it('serves the loader to any site, briefly cached with an ETag, and the hashed chunks for a year', async () => {
    const loader = await app.request('/widgets/chat.js');
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(loader.headers.get('access-control-allow-origin')).toBe('*');
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await loader.text()).length).toBeGreaterThan(1000);
    const etag = loader.headers.get('etag')!;
    expect((await app.request('/widgets/chat.js', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const chunk = files.find((f) => f.kind === 'lazy')!;
    const lazy = await app.request(`/widgets/${chunk.file}`);
    expect(lazy.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves nothing but the built files', async () => {
    for (const url of ['/widgets/manifest.json', '/widgets/..%2Fpackage.json', '/widgets/nope.js']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('says how to build them when they are not built', async () => {
    const empty = createApp({ db: t.db, logger: createLogger('silent'), jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: 'test', embedder: createOfflineEmbedder(), widgetsDir: path.join(dir, 'missing') });
    const res = await empty.request('/widgets/chat.js');
    expect(res.status).toBe(404);
    expect((await res.json()).detail).toContain('npm run build:widgets');
  });
});
