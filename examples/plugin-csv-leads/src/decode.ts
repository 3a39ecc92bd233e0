const CHUNK = 64 * 1024;

/**
 * The text of a file as chunks, decoded as it is read: UTF-8, or Windows-1252 when the bytes
 * are not valid UTF-8 (what Excel on a Danish Windows saves as "CSV").
 *
 * @example
 * for (const text of decodeChunks(bytes)) …
 */
export function* decodeChunks(bytes: Uint8Array): Generator<string> {
  const encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  const decoder = new TextDecoder(encoding);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    yield decoder.decode(bytes.subarray(start, start + CHUNK), { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function isUtf8(bytes: Uint8Array): boolean {
  const check = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < bytes.length; start += CHUNK) check.decode(bytes.subarray(start, start + CHUNK), { stream: true });
    check.decode();
    return true;
  } catch {
    return false;
  }
}
