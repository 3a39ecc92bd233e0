/**
 * The upload queue: one request per file (so each has its own progress bar and its own error),
 * at most `limit` at a time, in the order they were chosen. What happens to each file is a
 * state the widget shows; the sending itself is given (`uploadFile` in the widget, a fake in
 * the tests).
 */
import { CrmApiError } from '../kit/client.ts';
import { type CrmDocument, inProgress, type Problem, type UploadAnswer } from './api.ts';

export type UploadState =
  /** Not sent yet (more than `limit` chosen at once). */
  | 'waiting'
  /** Bytes going up. */
  | 'sending'
  /** Accepted; the server is reading the text (the document's status says how far). */
  | 'extracting'
  /** Accepted and read. */
  | 'done'
  /** The same file was already there: the existing document. */
  | 'duplicate'
  /** Refused by the server (unsupported type, too large, a bad field) or the network failed. */
  | 'failed';

export interface Upload {
  key: number;
  name: string;
  size: number;
  state: UploadState;
  /** Bytes sent so far, of `size`. */
  sent: number;
  document: CrmDocument | null;
  problem: Problem | null;
  /** The HTTP status of a refusal (0: the network failed). */
  status: number | null;
}

export type Send = (file: File, onProgress: (loaded: number, total: number) => void) => Promise<UploadAnswer>;

/** What a document's state means for its upload row. */
export function stateOf(doc: CrmDocument, outcome: 'created' | 'duplicate'): UploadState {
  if (outcome === 'duplicate') return 'duplicate';
  return inProgress(doc) ? 'extracting' : 'done';
}

export class UploadQueue {
  readonly items: Upload[] = [];
  private readonly files = new Map<number, File>();
  private running = 0;
  private next = 1;

  constructor(
    private readonly send: Send,
    /** Called after every change (a new file, progress, an answer). */
    private readonly changed: (upload: Upload) => void,
    private readonly limit = 3,
  ) {}

  /** Queues files; sending starts at once for the first `limit`. Returns their rows. */
  add(files: Iterable<File>): Upload[] {
    const added: Upload[] = [];
    for (const file of files) {
      const upload: Upload = { key: this.next++, name: file.name, size: file.size, state: 'waiting', sent: 0, document: null, problem: null, status: null };
      this.files.set(upload.key, file);
      this.items.push(upload);
      added.push(upload);
      this.changed(upload);
    }
    this.pump();
    return added;
  }

  /** How many are being sent now. */
  get active(): number {
    return this.running;
  }

  /** True when nothing is waiting or being sent. */
  get idle(): boolean {
    return this.running === 0 && !this.items.some((u) => u.state === 'waiting');
  }

  /** Replaces a row's document (its status changed on the server). */
  update(doc: CrmDocument): void {
    for (const upload of this.items) {
      if (upload.document?.id !== doc.id) continue;
      upload.document = doc;
      if (upload.state === 'extracting' && !inProgress(doc)) upload.state = 'done';
      this.changed(upload);
    }
  }

  /** Forgets the rows that are finished (done, duplicate, failed). */
  clearFinished(): void {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const u = this.items[i]!;
      if (u.state === 'done' || u.state === 'duplicate' || u.state === 'failed') this.items.splice(i, 1);
    }
  }

  private pump(): void {
    while (this.running < this.limit) {
      const upload = this.items.find((u) => u.state === 'waiting');
      if (!upload) return;
      this.running++;
      upload.state = 'sending';
      this.changed(upload);
      void this.run(upload).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(upload: Upload): Promise<void> {
    const file = this.files.get(upload.key)!;
    try {
      const answer = await this.send(file, (loaded, total) => {
        upload.sent = Math.min(loaded, total || upload.size);
        this.changed(upload);
      });
      const item = answer.items[0];
      if (!item || item.outcome === 'refused' || !item.document) {
        upload.state = 'failed';
        upload.problem = item?.problem ?? { title: 'Refused' };
        upload.status = item?.problem?.status ?? null;
      } else {
        upload.sent = upload.size;
        upload.document = item.document;
        upload.state = stateOf(item.document, item.outcome);
      }
    } catch (error) {
      upload.state = 'failed';
      if (error instanceof CrmApiError) {
        upload.problem = error.problem;
        upload.status = error.status;
      } else {
        upload.problem = { title: String((error as Error)?.message ?? error) };
        upload.status = null;
      }
    } finally {
      this.files.delete(upload.key);
      this.changed(upload);
    }
  }
}
