import { CrmApiError } from './client.ts';
import type { Lang } from './format.ts';

const TEXTS: Record<Lang, Record<string, string>> = {
  da: {
    network: 'CRM’et kunne ikke nås. Tjek forbindelsen og prøv igen.',
    unauthorized: 'Du er ikke logget ind, eller dit login er udløbet. Log ind igen.',
    forbidden: 'Du har ikke adgang til det her.',
    'not-found': 'Det findes ikke (længere), eller du har ikke adgang til det.',
    conflict: 'Det kan ikke lade sig gøre lige nu: ',
    'validation-failed': 'Tjek felterne: ',
    'rate-limited': 'For mange forespørgsler. Vent lidt og prøv igen.',
    unavailable: 'CRM’et er midlertidigt utilgængeligt. Prøv igen om lidt.',
    other: 'Noget gik galt. Prøv igen.',
  },
  en: {
    network: 'The CRM could not be reached. Check the connection and try again.',
    unauthorized: 'You are not signed in, or your sign-in has expired. Sign in again.',
    forbidden: 'You do not have access to this.',
    'not-found': 'It does not exist (any more), or you do not have access to it.',
    conflict: 'That is not possible right now: ',
    'validation-failed': 'Check the fields: ',
    'rate-limited': 'Too many requests. Wait a moment and try again.',
    unavailable: 'The CRM is unavailable for a moment. Try again shortly.',
    other: 'Something went wrong. Try again.',
  },
};

/**
 * What to tell a person about an error, in their language: a sentence per kind of problem,
 * with the server's own detail where it helps (which field, what clashed).
 *
 * @example
 * errorMessage(new CrmApiError(404, { type: 'urn:crm:problem:not-found' }), 'da'); // 'Det findes ikke (længere) …'
 */
export function errorMessage(error: unknown, lang: Lang): string {
  const texts = TEXTS[lang];
  if (!(error instanceof CrmApiError)) return texts.other!;
  const known = texts[error.code];
  if (!known) return texts.other!;
  if (error.code === 'validation-failed') {
    const fields = (error.problem.errors ?? []).map((e) => `${e.path.replace(/^body\./, '')} (${e.message})`).join(', ');
    return known + (fields || error.problem.detail || '');
  }
  if (error.code === 'conflict') return known + (error.problem.detail ?? '');
  return known;
}
