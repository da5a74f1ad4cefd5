const FRAME = 320; // 20 ms at 16 kHz: a few pitch periods of the lowest voices
const HOP = FRAME / 2;
const TOLERANCE = 80; // ±5 ms: more than half the longest pitch period of adult speech
const COARSE_STEP = 4; // search every 4th shift (a quarter of a 4 kHz period), then refine around the best
const WINDOW = Float32Array.from({ length: FRAME }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / FRAME));

/**
 * Changes tempo without changing pitch: WSOLA (Verhelst & Roelands 1993). Output frames are taken
 * from the input `rate` times further apart than they are written, each shifted by up to ±5 ms to
 * the position most similar to the natural continuation of the previous frame, so the periodic
 * waveform stays in phase and overlap-adds (Hann, 50 %) without the warble of plain OLA.
 * `rate` > 1 speeds up (shorter output).
 */
export function timeStretch(input: Float32Array, rate: number): Float32Array {
  if (!(rate > 0)) throw new RangeError(`timeStretch: rate must be positive (got ${rate})`);
  const outLength = Math.round(input.length / rate);
  // Zero margins let every frame and search position read without bounds checks.
  const margin = TOLERANCE + 2 * FRAME;
  const padded = new Float32Array(input.length + 2 * margin);
  padded.set(input, margin);
  const out = new Float32Array(outLength + FRAME);
  let previous = margin;
  for (let k = 0; k * HOP < outLength; k++) {
    const nominal = margin + Math.round(k * HOP * rate);
    const position = k === 0 ? margin : bestMatch(padded, previous + HOP, nominal);
    const written = k * HOP;
    for (let n = 0; n < FRAME; n++) out[written + n]! += padded[position + n]! * WINDOW[n]!;
    previous = position;
  }
  return out.subarray(0, outLength);
}

/** The start within ±TOLERANCE of `nominal` whose frame correlates best with the frame at `target`. */
function bestMatch(x: Float32Array, target: number, nominal: number): number {
  const lo = Math.max(0, nominal - TOLERANCE);
  const hi = Math.min(x.length - FRAME, nominal + TOLERANCE);
  let best = searchBest(x, target, lo, hi, COARSE_STEP);
  best = searchBest(x, target, Math.max(lo, best - COARSE_STEP + 1), Math.min(hi, best + COARSE_STEP - 1), 1);
  return best;
}

function searchBest(x: Float32Array, target: number, lo: number, hi: number, step: number): number {
  let best = lo;
  let bestScore = -Infinity;
  for (let candidate = lo; candidate <= hi; candidate += step) {
    let score = 0;
    for (let n = 0; n < FRAME; n += 2) score += x[candidate + n]! * x[target + n]!;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
