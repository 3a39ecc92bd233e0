/**
 * Idempotency-Key for POST requests: the first answer again instead of a second write.
 * See middleware.ts; the table is in supabase/migrations/20261203090100_idempotency_keys.sql.
 */
export { idempotency } from './middleware.ts';
