import type { GraphBuilder } from '../graph-builder';

// tfjs keeps sequences as [batch, steps, channels]; ONNX Conv and pooling want [batch, channels, steps].
const SWAP_LAST_TWO = [0, 2, 1];

/** Emits a [N, W, C] ↔ [N, C, W] Transpose (its own inverse) and returns the new tensor's name. */
export function swapStepsAndChannels(graph: GraphBuilder, input: string, hint: string, output?: string): string {
  const name = output ?? graph.uniqueName(hint);
  graph.node('Transpose', [input], [name], { name: `${hint}/Transpose`, attrs: { perm: { ints: SWAP_LAST_TWO } } });
  return name;
}
