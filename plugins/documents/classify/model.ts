import type { TextAnalysis } from '../../../plugin-api.d.ts';
import { prepare } from './prepare.ts';
import { type Category, type ClassifyInput, isCategory, type Scores, zeroScores } from './types.ts';

/**
 * What was learned from staff corrections: the corrected documents as sparse word features
 * with their category. Plain JSON, so the plugin keeps it in its kv as it is.
 */
export interface LearnedModel {
  version: 1;
  examples: LearnedExample[];
}

export interface LearnedExample {
  /** A hash of the document's text and name: a second correction of the same document replaces the first. */
  id: string;
  category: Category;
  /** Feature and weight pairs, L2-normalised. */
  features: [string, number][];
}

// The oldest corrections go first beyond this: a business's templates change, and the model
// must stay small enough for one kv value.
const MAX_EXAMPLES = 400;
// Below this cosine similarity a stored correction is not "a document like this one": two
// unrelated Danish business documents share this much (moms, kr., antal, dato) and no more.
const SIMILAR = 0.3;
// What a corrected document that looks exactly like this one adds to its category's score; on
// the same scale as the cues, where a document's title word counts 4 to 6.
const PULL = 14;
// The next most similar corrections of a category count less: one near-copy is strong evidence,
// and a crowd of vaguely similar ones should not outvote it.
const DECAY = [1, 0.5, 0.25];

/**
 * A model that has learned nothing yet.
 *
 * @example
 * const model = emptyModel(); // { version: 1, examples: [] }
 */
export function emptyModel(): LearnedModel {
  return { version: 1, examples: [] };
}

/**
 * The model after one more correction: `input` is a `category`. Pure: the given model is not
 * changed. Correcting the same document again replaces its earlier correction.
 *
 * @example
 * const next = learn(model, { text, name: 'overslag-118.pdf', type: 'pdf' }, 'quote', ctx.text);
 * await ctx.kv.set('classifier', next);
 */
export function learn(model: LearnedModel, input: ClassifyInput, category: Category, text: TextAnalysis): LearnedModel {
  const features = [...prepare(input, text).features].map(([k, v]) => [k, round(v)] as [string, number]);
  const id = hash(`${input.name}\n${input.title ?? ''}\n${input.text}`);
  const kept = readModel(model).examples.filter((e) => e.id !== id);
  return { version: 1, examples: [...kept, { id, category, features }].slice(-MAX_EXAMPLES) };
}

/**
 * How much each category is pulled by the stored corrections that look like this document
 * (cosine similarity of word features above a floor), with the most similar example per category.
 *
 * @example
 * const { scores } = modelScores(model, prepare(input, ctx.text).features);
 */
export function modelScores(model: LearnedModel, features: Map<string, number>): { scores: Scores; nearest: Partial<Record<Category, { similarity: number; shared: string[] }>> } {
  const scores = zeroScores();
  const nearest: Partial<Record<Category, { similarity: number; shared: string[] }>> = {};
  const sims = new Map<Category, { similarity: number; example: LearnedExample }[]>();
  for (const example of readModel(model).examples) {
    let dot = 0;
    for (const [k, v] of example.features) dot += v * (features.get(k) ?? 0);
    if (dot < SIMILAR) continue;
    const list = sims.get(example.category) ?? [];
    list.push({ similarity: dot, example });
    sims.set(example.category, list);
  }
  for (const [category, list] of sims) {
    list.sort((a, b) => b.similarity - a.similarity);
    scores[category] = list.slice(0, DECAY.length).reduce((sum, { similarity }, i) => sum + PULL * DECAY[i]! * ((similarity - SIMILAR) / (1 - SIMILAR)), 0);
    const top = list[0]!;
    const shared = top.example.features
      .filter(([k]) => features.has(k) && !k.includes(' '))
      .map(([k, v]) => [k.replace(/^title:/, ''), v * features.get(k)!] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    nearest[category] = { similarity: top.similarity, shared: [...new Set(shared)].slice(0, 3) };
  }
  return { scores, nearest };
}

/** A stored model of an older shape or a damaged kv value reads as what can be used of it. */
function readModel(model: LearnedModel | null | undefined): LearnedModel {
  if (!model || model.version !== 1 || !Array.isArray(model.examples)) return emptyModel();
  return { version: 1, examples: model.examples.filter((e) => e && isCategory(e.category) && Array.isArray(e.features)) };
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

// FNV-1a, 32 bits, twice with different seeds: enough to tell documents apart, no crypto needed.
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
