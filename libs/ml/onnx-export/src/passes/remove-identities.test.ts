import { describe, expect, it } from 'vitest';
import type { GraphProto } from '../onnx-proto';
import { removeIdentities } from './remove-identities';

const node = (opType: string, input: string[], output: string[]) => ({ opType, input, output });

describe('removeIdentities', () => {
  it('rewires consumers through chained Identity nodes', () => {
    const graph: GraphProto = {
      input: [{ name: 'x' }],
      output: [{ name: 'y' }],
      node: [node('Identity', ['x'], ['a']), node('Identity', ['a'], ['b']), node('Relu', ['b'], ['y'])],
    };
    expect(removeIdentities(graph).node).toEqual([node('Relu', ['x'], ['y'])]);
  });

  it('keeps an Identity that produces a graph output', () => {
    const graph: GraphProto = {
      output: [{ name: 'y' }],
      node: [node('Relu', ['x'], ['a']), node('Identity', ['a'], ['y'])],
    };
    expect(removeIdentities(graph).node).toEqual(graph.node);
  });
});
