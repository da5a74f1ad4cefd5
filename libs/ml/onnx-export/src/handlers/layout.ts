import type { GraphBuilder } from '../graph-builder';

// tfjs keeps tensors channels-last ([N, W, C], [N, H, W, C]); ONNX Conv and pooling want the
// channels on axis 1 ([N, C, W], [N, C, H, W]).

/** Transpose permutation [N, ...spatial, C] → [N, C, ...spatial]. */
export function channelsFirstPerm(rank: number): number[] {
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** Transpose permutation [N, C, ...spatial] → [N, ...spatial, C]. */
export function channelsLastPerm(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

/** Emits the channels-last → channels-first Transpose and returns the new tensor's name. */
export function toChannelsFirst(graph: GraphBuilder, input: string, rank: number, hint: string, output?: string): string {
  return transpose(graph, input, channelsFirstPerm(rank), hint, output);
}

/** Emits the channels-first → channels-last Transpose and returns the new tensor's name. */
export function toChannelsLast(graph: GraphBuilder, input: string, rank: number, hint: string, output?: string): string {
  return transpose(graph, input, channelsLastPerm(rank), hint, output);
}

function transpose(graph: GraphBuilder, input: string, perm: number[], hint: string, output?: string): string {
  const name = output ?? graph.uniqueName(hint);
  graph.node('Transpose', [input], [name], { name: `${hint}/Transpose`, attrs: { perm: { ints: perm } } });
  return name;
}
