/**
 * A seeded pseudo-random generator (mulberry32), so a fault run that fails can be replayed
 * with its printed seed.
 *
 * @example
 * const random = seededRandom(42);
 * const delayMs = 200 + random() * 800;
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed to use: FAULT_SEED from the environment (to replay a run), else a fresh one. */
export function faultSeed(): number {
  const given = Number(process.env.FAULT_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}
