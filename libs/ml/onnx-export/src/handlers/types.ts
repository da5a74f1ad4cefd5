import type { DataType, layers } from '@tensorflow/tfjs';
import type { GraphBuilder } from '../graph-builder';

export type Layer = layers.Layer;

/** One ONNX tensor as the handler sees it, with the tfjs shape (null = unknown, e.g. batch). */
export interface TensorInfo {
  readonly name: string;
  readonly shape: readonly (number | null)[];
  readonly dtype: DataType;
}

/** One call of a layer in the model graph (a layer reused twice is converted twice). */
export interface LayerCall {
  readonly layer: Layer;
  /** Tensors feeding this call, in tfjs order; empty for an InputLayer. */
  readonly inputs: readonly TensorInfo[];
  /** Tensors the handler must produce, under exactly these names. */
  readonly outputs: readonly TensorInfo[];
  readonly graph: GraphBuilder;
  /** ExportOptions.int8Embeddings. */
  readonly int8Embeddings: boolean;
}

/** Converts one tfjs layer class; keyed by `getClassName()` in the handler table. */
export type LayerHandler = (call: LayerCall) => void;
