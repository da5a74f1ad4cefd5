import { createRequire } from 'node:module';
import type { onnx as OnnxNamespace } from 'onnx-proto';

// onnx-proto is CommonJS that fills its exports at run time; require() gives the typed namespace.
const onnx = (createRequire(import.meta.url)('onnx-proto') as { onnx: typeof OnnxNamespace }).onnx;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

export interface TinyCtcModelOptions {
  vocab: number;
  /** Samples per logit frame (wav2vec2: 320 at 16 kHz). */
  hop?: number;
  seed?: number;
}

export interface TinyCtcModel {
  onnx: Uint8Array;
  /** Samples whose logit argmax spells `ids`, one id per frame (each frame is that id's weight row). */
  spell(ids: readonly number[]): Float32Array;
}

/**
 * The smallest model in the wav2vec2 CTC contract: `input_values [batch, samples]` →
 * `logits [batch, frames, vocab]`, frames = floor(samples / hop), as one strided Conv —
 * a random linear map of each hop of samples. Written as an ONNX graph directly because the
 * contract needs framing of a variable-length waveform, which no small tfjs layer stack exports.
 */
export function tinyCtcModel({ vocab, hop = 320, seed = 1 }: TinyCtcModelOptions): TinyCtcModel {
  const random = lcg(seed);
  // Weights large enough that speech-level input (|x| ~ 0.1) moves the argmax between frames.
  const weights = Float32Array.from({ length: vocab * hop }, () => (random() - 0.5) * 4);
  // Blank (id 0) has the largest bias, so digital silence decodes to nothing, as with a trained model.
  const bias = Array.from({ length: vocab }, (_, id) => (id === 0 ? 1 : random() - 0.5));
  const graph: OnnxNamespace.IGraphProto = {
    name: 'tiny_ctc',
    input: [valueInfo('input_values', ['batch', 'samples'])],
    output: [valueInfo('logits', ['batch', 'frames', vocab])],
    initializer: [
      { name: 'channel_axis', dataType: INT64, dims: [1], int64Data: [1] },
      { name: 'frame_weights', dataType: FLOAT, dims: [vocab, 1, hop], floatData: Array.from(weights) },
      { name: 'frame_bias', dataType: FLOAT, dims: [vocab], floatData: bias },
    ],
    node: [
      { opType: 'Unsqueeze', input: ['input_values', 'channel_axis'], output: ['waveform'], name: 'add_channel' },
      {
        opType: 'Conv',
        input: ['waveform', 'frame_weights', 'frame_bias'],
        output: ['frame_scores'],
        name: 'frames',
        attribute: [{ name: 'strides', type: onnx.AttributeProto.AttributeType.INTS, ints: [hop] }],
      },
      {
        opType: 'Transpose',
        input: ['frame_scores'],
        output: ['logits'],
        name: 'frames_first',
        attribute: [{ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: [0, 2, 1] }],
      },
    ],
  };
  const model = { irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'tiny-ctc-model', graph };
  return {
    onnx: onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish(),
    // A row scores itself about |w|² ≈ 430 and any other row about ±25, far more than the biases.
    spell: (ids) => {
      const samples = new Float32Array(ids.length * hop);
      ids.forEach((id, frame) => samples.set(weights.subarray(id * hop, (id + 1) * hop), frame * hop));
      return samples;
    },
  };
}

function valueInfo(name: string, dims: readonly (number | string)[]): OnnxNamespace.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
