/** Patches one copy of postgres.js's connection.js (see patch-postgres.mjs). */
export function patchSource(source: string): { source: string; status: 'patched' | 'already patched' | 'unknown version, left alone' };
