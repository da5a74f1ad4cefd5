/** A seeded pseudo-random generator: everything random in training draws from one of these. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** Fisher-Yates shuffle in place; returns the same array. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
}

const TWO_POW_32 = 4294967296;

/**
 * sfc32 seeded through splitmix32: fast, passes PractRand, and nearby seeds (1, 2, 3…) give
 * unrelated streams, which mulberry32 alone does not guarantee.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up rounds recommended by the sfc32 author so the first outputs are well mixed.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / TWO_POW_32;

  return {
    next,
    int(n) {
      if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) {
        throw new RangeError(`int(n) needs an integer 1..2^32, got ${n}`);
      }
      return Math.floor(next() * n);
    },
    normal() {
      // Box-Muller; 1 - next() keeps the logarithm's argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * Runs `fn` with Math.random drawing from `rng`, then restores it. tfjs ops without an explicit
 * seed (Dropout, GaussianNoise…) seed themselves from Math.random on every call; a seeded tfjs
 * Dropout instead reuses one mask for every batch. Routing Math.random through our generator is
 * the only way to get dropout that is both fresh per batch and reproducible.
 */
export async function withSeededMathRandom<T>(rng: Rng, fn: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = rng.next;
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
