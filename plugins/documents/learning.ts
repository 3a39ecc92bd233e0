import type { KeyValueStore, TextAnalysis } from '../../plugin-api.d.ts';
import { type Category, type ClassifyInput, emptyModel, learn, type LearnedModel } from './classify/index.ts';

const KEY = 'classifier:model';

/** What reading and updating the learned model needs of a plugin's ctx. */
interface Learning {
  kv: KeyValueStore;
  text: TextAnalysis;
}

/** Per kv store (one per server in a process), so two CRMs in one test process never share a model. */
const caches = new WeakMap<KeyValueStore, { at: number; model: LearnedModel }>();

/**
 * The classifier's learned state (what staff's corrections taught it), kept in the plugin's
 * key-value store: one model for the whole CRM, because the business's wording is the same for
 * every customer. Read at most every few seconds; a correction updates it at once.
 *
 * @example
 * const model = await learnedModel(ctx);
 */
export async function learnedModel(ctx: Learning): Promise<LearnedModel> {
  const cached = caches.get(ctx.kv);
  if (cached && Date.now() - cached.at < 5000) return cached.model;
  const model = (await ctx.kv.get<LearnedModel>(KEY)) ?? emptyModel();
  caches.set(ctx.kv, { at: Date.now(), model });
  return model;
}

/**
 * Teaches the model one correction (a document and the category staff gave it) and stores it.
 *
 * @example
 * await teach(ctx, { text, name: 'Overslag 17.pdf', type: 'pdf' }, 'quote');
 */
export async function teach(ctx: Learning, input: ClassifyInput, category: Category): Promise<void> {
  const current = (await ctx.kv.get<LearnedModel>(KEY)) ?? emptyModel();
  const model = learn(current, input, category, ctx.text);
  await ctx.kv.set(KEY, model);
  caches.set(ctx.kv, { at: Date.now(), model });
}
