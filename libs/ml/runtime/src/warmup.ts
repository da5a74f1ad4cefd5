import type { InferenceSession } from 'onnxruntime-node';
import { zeros, type InputDtype, type InputTensor } from './tensors';

/** Zero-filled inputs of the given shapes, or a function returning the feeds (e.g. real token ids). */
export type WarmupSpec =
  | Record<string, { dims: readonly number[]; dtype: InputDtype }>
  | (() => Record<string, InputTensor>);

const WARMUP_DTYPES: readonly string[] = ['float32', 'int64', 'int32'] satisfies InputDtype[];

export function warmupFeeds(session: InferenceSession, spec: WarmupSpec | undefined): Record<string, InputTensor> {
  if (typeof spec === 'function') return spec();
  if (spec) return Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, zeros(s.dtype, s.dims)]));
  return Object.fromEntries(session.inputMetadata.map((meta) => [meta.name, zerosFromMetadata(meta)]));
}

/** A batch of one: symbolic dimensions (batch, sequence length) become 1. */
function zerosFromMetadata(meta: InferenceSession.ValueMetadata): InputTensor {
  if (!meta.isTensor || !WARMUP_DTYPES.includes(meta.type)) {
    throw new Error(
      `Cannot warm up input '${meta.name}' (${meta.isTensor ? meta.type : 'non-tensor'}): pass options.warmup or warmup: false`,
    );
  }
  return zeros(meta.type as InputDtype, meta.shape.map((d) => (typeof d === 'number' && d > 0 ? d : 1)));
}
