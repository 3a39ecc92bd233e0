import { describe, expect, it } from 'vitest';
import { textAnalysis as text } from '../../../core/plugins/context/text.ts';
import { correctionSet, heldOutLike, type LabelledDocument, labelledCorpus } from '../testing/corpus.ts';
import { type ClassifyInput, classify, emptyModel, type LearnedModel, learn } from './index.ts';

const input = (d: LabelledDocument): ClassifyInput => ({ text: d.text, title: d.title, name: d.name, type: d.format === 'eml' ? 'eml' : d.format === 'xlsx' ? 'xlsx' : d.format === 'docx' ? 'docx' : d.format === 'text' ? 'text' : 'pdf' });
const accuracy = (docs: LabelledDocument[], model: LearnedModel) => docs.filter((d) => classify(input(d), model, text).best === d.category).length / docs.length;
const taught = () => correctionSet().reduce((m, d) => learn(m, input(d), d.category, text), emptyModel());

describe('learning from corrections', () => {
  it('learn is pure and the model round-trips through JSON', () => {
    const empty = emptyModel();
    const before = JSON.stringify(empty);
    const [first] = correctionSet();
    const next = learn(empty, input(first!), first!.category, text);
    expect(JSON.stringify(empty)).toBe(before);
    expect(next.examples).toHaveLength(1);
    const revived = JSON.parse(JSON.stringify(next)) as LearnedModel;
    expect(revived).toEqual(next);
    expect(classify(input(first!), revived, text)).toEqual(classify(input(first!), next, text));
  });

  it('correcting the same document again replaces the earlier correction', () => {
    const [d] = correctionSet();
    const once = learn(emptyModel(), input(d!), 'invoice', text);
    const twice = learn(once, input(d!), 'quote', text);
    expect(twice.examples).toHaveLength(1);
    expect(twice.examples[0]!.category).toBe('quote');
  });

  it('a damaged stored model reads as empty rather than failing', () => {
    const [d] = correctionSet();
    const broken = { version: 1, examples: [{ id: 'x', category: 'nonsense', features: [] }] } as unknown as LearnedModel;
    expect(classify(input(d!), broken, text)).toEqual(classify(input(d!), emptyModel(), text));
  });

  it('ten corrections in house styles the cues get wrong carry over to similar documents', () => {
    const held = heldOutLike();
    const before = accuracy(held, emptyModel());
    const model = taught();
    const after = accuracy(held, model);
    expect(before).toBeLessThan(0.5);
    expect(after).toBeGreaterThanOrEqual(0.8);
    const c = classify(input(held[0]!), model, text);
    expect(c.source).toBe('model');
    expect(c.reason.en).toMatch(/^Looks like a document corrected to quote/);
  });

  it('does not cost more than a few points on the labelled corpus', () => {
    const corpus = labelledCorpus();
    const before = accuracy(corpus, emptyModel());
    const after = accuracy(corpus, taught());
    expect(after).toBeGreaterThanOrEqual(before - 0.03);
  });
});

describe('the labelled corpus', () => {
  it('has at least eight documents per category, Danish and English mixed, and is deterministic', () => {
    const docs = labelledCorpus({ seed: 5 });
    expect(docs.length).toBeGreaterThanOrEqual(72);
    const da = docs.filter((d) => d.lang === 'da').length / docs.length;
    expect(da).toBeGreaterThan(0.5);
    expect(da).toBeLessThan(0.7);
    expect(labelledCorpus({ seed: 5 })).toEqual(docs);
    expect(labelledCorpus({ seed: 6 })).not.toEqual(docs);
    expect(new Set(docs.map((d) => d.text)).size).toBe(docs.length);
  });
});
