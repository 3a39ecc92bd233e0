/**
 * OCR with the system's Tesseract, and PDF pages rendered for it with poppler's pdftoppm. Both
 * run as child processes (execFile, never a shell) with a timeout per page and are killed when
 * the job is aborted. Set `TESSERACT_PATH` / `PDFTOPPM_PATH` to use other binaries.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OcrOptions } from './types.ts';

/** Why OCR of one page did not give text: the tool is missing, it took too long, or it failed on the input. */
export type OcrFailure = 'missing' | 'timeout' | 'failed';

/**
 * OCR's error: `missing` means Tesseract, its language data or pdftoppm is not installed (the
 * document needs OCR); `timeout` and `failed` are about one page.
 *
 * @example
 * if (error instanceof OcrError && error.code === 'missing') markNeedsOcr();
 */
export class OcrError extends Error {
  constructor(
    readonly code: OcrFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OcrError';
  }
}

/** What the install hint says, once, for every missing piece. */
export const OCR_INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-dan poppler-utils';

/** Read on every call, so a test (or an operator) can point them elsewhere without a restart. */
const tesseractBin = () => process.env.TESSERACT_PATH || 'tesseract';
const pdftoppmBin = () => process.env.PDFTOPPM_PATH || 'pdftoppm';

/** Tesseract's output is bounded by the page; this only guards against a runaway process. */
const MAX_OUTPUT = 16 * 1024 * 1024;

interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Runs a binary without a shell; an abort rejects with the signal's reason, everything else with an {@link OcrError}. */
function run(file: string, args: string[], options: RunOptions): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    execFile(
      file,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        signal: options.signal,
        maxBuffer: MAX_OUTPUT,
        encoding: 'utf8',
        windowsHide: true,
        // Tesseract's OpenMP threads fight each other on small machines (and with other jobs); one thread per process is faster there.
        env: { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        if (options.signal?.aborted) return reject(options.signal.reason);
        const failure = error as NodeJS.ErrnoException & { killed?: boolean };
        if (failure.code === 'ENOENT' || failure.code === 'EACCES') return reject(new OcrError('missing', `${file} is not installed (${OCR_INSTALL_HINT})`, { cause: error }));
        if (failure.killed) return reject(new OcrError('timeout', `${file} took longer than ${Math.round(options.timeoutMs / 1000)} s`, { cause: error }));
        const said = lastLines(stderr) || error.message;
        if (/Failed loading language|Error opening data file/i.test(said)) return reject(new OcrError('missing', `Tesseract has no language data for this language (${OCR_INSTALL_HINT}): ${said}`, { cause: error }));
        reject(new OcrError('failed', `${file} failed: ${said}`, { cause: error }));
      },
    );
  });
}

/** The end of a tool's stderr, which is where it says what went wrong. */
const lastLines = (text: string) => text.trim().split('\n').slice(-2).join(' ').slice(0, 300);

const availability = new Map<string, Promise<boolean>>();

/**
 * Whether OCR can run here: `tesseract --version` and `pdftoppm -v` both start. Cached per pair
 * of binaries (asked once per process, not per page).
 *
 * @example
 * if (!(await ocrAvailable())) throw new ExtractionError('needs_ocr', 'Install Tesseract to read scans');
 */
export function ocrAvailable(): Promise<boolean> {
  const key = `${tesseractBin()}\0${pdftoppmBin()}`;
  let known = availability.get(key);
  if (!known) {
    const check = { timeoutMs: 10_000 };
    known = Promise.all([run(tesseractBin(), ['--version'], check), run(pdftoppmBin(), ['-v'], check)]).then(
      () => true,
      () => false,
    );
    availability.set(key, known);
  }
  return known;
}

/**
 * Forgets what {@link ocrAvailable} found, for tests that install or remove a binary.
 *
 * @example
 * process.env.TESSERACT_PATH = '/nonexistent'; resetOcrCache();
 */
export function resetOcrCache(): void {
  availability.clear();
}

/** Tesseract takes languages as `dan+eng`; anything else is refused before it reaches the command line. */
function checkedLanguages(languages: string): string {
  if (!/^[A-Za-z_]+(\+[A-Za-z_]+)*$/.test(languages)) throw new OcrError('failed', `Not a Tesseract language list: ${JSON.stringify(languages)} (write e.g. dan+eng)`);
  return languages;
}

/** Tesseract's text without the form feed it ends a page with and without trailing blanks. */
function tidy(text: string): string {
  return text
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The text Tesseract reads in an image (PNG, JPEG, TIFF, WebP, ...), given as a path or as bytes
 * (written to a temporary file that is removed afterwards). Page segmentation 3: a whole page.
 *
 * @example
 * const text = await ocrImage(pngBytes, { enabled: true, languages: 'dan+eng', timeoutMs: 60_000, signal });
 */
export async function ocrImage(file: string | Uint8Array, options: OcrOptions & { signal?: AbortSignal; dpi?: number }): Promise<string> {
  const languages = checkedLanguages(options.languages);
  const dir = typeof file === 'string' ? undefined : await mkdtemp(join(tmpdir(), 'documents-ocr-'));
  try {
    const input = dir ? join(dir, 'image') : (file as string);
    if (dir) await writeFile(input, file as Uint8Array);
    // A known resolution spares Tesseract guessing it (and the warning it prints when it must).
    const dpi = options.dpi ? ['--dpi', String(Math.round(options.dpi))] : [];
    const { stdout } = await run(tesseractBin(), [input, 'stdout', '-l', languages, '--psm', '3', ...dpi], options);
    return tidy(stdout);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Renders one page (1-based) of a PDF file to a PNG in `dir` with pdftoppm, at `dpi` (300 by
 * default, what Tesseract reads best), and returns the PNG's path; the caller removes it. It asks
 * for greyscale (`-gray`), though poppler 22 writes RGB PNGs regardless.
 *
 * @example
 * const png = await renderPdfPage('/tmp/x/in.pdf', 3, { dir: '/tmp/x', timeoutMs: 60_000 });
 */
export async function renderPdfPage(pdfBytesPath: string, page: number, options: { dir: string; dpi?: number; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`Page numbers start at 1, got ${page}`);
  const prefix = join(options.dir, `page-${page}`);
  const dpi = String(Math.round(options.dpi ?? 300));
  await run(pdftoppmBin(), ['-r', dpi, '-f', String(page), '-l', String(page), '-png', '-gray', '-singlefile', pdfBytesPath, prefix], options);
  return `${prefix}.png`;
}
