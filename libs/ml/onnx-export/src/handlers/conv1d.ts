import { emitActivation } from '../activations';
import { configBoolean, configString, describeLayer } from '../layer-config';
import { layerWeights, requireWeight, weightInitializer } from '../weights';
import { configWindow1d } from './int-config';
import { swapStepsAndChannels } from './layout';
import { single } from './single';
import type { LayerHandler } from './types';

/**
 * Conv1D on channels-last [N, W, C] tensors: Transpose → ONNX Conv (NCW) → Transpose back →
 * activation (after the transpose so a softmax activation still sees channels last).
 *
 * Padding becomes explicit `pads` because `auto_pad` would need a string attribute: 'same' splits
 * (k-1)·d as tfjs/TF do (the odd extra step at the end). With strides > 1, 'same' padding depends
 * on the (dynamic) sequence length, so it is refused rather than approximated. tfjs 4.22 cannot run
 * 'causal' Conv1D at all, so there is nothing to be faithful to.
 */
export const conv1d: LayerHandler = (call) => {
  const { layer, graph } = call;
  const { input, output } = single(call);
  // Conv1D.getConfig() deletes dataFormat, so the layer property is the only place to see it.
  const dataFormat = (layer as { dataFormat?: unknown }).dataFormat ?? 'channelsLast';
  if (dataFormat !== 'channelsLast') {
    throw new Error(`${describeLayer(layer)}: only channelsLast Conv1D is supported, got ${String(dataFormat)}`);
  }
  const kernelSize = configWindow1d(layer, 'kernelSize');
  const stride = configWindow1d(layer, 'strides');
  const dilation = configWindow1d(layer, 'dilationRate');
  const padding = configString(layer, 'padding', 'valid');

  const span = (kernelSize - 1) * dilation;
  let pads: [number, number];
  if (padding === 'valid') pads = [0, 0];
  else if (padding === 'same' && stride === 1) pads = [Math.floor(span / 2), span - Math.floor(span / 2)];
  else {
    throw new Error(
      `${describeLayer(layer)}: padding '${padding}' with strides ${stride} is not supported ` +
        `(use 'valid', or 'same' with strides 1)`,
    );
  }

  const weights = layerWeights(layer);
  const kernel = requireWeight(weights, layer, 'kernel');
  const [k = 0, channelsIn = 0, filters = 0] = kernel.shape;
  // tfjs kernel [k, Cin, Cout] → ONNX weight [Cout, Cin, k].
  const reordered = new Float32Array(kernel.values.length);
  for (let t = 0; t < k; t++) {
    for (let i = 0; i < channelsIn; i++) {
      for (let o = 0; o < filters; o++) {
        reordered[(o * channelsIn + i) * k + t] = kernel.values[(t * channelsIn + i) * filters + o] ?? 0;
      }
    }
  }
  const convInputs = [
    swapStepsAndChannels(graph, input.name, `${layer.name}/to_ncw`),
    graph.floatConstant(`${layer.name}/kernel_oik`, reordered, [filters, channelsIn, k]),
  ];
  if (configBoolean(layer, 'useBias', true)) convInputs.push(weightInitializer(graph, layer, weights, 'bias'));

  const convolved = graph.uniqueName(`${layer.name}/conv_ncw`);
  graph.node('Conv', convInputs, [convolved], {
    name: `${layer.name}/Conv`,
    attrs: {
      kernel_shape: { ints: [k] },
      strides: { ints: [stride] },
      dilations: { ints: [dilation] },
      pads: { ints: pads },
    },
  });
  const channelsLast = swapStepsAndChannels(graph, convolved, `${layer.name}/to_nwc`);
  emitActivation(graph, layer, configString(layer, 'activation', 'linear'), channelsLast, output.name);
};
