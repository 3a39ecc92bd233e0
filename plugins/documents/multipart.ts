import { Readable } from 'node:stream';
import busboy from 'busboy';
import { CrmError } from '../../plugin-api.js';

/** One part of a multipart body, in the order the client sent them. */
export type Part =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; field: string; filename: string | undefined; mimeType: string; stream: AsyncIterable<Uint8Array> };

/**
 * Reads a `multipart/form-data` request part by part without buffering files: a file part's
 * stream is read (to its end, or as far as wanted: the rest is skipped) before the next part comes, which
 * is the back-pressure that keeps a 50 MB upload from ever being in memory. Busboy's limits
 * bound everything else (field sizes, number of parts).
 *
 * @example
 * for await (const part of multipartParts(c.req.raw, { maxFiles: 100 })) {
 *   if (part.kind === 'file') await save(part.stream); else fields[part.name] = part.value;
 * }
 */
export async function* multipartParts(request: Request, limits: { maxFiles: number; maxFileBytes: number }): AsyncGenerator<Part> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) throw new CrmError('unsupported_media_type', 'Send the files as multipart/form-data');
  if (!request.body) throw new CrmError('bad_request', 'The upload has no body');
  const parser = busboy({
    headers: { 'content-type': contentType },
    // One byte over the limit is enough to know a file is too large.
    limits: { files: limits.maxFiles, fields: 20, fieldSize: 4096, parts: limits.maxFiles + 20, fileSize: limits.maxFileBytes + 1 },
    defParamCharset: 'utf8',
  });
  const queue: (Part | { kind: 'end' } | { kind: 'error'; error: unknown })[] = [];
  let wake: (() => void) | undefined;
  const push = (item: (typeof queue)[number]) => {
    queue.push(item);
    wake?.();
  };
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) push({ kind: 'error', error: new CrmError('validation_failed', `The field ${name} is too long`) });
    else push({ kind: 'field', name, value });
  });
  const files = new Map<object, Readable>();
  parser.on('file', (field, readable, info) => {
    // A consumer that stops reading early (a file over the limit) must not destroy the part:
    // busboy would wait for it forever. The rest of it is skipped below instead.
    const stream = readable.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
    files.set(stream, readable);
    push({ kind: 'file', field, filename: info.filename, mimeType: info.mimeType, stream });
  });
  parser.on('filesLimit', () => push({ kind: 'error', error: new CrmError('payload_too_large', `At most ${limits.maxFiles} files in one upload`) }));
  parser.on('partsLimit', () => push({ kind: 'error', error: new CrmError('payload_too_large', 'Too many parts in one upload') }));
  parser.on('error', (error) => push({ kind: 'error', error: new CrmError('bad_request', `The multipart body is malformed: ${(error as Error).message}`) }));
  parser.on('close', () => push({ kind: 'end' }));
  const body = Readable.fromWeb(request.body as never);
  body.on('error', (error) => push({ kind: 'error', error: new CrmError('bad_request', `The upload was interrupted: ${error.message}`) }));
  body.pipe(parser);
  try {
    while (true) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const item = queue.shift()!;
      if (item.kind === 'end') return;
      if (item.kind === 'error') throw item.error;
      yield item;
      // A file the consumer did not read is skipped, so the parser can go on.
      if (item.kind === 'file') {
        const readable = files.get(item.stream)!;
        files.delete(item.stream);
        if (!readable.readableEnded) readable.resume();
      }
    }
  } finally {
    // Stop reading a body we will not use (an error, or the consumer stopped early).
    body.unpipe(parser);
    body.resume();
  }
}
