import { createRequire } from 'node:module';
import type { onnx as OnnxNamespace } from 'onnx-proto';

// onnx-proto is CommonJS that fills its exports at run time, so Node's ESM loader cannot
// see a named `onnx` export; require() gives the same object with the package's typings.
const require = createRequire(import.meta.url);

export const onnx: typeof OnnxNamespace = (require('onnx-proto') as { onnx: typeof OnnxNamespace }).onnx;

export type AttributeProto = OnnxNamespace.IAttributeProto;
export type NodeProto = OnnxNamespace.INodeProto;
export type TensorProto = OnnxNamespace.ITensorProto;
export type ValueInfoProto = OnnxNamespace.IValueInfoProto;
export type GraphProto = OnnxNamespace.IGraphProto;
export type ModelProto = OnnxNamespace.IModelProto;
