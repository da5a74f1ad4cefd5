import { describeLayer } from '../layer-config';
import type { LayerCall, TensorInfo } from './types';

/** The one input and one output of a single-tensor layer call, or a named error. */
export function single(call: LayerCall): { input: TensorInfo; output: TensorInfo } {
  const [input] = call.inputs;
  const [output] = call.outputs;
  if (call.inputs.length !== 1 || call.outputs.length !== 1 || !input || !output) {
    throw new Error(
      `${describeLayer(call.layer)}: expected 1 input and 1 output, got ${call.inputs.length} and ${call.outputs.length}`,
    );
  }
  return { input, output };
}
