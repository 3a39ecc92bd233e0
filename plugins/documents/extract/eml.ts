import { simpleParser, type AddressObject, type Attachment as MailAttachment } from 'mailparser';
import { htmlToMarkdown } from './html.ts';
import { partSections } from './text.ts';
import { ExtractionError, type Attachment, type Extraction, type ExtractOptions } from './types.ts';

/** Most attachments taken from one email; the rest are counted in the meta. */
export const MAX_ATTACHMENTS = 50;
/** Inline images smaller than this are signature logos and social icons, not documents. */
const INLINE_IMAGE_BYTES = 10 * 1024;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'message/rfc822': 'eml',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

function addresses(value: AddressObject | AddressObject[] | undefined): string | null {
  if (!value) return null;
  const text = (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
  return text || null;
}

/** Whether a part is page decoration (a logo in the signature) rather than something sent. */
function isDecoration(a: MailAttachment): boolean {
  const inline = a.related === true || a.contentDisposition === 'inline' || Boolean(a.cid);
  return inline && a.contentType.startsWith('image/') && a.size < INLINE_IMAGE_BYTES;
}

/**
 * An email (.eml, RFC 822): a header block (From, To, Cc, Date, Subject) and the body (its text
 * part, or its HTML as Markdown when it has none) as `part=N` sections; title = subject; the
 * attachments (not signature logos, at most {@link MAX_ATTACHMENTS}) with their bytes, to become
 * child documents.
 *
 * @example
 * const { title, attachments, meta } = await extractEml(bytes, options); // attachments[0].name === 'tilbud.pdf'
 */
export async function extractEml(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  let mail;
  try {
    // Our own HTML conversion keeps tables; mailparser's would flatten them.
    mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  } catch (error) {
    throw new ExtractionError('corrupt', `${options.name} cannot be read as an email (${(error as Error).message})`, { cause: error });
  }
  const from = addresses(mail.from);
  const to = addresses(mail.to);
  const cc = addresses(mail.cc);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null;
  const subject = mail.subject?.trim() || null;
  if (!from && !to && !subject && !mail.text && !mail.html && mail.attachments.length === 0) {
    throw new ExtractionError('corrupt', `${options.name} has no email headers or body`);
  }
  const text = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToMarkdown(mail.html) : '';
  const header = [from && `From: ${from}`, to && `To: ${to}`, cc && `Cc: ${cc}`, date && `Date: ${date}`, subject && `Subject: ${subject}`].filter(Boolean).join('\n');
  const body = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

  const real = mail.attachments.filter((a) => !isDecoration(a));
  const attachments: Attachment[] = real.slice(0, MAX_ATTACHMENTS).map((a, i) => ({
    name: a.filename?.trim() || `attachment-${i + 1}.${EXTENSIONS[a.contentType] ?? 'bin'}`,
    // A copy: the parser's buffers may share one pool.
    bytes: new Uint8Array(a.content),
    contentType: a.contentType || null,
  }));
  return {
    sections: partSections(body ? `${header}\n\n${body}` : header, 'text', options.name),
    ...(subject ? { title: subject } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
    meta: {
      from,
      to,
      cc,
      date,
      messageId: mail.messageId ?? null,
      ...(real.length > attachments.length ? { attachmentsSkipped: real.length - attachments.length } : {}),
    },
  };
}
