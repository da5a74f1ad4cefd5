import { toAttributeProto, type AttrValue } from './attributes';
import type { GraphProto, NodeProto, TensorProto, ValueInfoProto } from './onnx-proto';
import { floatTensor, int64Tensor, int8Tensor, valueInfo, type Dim } from './tensors';

export interface NodeOptions {
  /** Readable node name hint, made unique; defaults to the op type. */
  name?: string;
  attrs?: Record<string, AttrValue>;
}

/**
 * Accumulates one ONNX graph. Tensor names share one namespace (inputs, initializers, node
 * outputs), so every name comes from `uniqueName` or `reserve`; initializers are cached by key
 * so a layer called twice (shared weights) stores its weights once.
 */
export class GraphBuilder {
  private readonly tensorNames = new Set<string>();
  private readonly nodeNames = new Set<string>();
  private readonly constants = new Map<string, string>();
  private readonly nodes: NodeProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];
  private readonly initializers: TensorProto[] = [];

  /** Claims an exact name (user-chosen input/output names); a clash is a caller error. */
  reserve(name: string): string {
    if (this.tensorNames.has(name)) throw new Error(`Tensor name '${name}' is used twice`);
    this.tensorNames.add(name);
    return name;
  }

  uniqueName(hint: string): string {
    return claimUnique(this.tensorNames, hint);
  }

  addInput(name: string, elemType: number, dims: readonly Dim[]): void {
    this.inputs.push(valueInfo(name, elemType, dims));
  }

  addOutput(name: string, elemType: number, dims: readonly Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  floatConstant(key: string, values: ArrayLike<number>, dims: readonly number[]): string {
    return this.constant(key, (name) => floatTensor(name, values, dims));
  }

  int64Constant(key: string, values: readonly number[], dims: readonly number[]): string {
    return this.constant(key, (name) => int64Tensor(name, values, dims));
  }

  int8Constant(key: string, values: Int8Array, dims: readonly number[]): string {
    return this.constant(key, (name) => int8Tensor(name, values, dims));
  }

  node(opType: string, inputs: readonly string[], outputs: readonly string[], options: NodeOptions = {}): void {
    const attrs = Object.entries(options.attrs ?? {}).map(([name, value]) => toAttributeProto(name, value));
    this.nodes.push({
      opType,
      name: claimUnique(this.nodeNames, options.name ?? opType),
      input: [...inputs],
      output: [...outputs],
      ...(attrs.length > 0 ? { attribute: attrs } : {}),
    });
  }

  build(name: string, docString?: string): GraphProto {
    return {
      name,
      ...(docString ? { docString } : {}),
      node: [...this.nodes],
      input: [...this.inputs],
      output: [...this.outputs],
      initializer: [...this.initializers],
    };
  }

  private constant(key: string, make: (name: string) => TensorProto): string {
    const existing = this.constants.get(key);
    if (existing !== undefined) return existing;
    const name = this.uniqueName(key);
    this.initializers.push(make(name));
    this.constants.set(key, name);
    return name;
  }
}

function claimUnique(taken: Set<string>, hint: string): string {
  let name = hint;
  for (let i = 1; taken.has(name); i++) name = `${hint}_${i}`;
  taken.add(name);
  return name;
}
