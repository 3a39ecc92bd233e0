/** Every text of `<crm-documents>` in Danish and English, and the labels of categories, statuses and sizes. */
import { formatNumber, type Lang } from '../kit/format.ts';
import type { Category, CrmDocument, DocumentStatus, Problem } from './api.ts';
import type { Upload } from './upload.ts';

export const TEXTS = {
  da: {
    title: 'Dokumenter', drop: 'Træk filer hertil, eller', choose: 'Vælg filer', dropHint: 'PDF, Word, Excel, CSV, HTML, tekst, e-mail, e-faktura og billeder. Flere ad gangen.',
    dropNow: 'Slip filerne for at uploade dem', newVisibility: 'Synlighed for nye filer', uploads: 'Uploads', clear: 'Ryd færdige',
    filters: 'Filtrér dokumenterne', category: 'Kategori', status: 'Status', search: 'Søg i dokumenterne', all: 'Alle', unsureFilter: 'Usikker',
    empty: 'Ingen dokumenter endnu. Træk filer hertil for at uploade dem.', noMatch: 'Ingen dokumenter passer til filtrene.', more: 'Vis flere',
    confidence: 'Sikkerhed', size: 'Størrelse', pages: 'Sider', added: 'Tilføjet', visibility: 'Synlighed', type: 'Type', source: 'Kilde',
    internal: 'Intern', public: 'Offentlig', publicHint: 'Chatbotten må bruge og citere den', internalHint: 'Kun for medarbejdere',
    open: 'Vis', preview: 'Tekst', noText: 'Der er ingen tekst at vise endnu.', download: 'Hent', delete: 'Slet', confirmDelete: 'Slet dokumentet? Filen, teksten og søgeindekset fjernes, og det kan ikke fortrydes.',
    confirmYes: 'Ja, slet', cancel: 'Annullér', deleted: (name: string) => `${name} er slettet.`, changed: 'Gemt.', useSuggestion: 'Brug forslaget',
    pick: 'Vælg et dokument for at se teksten.', close: 'Luk', reason: 'Hvorfor', unclassified: 'Ikke klassificeret endnu', choosePlaceholder: 'Vælg kategori',
    unsure: (suggested: string | null) => (suggested ? `Usikker – foreslået: ${suggested}` : 'Usikker'),
    progressOf: (name: string) => `Upload af ${name}`, extractionOf: (name: string) => `Tekstlæsning af ${name}`,
    sources: { cues: 'Kendetegn', model: 'Model', llm: 'Sprogmodel', staff: 'Medarbejder' } as Record<string, string>,
    ocr: 'OCR', disabled: 'Dokumenter er ikke slået til i dette CRM.',
    summary: (n: number, ok: number, dup: number, failed: number) => `${n === 1 ? '1 fil' : `${n} filer`} behandlet: ${ok} uploadet${dup ? `, ${dup} fandtes allerede` : ''}${failed ? `, ${failed} afvist` : ''}.`,
  },
  en: {
    title: 'Documents', drop: 'Drag files here, or', choose: 'Choose files', dropHint: 'PDF, Word, Excel, CSV, HTML, text, email, e-invoices and images. Several at once.',
    dropNow: 'Drop the files to upload them', newVisibility: 'Visibility of new files', uploads: 'Uploads', clear: 'Clear finished',
    filters: 'Filter the documents', category: 'Category', status: 'Status', search: 'Search the documents', all: 'All', unsureFilter: 'Unsure',
    empty: 'No documents yet. Drag files here to upload them.', noMatch: 'No documents match the filters.', more: 'Show more',
    confidence: 'Confidence', size: 'Size', pages: 'Pages', added: 'Added', visibility: 'Visibility', type: 'Type', source: 'Source',
    internal: 'Internal', public: 'Public', publicHint: 'The chatbot may use and quote it', internalHint: 'Staff only',
    open: 'View', preview: 'Text', noText: 'There is no text to show yet.', download: 'Download', delete: 'Delete', confirmDelete: 'Delete the document? The file, its text and its search index are removed, and this cannot be undone.',
    confirmYes: 'Yes, delete', cancel: 'Cancel', deleted: (name: string) => `${name} was deleted.`, changed: 'Saved.', useSuggestion: 'Use the suggestion',
    pick: 'Choose a document to see its text.', close: 'Close', reason: 'Why', unclassified: 'Not classified yet', choosePlaceholder: 'Choose a category',
    unsure: (suggested: string | null) => (suggested ? `Unsure – suggested: ${suggested}` : 'Unsure'),
    progressOf: (name: string) => `Upload of ${name}`, extractionOf: (name: string) => `Reading the text of ${name}`,
    sources: { cues: 'Cues', model: 'Model', llm: 'Language model', staff: 'Staff' } as Record<string, string>,
    ocr: 'OCR', disabled: 'Documents are not enabled in this CRM.',
    summary: (n: number, ok: number, dup: number, failed: number) => `${n === 1 ? '1 file' : `${n} files`} done: ${ok} uploaded${dup ? `, ${dup} already there` : ''}${failed ? `, ${failed} refused` : ''}.`,
  },
} satisfies Record<Lang, unknown>;

const CATEGORY: Record<Lang, Record<Category, string>> = {
  da: { quote: 'Tilbud', order: 'Ordre', invoice: 'Faktura', credit_note: 'Kreditnota', contract: 'Kontrakt', price_list: 'Prisliste', specification: 'Specifikation', correspondence: 'Korrespondance', other: 'Andet' },
  en: { quote: 'Quote', order: 'Order', invoice: 'Invoice', credit_note: 'Credit note', contract: 'Contract', price_list: 'Price list', specification: 'Specification', correspondence: 'Correspondence', other: 'Other' },
};

const STATUS: Record<Lang, Record<DocumentStatus, string>> = {
  da: { queued: 'I kø', extracting: 'Læser tekst', indexed: 'Klar', needs_ocr: 'Kræver OCR', failed: 'Fejlede' },
  en: { queued: 'Queued', extracting: 'Reading text', indexed: 'Ready', needs_ocr: 'Needs OCR', failed: 'Failed' },
};

const UPLOAD: Record<Lang, Record<Upload['state'], string>> = {
  da: { waiting: 'Venter', sending: 'Sender', extracting: 'Uploadet – læser tekst', done: 'Uploadet', duplicate: 'Fandtes allerede', failed: 'Afvist' },
  en: { waiting: 'Waiting', sending: 'Sending', extracting: 'Uploaded – reading text', done: 'Uploaded', duplicate: 'Already there', failed: 'Refused' },
};

/** A category's name: `Faktura` / `Invoice`. */
export function categoryName(category: Category, lang: Lang): string {
  return CATEGORY[lang][category];
}

/** What the list shows as the category: `Faktura`, `Usikker – foreslået: Faktura`, `Ikke klassificeret endnu`. */
export function categoryLabel(doc: Pick<CrmDocument, 'category' | 'suggested_category'>, lang: Lang): string {
  if (doc.category === null) return TEXTS[lang].unclassified;
  if (doc.category === 'unsure') return TEXTS[lang].unsure(doc.suggested_category ? CATEGORY[lang][doc.suggested_category] : null);
  return CATEGORY[lang][doc.category];
}

/** `Klar`, `Fejlede: Krypteret PDF`, `Læser tekst (3 af 12)`. */
export function statusLabel(doc: Pick<CrmDocument, 'status' | 'failure' | 'progress'>, lang: Lang): string {
  const base = STATUS[lang][doc.status];
  if ((doc.status === 'failed' || doc.status === 'needs_ocr') && doc.failure?.reason) return `${base}: ${doc.failure.reason}`;
  const p = doc.progress;
  if (doc.status === 'extracting' && p?.total) return `${base} (${p.done ?? 0} ${lang === 'da' ? 'af' : 'of'} ${p.total})`;
  return base;
}

export function statusName(status: DocumentStatus, lang: Lang): string {
  return STATUS[lang][status];
}

export function uploadStateLabel(state: Upload['state'], lang: Lang): string {
  return UPLOAD[lang][state];
}

/** `87 %` / `87%`. */
export function confidenceLabel(confidence: number | null, lang: Lang): string {
  if (confidence === null || !Number.isFinite(confidence)) return '–';
  const n = formatNumber(Math.round(confidence * 100), lang, 0);
  return lang === 'da' ? `${n} %` : `${n}%`;
}

/** `1,2 MB` / `1.2 MB`, `830 kB`, `12 B` (1 kB = 1000 B, as file managers show it). */
export function sizeLabel(bytes: number, lang: Lang): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, lang, bytes < 10_000 ? 1 : 0)} kB`;
  if (bytes < 1_000_000_000) return `${formatNumber(bytes / 1_000_000, lang, 1)} MB`;
  return `${formatNumber(bytes / 1_000_000_000, lang, 1)} GB`;
}

/** `3 sider` / `3 pages`, `1 side` / `1 page`. */
export function pagesLabel(pages: number, lang: Lang): string {
  if (lang === 'da') return pages === 1 ? '1 side' : `${pages} sider`;
  return pages === 1 ? '1 page' : `${pages} pages`;
}

/** The server's own reason for refusing a file (its problem `detail`), else a sentence by status. */
export function problemText(problem: Problem | null, status: number | null, lang: Lang): string {
  if (problem?.detail) return problem.detail;
  const da = lang === 'da';
  if (status === 0) return da ? 'Forbindelsen blev afbrudt under upload.' : 'The connection was lost during the upload.';
  if (status === 413) return da ? 'Filen er for stor.' : 'The file is too large.';
  if (status === 415) return da ? 'Filtypen understøttes ikke.' : 'The file type is not supported.';
  return problem?.title ?? (da ? 'Filen blev afvist.' : 'The file was refused.');
}

/** The live region's sentence once a batch of uploads is finished. */
export function summaryText(uploads: Upload[], lang: Lang): string {
  const ok = uploads.filter((u) => u.state === 'done' || u.state === 'extracting').length;
  const dup = uploads.filter((u) => u.state === 'duplicate').length;
  const failed = uploads.filter((u) => u.state === 'failed').length;
  return TEXTS[lang].summary(uploads.length, ok, dup, failed);
}
