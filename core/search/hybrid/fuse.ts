import type { Ranked } from './arms.ts';

/** Reciprocal Rank Fusion constant: 60, as in Cormack et al. (2009). */
const RRF_K = 60;

/** A chunk in the fused list: its RRF score and its rank in each arm (null when absent). */
export interface Fused {
  id: string;
  score: number;
  text: number | null;
  vector: number | null;
}

/** Reciprocal Rank Fusion: each arm adds 1 / (60 + rank); best first, ties by id. */
export function fuse(text: Ranked, vector: Ranked, k: number): Fused[] {
  const byId = new Map<string, Fused>();
  const add = (ids: Ranked, arm: 'text' | 'vector') =>
    ids.forEach((id, index) => {
      const entry = byId.get(id) ?? { id, score: 0, text: null, vector: null };
      entry[arm] = index + 1;
      entry.score += 1 / (RRF_K + index + 1);
      byId.set(id, entry);
    });
  add(text, 'text');
  add(vector, 'vector');
  return [...byId.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k);
}
