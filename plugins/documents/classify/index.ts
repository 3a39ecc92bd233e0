/**
 * Document classification: a category for each document with a confidence and a reason, offline
 * from Danish and English cues plus what staff corrections taught, or from an LLM when one is
 * configured (with the offline answer as the fallback).
 */
export { CATEGORIES, type Category, type ClassifyInput, type Classification } from './types.ts';
export { type LearnedModel, emptyModel, learn } from './model.ts';
export { classify } from './classify.ts';
export { classifyWithLlm } from './llm.ts';
