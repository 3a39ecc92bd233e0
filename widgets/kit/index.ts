/**
 * The widget kit: what every CRM widget is built on, so a widget is mostly its own view. The API
 * client (typed from /openapi.json, with the page's token, `getToken()` or Supabase session), the
 * base element (language, design tokens, `crm-*` events, loading/empty/error states), Danish and
 * English formats, icons and the live timeline.
 */
export { type CrmAuth, CrmApiError, CrmClient } from './client.ts';
export type * from './api.gen.ts';
export { type CrmDefaults, configureCrm, CrmElement, define, pageClient } from './element.ts';
export { errorMessage } from './errors.ts';
export { request } from './request.ts';
export { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative, type Lang } from './format.ts';
export { icon } from './icons.ts';
export { live, type LiveEvent } from './live.ts';
export { controls, tokens } from './styles.ts';
