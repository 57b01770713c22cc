/**
 * A small seeded PRNG (sfc32) so generated rule sets and tickets are the same on every run and a failing
 * case can be replayed from its seed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random selection of up to `max` distinct items, in random order. */
  sample<T>(items: readonly T[], max: number): T[];
}

/** Creates a generator from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // Mixing the seed in through a few rounds decorrelates neighbouring seeds.
  for (let round = 0; round < 15; round += 1) next();
  const int = (bound: number) => Math.floor(next() * bound);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)],
    sample: (items, max) => {
      const pool = [...items];
      const count = Math.min(pool.length, int(max + 1));
      const chosen = [];
      for (let taken = 0; taken < count; taken += 1) chosen.push(pool.splice(int(pool.length), 1)[0]);
      return chosen;
    },
  };
}
