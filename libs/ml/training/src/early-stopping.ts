import * as tf from '@tensorflow/tfjs';

export interface EarlyStoppingConfig {
  /** Key in the epoch metrics, e.g. 'val_loss' or 'val_auc'. */
  metric: string;
  mode: 'max' | 'min';
  /** Stop after this many epochs in a row without improvement (Keras semantics; 0 stops at the first). */
  patience: number;
  /** Put the best epoch's weights back into the model when training ends. */
  restoreBest: boolean;
  /** An epoch must beat the best by more than this to count as an improvement (default 0). */
  minDelta?: number;
}

export interface EarlyStoppingDecision {
  improved: boolean;
  stop: boolean;
}

/** Decides, epoch by epoch, whether the monitored metric still improves. Holds no tensors. */
export class EarlyStopping {
  private best = Number.NaN;
  private bestAt = -1;
  private waited = 0;

  constructor(private readonly config: EarlyStoppingConfig) {
    if (!Number.isInteger(config.patience) || config.patience < 0) {
      throw new RangeError(`patience must be a non-negative integer, got ${config.patience}`);
    }
  }

  /** 0-based epoch of the best value so far, -1 before any. */
  get bestEpoch(): number {
    return this.bestAt;
  }

  get bestValue(): number {
    return this.best;
  }

  update(epoch: number, metrics: Readonly<Record<string, number>>): EarlyStoppingDecision {
    const { metric, mode, patience, minDelta = 0 } = this.config;
    const value = metrics[metric];
    if (value === undefined) {
      throw new Error(`early stopping metric "${metric}" is not among this epoch's metrics: ${Object.keys(metrics).join(', ')}`);
    }
    // NaN (a diverged loss, an AUC over one class) never counts as an improvement.
    const improved =
      !Number.isNaN(value) &&
      (this.bestAt < 0 || (mode === 'max' ? value > this.best + minDelta : value < this.best - minDelta));
    if (improved) {
      this.best = value;
      this.bestAt = epoch;
      this.waited = 0;
    } else {
      this.waited++;
    }
    return { improved, stop: this.waited >= patience };
  }
}

/**
 * A copy of every model weight (trainable and not, e.g. BatchNorm moving statistics).
 * tf.clone shares the variables' current buffers, and optimizer updates assign new buffers
 * rather than write into old ones, so a snapshot costs no copy until the weights move on.
 */
export class WeightSnapshot {
  private weights: tf.Tensor[] = [];

  save(model: tf.LayersModel): void {
    this.dispose();
    this.weights = tf.tidy(() => model.getWeights().map((w) => tf.keep(tf.clone(w))));
  }

  restore(model: tf.LayersModel): void {
    if (this.weights.length > 0) model.setWeights(this.weights);
  }

  dispose(): void {
    tf.dispose(this.weights);
    this.weights = [];
  }
}
