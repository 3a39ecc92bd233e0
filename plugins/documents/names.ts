/**
 * File names as the user wrote them, made safe to store and show: the last path segment only
 * (browsers and mail clients sometimes send `C:\Users\…\tilbud.pdf`), no control or
 * bidirectional-override characters (which can disguise `fdp.exe` as `exe.pdf`), NFC, at most
 * 255 characters with the extension kept. Letters like æøå, spaces and punctuation stay.
 *
 * @example
 * safeFileName('C:\\Users\\mette\\Tilbud – tag\u202e.pdf'); // 'Tilbud – tag.pdf'
 * safeFileName('../../etc/passwd'); // 'passwd'
 */
export function safeFileName(raw: string | undefined | null, fallback = 'dokument'): string {
  const lastSegment = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    // Line breaks and tabs are spaces; other C0/C1 controls, and the bidi overrides/isolates and zero-width marks used to disguise names.
    .replace(/[\t\n\r\f\v]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (!cleaned) return fallback;
  if (cleaned.length <= 255) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 255 - ext.length) + ext;
}

/** The lower-case extension of a name without the dot, or '' (`Tilbud.PDF` → `pdf`). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
