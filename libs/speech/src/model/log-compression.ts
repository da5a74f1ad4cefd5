import * as tf from '@tensorflow/tfjs';

export interface LogCompressionArgs {
  /** Added before the log: the floor that keeps silence finite. */
  offset: number;
  name?: string;
}

/**
 * `ln(x + offset)`: the compression of a log-mel front end, as a layer so that it lives inside
 * the model graph (and the exported ONNX graph: the exporter's `LogCompression` handler writes
 * Add + Log). tfjs has no built-in layer for it, and Lambda layers cannot be serialised.
 */
export class LogCompression extends tf.layers.Layer {
  static readonly className = 'LogCompression';
  readonly offset: number;

  constructor({ offset, ...rest }: LogCompressionArgs) {
    super(rest);
    this.offset = offset;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => tf.log(tf.add(Array.isArray(inputs) ? inputs[0]! : inputs, this.offset)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), offset: this.offset };
  }
}

tf.serialization.registerClass(LogCompression);
