import { describe, expect, it } from 'vitest';
import { onnx, type GraphProto } from '../onnx-proto';
import { cancelTransposes } from './cancel-transposes';

const node = (opType: string, input: string[], output: string[]) => ({ opType, input, output });
const transpose = (input: string, output: string, perm: number[]) => ({
  ...node('Transpose', [input], [output]),
  attribute: [{ name: 'perm', type: onnx.AttributeProto.AttributeType.INTS, ints: perm }],
});
const TO_NCHW = [0, 3, 1, 2];
const TO_NHWC = [0, 2, 3, 1];

describe('cancelTransposes', () => {
  it('removes an inverse pair between two ops (conv → pool)', () => {
    const graph: GraphProto = {
      output: [{ name: 'y' }],
      node: [
        node('Conv', ['x', 'w'], ['c']),
        transpose('c', 'c_nhwc', TO_NHWC),
        transpose('c_nhwc', 'c_nchw', TO_NCHW),
        node('MaxPool', ['c_nchw'], ['y']),
      ],
    };
    expect(cancelTransposes(graph).node).toEqual([node('Conv', ['x', 'w'], ['c']), node('MaxPool', ['c'], ['y'])]);
  });

  it('keeps the first Transpose while another op still reads it', () => {
    const graph: GraphProto = {
      output: [{ name: 'y' }, { name: 'z' }],
      node: [transpose('x', 'a', TO_NHWC), node('Relu', ['a'], ['z']), transpose('a', 'b', TO_NCHW), node('Neg', ['b'], ['y'])],
    };
    expect(cancelTransposes(graph).node).toEqual([transpose('x', 'a', TO_NHWC), node('Relu', ['a'], ['z']), node('Neg', ['x'], ['y'])]);
  });

  it('leaves pairs that do not compose to the identity, and a Transpose producing a graph output', () => {
    const notInverse: GraphProto = {
      output: [{ name: 'y' }],
      node: [transpose('x', 'a', TO_NCHW), transpose('a', 'b', TO_NCHW), node('Relu', ['b'], ['y'])],
    };
    expect(cancelTransposes(notInverse).node).toEqual(notInverse.node);

    const toOutput: GraphProto = {
      output: [{ name: 'y' }],
      node: [transpose('x', 'a', TO_NCHW), transpose('a', 'y', TO_NHWC)],
    };
    expect(cancelTransposes(toOutput).node).toEqual(toOutput.node);
  });

  it('cancels along a chain: only the unmatched Transpose remains', () => {
    const graph: GraphProto = {
      output: [{ name: 'y' }],
      node: [
        transpose('x', 'a', TO_NHWC),
        transpose('a', 'b', TO_NCHW),
        transpose('b', 'c', TO_NHWC),
        node('Relu', ['c'], ['y']),
      ],
    };
    // a∘b cancel, so the third Transpose reads x directly and a is left unread.
    expect(cancelTransposes(graph).node).toEqual([transpose('x', 'c', TO_NHWC), node('Relu', ['c'], ['y'])]);
  });
});
