/** One emitted token of a greedy CTC path: a run of equal non-blank argmax frames. */
export interface CtcToken {
  id: number;
  /** First frame of the run. */
  startFrame: number;
  /** One past the last frame of the run. */
  endFrame: number;
  /** Mean softmax probability of `id` over the run's frames, in [0, 1]. */
  confidence: number;
}

export interface CtcScores {
  /** Row-major `[frames, vocab]` logits or log-probabilities (softmax gives the same probabilities for both). */
  data: Float32Array;
  frames: number;
  vocab: number;
}

/**
 * Best-path CTC decoding: argmax per frame, merge repeats, drop blanks. Keeps each token's
 * frame span (for word timestamps) and how sure the model was of it.
 */
export function greedyCtcDecode({ data, frames, vocab }: CtcScores, blank = 0): CtcToken[] {
  if (data.length !== frames * vocab) {
    throw new Error(`greedyCtcDecode: ${data.length} scores do not form ${frames} frames of ${vocab}`);
  }
  const tokens: CtcToken[] = [];
  let previous = blank;
  let probabilitySum = 0;
  for (let t = 0; t < frames; t++) {
    const { best, probability } = argmaxWithProbability(data, t * vocab, vocab);
    const current = tokens.at(-1);
    if (best !== blank && best === previous && current) {
      current.endFrame = t + 1;
      probabilitySum += probability;
      current.confidence = probabilitySum / (current.endFrame - current.startFrame);
    } else if (best !== blank) {
      tokens.push({ id: best, startFrame: t, endFrame: t + 1, confidence: probability });
      probabilitySum = probability;
    }
    previous = best;
  }
  return tokens;
}

function argmaxWithProbability(data: Float32Array, offset: number, vocab: number): { best: number; probability: number } {
  let best = 0;
  let max = -Infinity;
  for (let k = 0; k < vocab; k++) {
    const v = data[offset + k] as number;
    if (v > max) {
      max = v;
      best = k;
    }
  }
  let sum = 0;
  for (let k = 0; k < vocab; k++) sum += Math.exp((data[offset + k] as number) - max);
  return { best, probability: 1 / sum };
}
