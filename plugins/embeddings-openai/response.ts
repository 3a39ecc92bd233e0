import { CrmError } from '../../plugin-api.js';

/**
 * Checks an embeddings response and returns its vectors in input order. Anything off (wrong
 * count, wrong or duplicate `index`, a vector of another length, a non-finite number) refuses
 * the whole batch: a bad vector must never reach the index or the cache.
 *
 * A provider answering with another dimension is refused with code `unavailable`: the caller's
 * request was fine, the configured provider is not (503, like any other upstream failure).
 */
export function readEmbeddings(response: unknown, expected: number, dimensions: number, where: string): number[][] {
  const refuse = (problem: string) =>
    new CrmError('unavailable', `The embedding provider at ${where} ${problem}; nothing was embedded`);
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw refuse('returned a response without a `data` array');
  if (data.length !== expected) throw refuse(`returned ${data.length} embeddings for ${expected} inputs`);

  const out: (number[] | undefined)[] = new Array(expected);
  data.forEach((item: unknown, position) => {
    const { index = position, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= expected || out[index as number]) {
      throw refuse(`returned an embedding with a missing, duplicate or out-of-range index (${String(index)})`);
    }
    if (!Array.isArray(embedding)) throw refuse(`returned embedding ${String(index)} that is not an array of numbers`);
    if (embedding.length !== dimensions) {
      throw refuse(
        `returned a vector of ${embedding.length} dimensions where ${dimensions} were expected ` +
          '(set `dimensions` to the model\'s size, or use a model that can shorten its vectors)',
      );
    }
    for (const value of embedding) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw refuse(`returned a vector holding a non-finite value (${String(value)}) at input ${String(index)}`);
      }
    }
    out[index as number] = embedding as number[];
  });
  return out as number[][];
}
