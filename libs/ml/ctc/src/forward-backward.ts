/** One example's scores and target for the forward-backward pass. */
export interface CtcExample {
  /** Row-major `[frames, vocab]` unnormalised scores; only the first `length` frames are read. */
  logits: Float32Array;
  vocab: number;
  /** Valid frames. */
  length: number;
  label: readonly number[];
  blank: number;
}

export interface CtcLossAndGradient {
  /** `-log p(label | logits)`. */
  loss: number;
  /** d loss / d logits, `[length, vocab]` row-major: softmax minus the posterior occupancy of each symbol. */
  gradient: Float64Array;
}

/**
 * CTC loss and its gradient for one example by the forward-backward algorithm (Graves et al.
 * 2006) in float64 log space, over the blank-extended label `[blank, l1, blank, l2, …, blank]`.
 * `alpha[t][s]` is the log-probability of the prefixes that are in state s at frame t (emission
 * at t included); `beta[t][s]` of the suffixes that continue from state s after frame t (emission
 * at t excluded), so `alpha + beta − log p` is the log-posterior of passing through s at t and the
 * gradient is closed-form: `softmax[t][k] − Σ_{s: ext(s) = k} posterior[t][s]`.
 */
export function ctcForwardBackward({ logits, vocab, length: frames, label, blank }: CtcExample): CtcLossAndGradient {
  const states = 2 * label.length + 1;
  const ext = Int32Array.from({ length: states }, (_, s) => (s % 2 === 1 ? (label[(s - 1) / 2] as number) : blank));
  // A path may jump from s-2 to s over a blank unless that would merge two equal labels.
  const canSkip = Uint8Array.from(ext, (id, s) => (s >= 2 && id !== blank && id !== ext[s - 2] ? 1 : 0));
  const logProbs = logSoftmaxRows(logits, frames, vocab);
  const emit = (t: number, s: number) => logProbs[t * vocab + (ext[s] as number)] as number;

  const alpha = new Float64Array(frames * states).fill(-Infinity);
  alpha[0] = emit(0, 0);
  if (states > 1) alpha[1] = emit(0, 1);
  for (let t = 1; t < frames; t++) {
    const previous = (t - 1) * states;
    for (let s = 0; s < states; s++) {
      const stay = alpha[previous + s] as number;
      const advance = s >= 1 ? (alpha[previous + s - 1] as number) : -Infinity;
      const skip = canSkip[s] ? (alpha[previous + s - 2] as number) : -Infinity;
      alpha[t * states + s] = logSumExp3(stay, advance, skip) + emit(t, s);
    }
  }

  const beta = new Float64Array(frames * states).fill(-Infinity);
  const last = (frames - 1) * states;
  beta[last + states - 1] = 0;
  if (states > 1) beta[last + states - 2] = 0;
  for (let t = frames - 2; t >= 0; t--) {
    const next = (t + 1) * states;
    for (let s = 0; s < states; s++) {
      const stay = (beta[next + s] as number) + emit(t + 1, s);
      const advance = s + 1 < states ? (beta[next + s + 1] as number) + emit(t + 1, s + 1) : -Infinity;
      const skip = s + 2 < states && canSkip[s + 2] ? (beta[next + s + 2] as number) + emit(t + 1, s + 2) : -Infinity;
      beta[t * states + s] = logSumExp3(stay, advance, skip);
    }
  }

  const logLikelihood = logSumExp3(alpha[last + states - 1] as number, states > 1 ? (alpha[last + states - 2] as number) : -Infinity, -Infinity);
  const gradient = new Float64Array(frames * vocab);
  for (let t = 0; t < frames; t++) {
    for (let k = 0; k < vocab; k++) gradient[t * vocab + k] = Math.exp(logProbs[t * vocab + k] as number);
    for (let s = 0; s < states; s++) {
      const posterior = (alpha[t * states + s] as number) + (beta[t * states + s] as number) - logLikelihood;
      if (posterior > -Infinity) gradient[t * vocab + (ext[s] as number)]! -= Math.exp(posterior);
    }
  }
  return { loss: -logLikelihood, gradient };
}

function logSoftmaxRows(logits: Float32Array, frames: number, vocab: number): Float64Array {
  const out = new Float64Array(frames * vocab);
  for (let t = 0; t < frames; t++) {
    const row = t * vocab;
    let max = -Infinity;
    for (let k = 0; k < vocab; k++) max = Math.max(max, logits[row + k] as number);
    let sum = 0;
    for (let k = 0; k < vocab; k++) sum += Math.exp((logits[row + k] as number) - max);
    const logNorm = max + Math.log(sum);
    for (let k = 0; k < vocab; k++) out[row + k] = (logits[row + k] as number) - logNorm;
  }
  return out;
}

/** log(e^a + e^b + e^c), shifted by the maximum; -Infinity when all three are. */
function logSumExp3(a: number, b: number, c: number): number {
  const m = Math.max(a, b, c);
  if (m === -Infinity) return m;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m));
}
