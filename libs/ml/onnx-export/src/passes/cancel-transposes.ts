import type { GraphProto, NodeProto } from '../onnx-proto';

/**
 * Removes back-to-back Transposes whose permutations compose to the identity, such as the
 * channels-last Transpose closing one Conv and the channels-first one opening the next pooling
 * (or an NCHW graph input's Transpose against the first Conv's). The second Transpose's consumers
 * read the first one's input instead; the first is dropped once nothing reads it. A Transpose
 * producing a graph output stays. Expects nodes in topological order, which the exporter guarantees.
 */
export function cancelTransposes(graph: GraphProto): GraphProto {
  const outputNames = new Set((graph.output ?? []).flatMap((o) => (o.name ? [o.name] : [])));
  const transposes = new Map<string, { input: string; perm: number[] }>();
  const aliases = new Map<string, string>();
  const resolve = (name: string): string => aliases.get(name) ?? name;

  const kept: NodeProto[] = [];
  for (const node of graph.node ?? []) {
    const inputs = (node.input ?? []).map(resolve);
    const [input] = inputs;
    const [output] = node.output ?? [];
    const perm = permutation(node);
    if (perm && input !== undefined && output != null) {
      const previous = transposes.get(input);
      if (previous && isIdentity(compose(previous.perm, perm)) && !outputNames.has(output)) {
        aliases.set(output, previous.input);
        continue;
      }
      transposes.set(output, { input, perm });
    }
    kept.push({ ...node, input: inputs });
  }
  return { ...graph, node: withoutUnreadTransposes(kept, outputNames) };
}

/** The perm of a Transpose node; undefined for other nodes and for a Transpose without one (rank unknown here). */
function permutation(node: NodeProto): number[] | undefined {
  if (node.opType !== 'Transpose') return undefined;
  const ints = node.attribute?.find((a) => a.name === 'perm')?.ints;
  return ints ? ints.map(Number) : undefined;
}

/** Transpose `first` then `second` as one permutation: output axis i is input axis first[second[i]]. */
function compose(first: readonly number[], second: readonly number[]): number[] {
  return second.map((axis) => first[axis] ?? -1);
}

function isIdentity(perm: readonly number[]): boolean {
  return perm.every((axis, i) => axis === i);
}

/** Walks backwards so a chain of Transposes orphaned by cancellation goes in one sweep. */
function withoutUnreadTransposes(nodes: readonly NodeProto[], outputNames: ReadonlySet<string>): NodeProto[] {
  const read = new Set(outputNames);
  const kept: NodeProto[] = [];
  for (const node of [...nodes].reverse()) {
    const [output] = node.output ?? [];
    if (node.opType === 'Transpose' && output != null && !read.has(output)) continue;
    (node.input ?? []).forEach((name) => read.add(name));
    kept.push(node);
  }
  return kept.reverse();
}
