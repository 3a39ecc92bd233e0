/**
 * What extraction works with: the file's type as sniffed from its bytes, and what comes out of
 * it (sections of text with their place in the file, structured invoice data, attachments).
 */

/** The kinds of file the documents plugin reads; anything else is refused at upload. */
export type DocumentType = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'markdown' | 'text' | 'eml' | 'ubl' | 'image';

/** A type decided from the bytes, with the MIME type and extension we show and download as. */
export interface DetectedType {
  type: DocumentType;
  mime: string;
  ext: string;
}

/**
 * One piece of a document's text with its place: a PDF page (`page=3`), a sheet (`sheet=Priser`),
 * a part of a long text (`part=2`). Pages keep their numbers so a citation can name them.
 */
export interface Section {
  /** Stable within the document: `page=3`, `sheet=Priser`, `part=1`, `invoice`. */
  anchor: string;
  /** What a citation shows: `{ da: 'side 3', en: 'page 3' }`. */
  label: { da: string; en: string };
  /** 1-based page number for paged files (PDF, scans). */
  page?: number;
  /** Sheet name for spreadsheets. */
  sheet?: string;
  text: string;
  /** Tables are kept as Markdown tables; everything else is plain text. */
  format: 'text' | 'markdown';
  /** True when the text came from OCR. */
  ocr?: boolean;
}

/** A line of an e-invoice (OIOUBL 2.x / Peppol BIS 3, UBL 2.1). Amounts are decimal strings as written (`"1250.50"`). */
export interface InvoiceLine {
  id: string | null;
  description: string | null;
  quantity: string | null;
  unit: string | null;
  unitPrice: string | null;
  lineTotal: string | null;
  vatPercent: string | null;
}

/** A party of an e-invoice: CVR (8 digits, `DK` stripped) and EAN/GLN (13 digits) where given. */
export interface InvoiceParty {
  name: string | null;
  cvr: string | null;
  ean: string | null;
  address: string | null;
}

/** The fields of a Danish e-invoice or credit note. */
export interface Invoice {
  kind: 'invoice' | 'credit_note';
  /** `OIOUBL-2.x` or `PEPPOL-BIS-3` (or `UBL-2.1` when neither is named). */
  profile: string;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: string | null;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: InvoiceLine[];
  /** Sum of lines excluding VAT. */
  netTotal: string | null;
  vatTotal: string | null;
  /** Including VAT: what is to be paid. */
  payableTotal: string | null;
}

/** A file found inside another (an email's attachment): becomes a child document. */
export interface Attachment {
  name: string;
  bytes: Uint8Array;
  contentType: string | null;
}

/** What extraction found. An empty `sections` list is never "done": see {@link ExtractionError}. */
export interface Extraction {
  sections: Section[];
  /** Pages of a paged file (PDF, scanned image = 1). */
  pages?: number;
  /** How many of them were OCR'd. */
  ocrPages?: number;
  /** A title found in the file (PDF metadata, DOCX core properties, HTML <title>, email subject). */
  title?: string;
  /** For e-invoices. */
  invoice?: Invoice;
  /** For emails: the attachments, extracted as child documents of their own. */
  attachments?: Attachment[];
  /** Anything else worth showing (email from/to/date, sheet count, detected encoding). */
  meta?: Record<string, unknown>;
}

/** Options every extractor gets. */
export interface ExtractOptions {
  /** The original file name, as written (for messages only; never trusted for the type). */
  name: string;
  /** Stop work when aborted (job timeout, shutdown). */
  signal?: AbortSignal;
  /** A zipped format (DOCX, XLSX) whose unpacked parts would exceed this is refused (zip bomb). */
  maxUnpackedBytes: number;
  /** Most pages read from one PDF. */
  maxPages: number;
  ocr: OcrOptions;
  /** Reports progress, e.g. pages done of pages. */
  progress?(done: number, total: number, message: string): void | Promise<void>;
}

/** Tesseract on the system: languages like `dan+eng`; `available` is false when it isn't installed. */
export interface OcrOptions {
  enabled: boolean;
  languages: string;
  /** Per page. */
  timeoutMs: number;
}

/** Why a file could not be read: a stable code and a reason a user understands (in English; texts.ts translates the code). */
export type ExtractionFailure = 'encrypted' | 'corrupt' | 'zip_bomb' | 'needs_ocr' | 'too_many_pages' | 'unsupported' | 'empty';

/**
 * Extraction's one error type. `needs_ocr` is not a failure of the file: it says text could be
 * read once Tesseract is installed.
 *
 * @example
 * throw new ExtractionError('encrypted', 'The PDF is password-protected');
 */
export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExtractionError';
  }
}
