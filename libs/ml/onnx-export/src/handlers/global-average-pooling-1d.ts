import { globalPool1d } from './global-pool-1d';
import type { LayerHandler } from './types';

/** Mean over the steps axis of [N, W, C] → [N, C] (padding included: mask explicitly, see README). */
export const globalAveragePooling1d: LayerHandler = (call) => globalPool1d(call, 'GlobalAveragePool');
