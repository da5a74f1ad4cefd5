import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';

export const textCnnSchema = z.object({
  vocabSize: z.int().min(6),
  embeddingDim: z.int().positive().default(100),
  /** Initial embedding rows, row-major [vocabSize, embeddingDim] (e.g. pretrained word vectors); default uniform ±0.05. */
  initialEmbeddings: z.instanceof(Float32Array).optional(),
  /** False freezes the embeddings at their initial values (Kim's CNN-static). */
  trainableEmbeddings: z.boolean().default(true),
  /**
   * Kim's CNN-multichannel: a frozen copy of the initial embeddings beside the trained ones,
   * concatenated on the channel axis, so words the training set rarely shows keep their
   * pretrained meaning in one channel however far fine-tuning moves the other.
   */
  staticChannel: z.boolean().default(false),
  /** Convolution widths in tokens; each gets `filters` channels (Kim 2014: 3/4/5 × 100). */
  kernelSizes: z.array(z.int().positive()).min(1).default([3, 4, 5]),
  filters: z.int().positive().default(100),
  /** SpatialDropout1D on the embeddings: drops whole embedding channels for the batch. */
  embeddingDropout: z.number().min(0).max(0.95).default(0.2),
  /**
   * L2 pull of the fine-tuned embeddings toward their initial rows, λ·Σ(E − E₀)²: the trained rows
   * are a frozen copy plus a zero-initialised offset that carries this regulariser, so words the
   * training data rarely pushes stay near their pretrained meaning. 0 = plain fine-tuning.
   */
  embeddingDecay: z.number().min(0).default(0),
  /** Drops whole tokens (all their channels) per text: the model cannot lean on any single word being present. */
  wordDropout: z.number().min(0).max(0.95).default(0),
  /** Dropout on the pooled features before the logits. */
  dropout: z.number().min(0).max(0.95).default(0.5),
  /** Seeds the initializers (tfjs ignores a seed of 0, so it must be non-zero). */
  seed: z.int().refine((s) => s !== 0, 'seed must be non-zero').default(42),
})
  .refine((c) => c.trainableEmbeddings || !c.staticChannel, 'staticChannel needs trainableEmbeddings: a second frozen copy adds nothing')
  .refine((c) => c.trainableEmbeddings || c.embeddingDecay === 0, 'embeddingDecay needs trainableEmbeddings: frozen rows never move');
export type TextCnnConfig = z.infer<typeof textCnnSchema>;
export type TextCnnOptions = z.input<typeof textCnnSchema>;

export const LABELS = ['negative', 'positive'] as const;
export const INPUT_NAMES = ['input_ids', 'attention_mask'] as const;

interface Inputs {
  inputIds: tf.SymbolicTensor;
  attentionMask: tf.SymbolicTensor;
}

/**
 * Kim's (2014) CNN for sentence classification, mask-aware: input_ids + attention_mask →
 * Embedding (optionally frozen rows + a decayed offset, and/or a frozen second channel) → ×mask →
 * Conv1D per width (ReLU, 'same') → ×mask → max over time → concat → Dropout → Dense(2) logits. Masking the embeddings makes padded steps zeros (what 'same'
 * padding adds at a text's end anyway), and masking the ReLU outputs before the max keeps
 * padded steps out of it (they are ≥ 0, as every real step), so a text's logits do not depend on
 * how much its batch is padded. Only built-in layers: the graph exports to ONNX as is.
 *
 * `member` prefixes every layer name (`m<member>_`) so `servingModel` can take weights by name.
 */
export function buildTextCnn(options: TextCnnOptions, member = 0): tf.LayersModel {
  const config = textCnnSchema.parse(options);
  const inputs = textInputs();
  const logits = textCnnBranch(inputs, config, `m${member}_`);
  return tf.model({ inputs: [inputs.inputIds, inputs.attentionMask], outputs: logits, name: `text_cnn_m${member}` });
}

/**
 * The graph to serve: one ONNX file for the whole ensemble (logits = the members' mean), and each
 * decayed embedding folded into one table. Training keeps frozen rows + an offset because the
 * regulariser needs the offset alone; serving needs only their sum, which halves the exported
 * embedding bytes. The members must come from `buildTextCnn(config, 0…k-1)` with the same config.
 */
export function servingModel(members: readonly tf.LayersModel[], options: TextCnnOptions): tf.LayersModel {
  const config = textCnnSchema.parse(options);
  if (members.length === 1 && config.embeddingDecay === 0) return members[0] as tf.LayersModel;
  const inputs = textInputs();
  const branches = members.map((_, m) => textCnnBranch(inputs, { ...config, embeddingDecay: 0 }, `m${m}_`));
  const served = tf.model({ inputs: [inputs.inputIds, inputs.attentionMask], outputs: meanLogits(branches), name: 'text_cnn_served' });
  members.forEach((member, m) => {
    for (const layer of member.layers) {
      if (layer.weights.length === 0 || layer.name === `m${m}_embedding_offset`) continue;
      if (config.embeddingDecay > 0 && layer.name === `m${m}_static_embedding`) {
        const [rows, offset] = [layer, member.getLayer(`m${m}_embedding_offset`)].map((l) => l.getWeights()[0] as tf.Tensor);
        const folded = tf.add(rows!, offset!);
        served.getLayer(`m${m}_embedding`).setWeights([folded]);
        folded.dispose();
        if (!config.staticChannel) continue;
      }
      served.getLayer(layer.name).setWeights(layer.getWeights());
    }
  });
  return served;
}

function meanLogits(branches: tf.SymbolicTensor[]): tf.SymbolicTensor {
  if (branches.length === 1) return branches[0]!;
  const sum = tf.layers.add({ name: 'ensemble_sum' }).apply(branches) as tf.SymbolicTensor;
  const identity = tf.eye(LABELS.length).div(branches.length);
  const mean = tf.layers
    .dense({ units: LABELS.length, useBias: false, trainable: false, weights: [identity], name: 'ensemble_mean' })
    .apply(sum) as tf.SymbolicTensor;
  identity.dispose();
  return mean;
}

function textInputs(): Inputs {
  return {
    inputIds: tf.input({ shape: [null], dtype: 'int32', name: INPUT_NAMES[0] }),
    attentionMask: tf.input({ shape: [null], dtype: 'int32', name: INPUT_NAMES[1] }),
  };
}

function textCnnBranch({ inputIds, attentionMask }: Inputs, config: TextCnnConfig, prefix: string): tf.SymbolicTensor {
  const { seed } = config;
  const apply = (layer: tf.layers.Layer, input: tf.SymbolicTensor | tf.SymbolicTensor[]) => layer.apply(input) as tf.SymbolicTensor;
  const keep = maskColumn(attentionMask, `${prefix}keep`);
  const frozen = config.staticChannel || config.embeddingDecay > 0 ? embed(inputIds, config, false, `${prefix}static_embedding`) : undefined;
  const trained =
    frozen !== undefined && config.embeddingDecay > 0
      ? apply(tf.layers.add({ name: `${prefix}decayed_embedding` }), [frozen, embeddingOffset(inputIds, config, `${prefix}embedding_offset`)])
      : embed(inputIds, config, config.trainableEmbeddings, `${prefix}embedding`);
  const embedded = frozen !== undefined && config.staticChannel ? apply(tf.layers.concatenate({ name: `${prefix}channels` }), [trained, frozen]) : trained;
  const channelsDropped = apply(tf.layers.spatialDropout1d({ rate: config.embeddingDropout, name: `${prefix}embedding_dropout` }), embedded);
  // tfjs fills a null noise dimension from the input (Dropout.getNoiseShape) but types noiseShape as number[].
  const tokenNoise = [null, null, 1] as unknown as number[];
  const dropped = apply(tf.layers.dropout({ rate: config.wordDropout, noiseShape: tokenNoise, name: `${prefix}word_dropout` }), channelsDropped);
  const masked = apply(tf.layers.multiply({ name: `${prefix}masked_embedding` }), [dropped, keep]);
  const pooled = config.kernelSizes.map((width, i) => {
    const conv = apply(
      tf.layers.conv1d({
        filters: config.filters,
        kernelSize: width,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heUniform({ seed: seed + 1 + i }),
        name: `${prefix}conv${width}`,
      }),
      masked,
    );
    const maskedConv = apply(tf.layers.multiply({ name: `${prefix}masked_conv${width}` }), [conv, keep]);
    return apply(tf.layers.globalMaxPooling1d({ name: `${prefix}max_conv${width}` }), maskedConv);
  });
  const features = pooled.length === 1 ? (pooled[0] as tf.SymbolicTensor) : apply(tf.layers.concatenate({ name: `${prefix}features` }), pooled);
  const regularised = apply(tf.layers.dropout({ rate: config.dropout, name: `${prefix}dropout` }), features);
  return apply(
    tf.layers.dense({
      units: LABELS.length,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 100 }),
      name: `${prefix}logits`,
    }),
    regularised,
  );
}

/** Same seed and rows for every call, so a static channel starts equal to the trained one. */
function embed(inputIds: tf.SymbolicTensor, config: TextCnnConfig, trainable: boolean, name: string): tf.SymbolicTensor {
  const { vocabSize: inputDim, embeddingDim: outputDim, initialEmbeddings, seed } = config;
  if (initialEmbeddings === undefined) {
    const embeddingsInitializer = tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed });
    return tf.layers.embedding({ inputDim, outputDim, embeddingsInitializer, trainable, name }).apply(inputIds) as tf.SymbolicTensor;
  }
  if (initialEmbeddings.length !== inputDim * outputDim) {
    throw new Error(`initialEmbeddings has ${initialEmbeddings.length} values, expected vocabSize × embeddingDim = ${inputDim * outputDim}`);
  }
  const rows = tf.tensor2d(initialEmbeddings, [inputDim, outputDim]);
  const embedded = tf.layers.embedding({ inputDim, outputDim, weights: [rows], trainable, name }).apply(inputIds);
  rows.dispose();
  return embedded as tf.SymbolicTensor;
}

/** Starts at zero, so the decayed rows start at the initial ones; the regulariser is the decay. */
function embeddingOffset(inputIds: tf.SymbolicTensor, config: TextCnnConfig, name: string): tf.SymbolicTensor {
  const { vocabSize: inputDim, embeddingDim: outputDim, embeddingDecay: l2 } = config;
  const embeddingsRegularizer = tf.regularizers.l2({ l2 });
  return tf.layers.embedding({ inputDim, outputDim, embeddingsInitializer: 'zeros', embeddingsRegularizer, name }).apply(inputIds) as tf.SymbolicTensor;
}

/** [N, W] 0/1 mask → [N, W, 1] float through a frozen two-row Embedding (exportable, unlike a Lambda). */
function maskColumn(mask: tf.SymbolicTensor, name: string): tf.SymbolicTensor {
  const table = tf.tensor2d([[0], [1]]);
  const column = tf.layers.embedding({ inputDim: 2, outputDim: 1, trainable: false, weights: [table], name }).apply(mask);
  table.dispose();
  return column as tf.SymbolicTensor;
}
