import type { GraphProto } from '../onnx-proto';

/**
 * Drops Identity nodes (Dropout, linear activations) by wiring their consumers to their input.
 * An Identity that produces a graph output stays: the output name must exist. Expects nodes in
 * topological order, which the exporter guarantees.
 */
export function removeIdentities(graph: GraphProto): GraphProto {
  const outputNames = new Set((graph.output ?? []).map((o) => o.name));
  const aliases = new Map<string, string>();
  const resolve = (name: string): string => aliases.get(name) ?? name;

  const nodes = [];
  for (const node of graph.node ?? []) {
    const inputs = (node.input ?? []).map(resolve);
    const [output] = node.output ?? [];
    const [input] = inputs;
    if (node.opType === 'Identity' && output !== undefined && input !== undefined && !outputNames.has(output)) {
      aliases.set(output, input);
      continue;
    }
    nodes.push({ ...node, input: inputs });
  }
  return { ...graph, node: nodes };
}
