import { describe, expect, it } from 'vitest';
import { CrmApiError } from '../kit/client.ts';
import type { CrmDocument, UploadAnswer } from './api.ts';
import { type Send, stateOf, type Upload, UploadQueue } from './upload.ts';

const doc = (id: string, status: CrmDocument['status'] = 'queued'): CrmDocument => ({
  id, company_id: 'c', parent_id: null, name: `${id}.pdf`, title: null, type: 'pdf', mime: 'application/pdf', size: 10, sha256: 'x', visibility: 'internal', status, failure: null,
  category: null, suggested_category: null, category_confidence: null, category_reason: null, category_source: null, pages: null, ocr_pages: null, passages: null, invoice: null,
  job_id: null, progress: null, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', indexed_at: null,
});

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

/** A sender whose answers the test gives by hand, one per file name. */
function manual() {
  const pending = new Map<string, { resolve: (a: UploadAnswer) => void; reject: (e: unknown) => void; progress: (l: number, t: number) => void }>();
  const send: Send = (f, progress) => new Promise((resolve, reject) => pending.set(f.name, { resolve, reject, progress }));
  return { send, pending };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the upload queue', () => {
  it('sends at most three at a time, in order, and starts the next when one ends', async () => {
    const { send, pending } = manual();
    const queue = new UploadQueue(send, () => {});
    queue.add(['a', 'b', 'c', 'd', 'e'].map((n) => file(n)));
    expect([...pending.keys()]).toEqual(['a', 'b', 'c']);
    expect(queue.items.map((u) => u.state)).toEqual(['sending', 'sending', 'sending', 'waiting', 'waiting']);
    expect(queue.active).toBe(3);
    pending.get('b')!.resolve({ items: [{ name: 'b', outcome: 'created', document: doc('b'), problem: null }] });
    await tick();
    expect([...pending.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.active).toBe(3);
    expect(queue.idle).toBe(false);
  });

  it('reports byte progress, and each file ends with its own outcome and problem', async () => {
    const { send, pending } = manual();
    const seen: Upload[] = [];
    const queue = new UploadQueue(send, (u) => seen.push({ ...u }));
    const [a, b, c, d] = queue.add([file('a.pdf', 100), file('b.exe', 50), file('c.pdf', 10), file('d.pdf', 10)]);
    pending.get('a.pdf')!.progress(40, 100);
    expect(a!.sent).toBe(40);
    pending.get('a.pdf')!.resolve({ items: [{ name: 'a.pdf', outcome: 'created', document: doc('a'), problem: null }] });
    pending.get('b.exe')!.reject(new CrmApiError(415, { status: 415, title: 'Unsupported Media Type', detail: 'b.exe is a Windows program (application/x-msdownload), not a document.' }));
    pending.get('c.pdf')!.resolve({ items: [{ name: 'c.pdf', outcome: 'duplicate', document: doc('c', 'indexed'), problem: null }] });
    await tick();
    pending.get('d.pdf')!.reject(new CrmApiError(0, { title: 'Network error' }));
    await tick();
    expect(a).toMatchObject({ state: 'extracting', sent: 100 });
    expect(b).toMatchObject({ state: 'failed', status: 415, problem: { detail: 'b.exe is a Windows program (application/x-msdownload), not a document.' } });
    expect(c).toMatchObject({ state: 'duplicate' });
    expect(d).toMatchObject({ state: 'failed', status: 0 });
    expect(queue.idle).toBe(true);
    expect(seen.some((u) => u.key === a!.key && u.sent === 40 && u.state === 'sending')).toBe(true);
  });

  it('a refused item inside a 201 answer is that file failing', async () => {
    const { send, pending } = manual();
    const queue = new UploadQueue(send, () => {});
    const [a] = queue.add([file('big.pdf')]);
    pending.get('big.pdf')!.resolve({ items: [{ name: 'big.pdf', outcome: 'refused', document: null, problem: { status: 413, title: 'Too large', detail: 'big.pdf is over the 50 MB limit.' } }] });
    await tick();
    expect(a).toMatchObject({ state: 'failed', status: 413, problem: { detail: 'big.pdf is over the 50 MB limit.' } });
  });

  it('moves an extracting upload to done when its document is read, and clears finished rows', async () => {
    const { send, pending } = manual();
    const queue = new UploadQueue(send, () => {});
    const [a, b] = queue.add([file('a'), file('b')]);
    pending.get('a')!.resolve({ items: [{ name: 'a', outcome: 'created', document: doc('a', 'extracting'), problem: null }] });
    await tick();
    expect(a!.state).toBe('extracting');
    queue.update(doc('a', 'indexed'));
    expect(a!.state).toBe('done');
    expect(a!.document?.status).toBe('indexed');
    queue.clearFinished();
    expect(queue.items).toEqual([b]);
  });

  it('stateOf: duplicates are duplicates; created ones extract until their status is final', () => {
    expect(stateOf(doc('a', 'indexed'), 'duplicate')).toBe('duplicate');
    expect(stateOf(doc('a', 'queued'), 'created')).toBe('extracting');
    expect(stateOf(doc('a', 'failed'), 'created')).toBe('done');
  });
});
