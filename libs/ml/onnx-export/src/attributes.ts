import { onnx, type AttributeProto } from './onnx-proto';

/** An ONNX attribute value, tagged because JS numbers do not say whether they are ints or floats. */
export type AttrValue = { int: number } | { float: number } | { ints: readonly number[] } | { floats: readonly number[] };

const AttrType = onnx.AttributeProto.AttributeType;

export function toAttributeProto(name: string, value: AttrValue): AttributeProto {
  if ('int' in value) return { name, type: AttrType.INT, i: value.int };
  if ('float' in value) return { name, type: AttrType.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: AttrType.INTS, ints: [...value.ints] };
  return { name, type: AttrType.FLOATS, floats: [...value.floats] };
}
