import { globalPool1d } from './global-pool-1d';
import type { LayerHandler } from './types';

/** Max over the steps axis of [N, W, C] → [N, C]. */
export const globalMaxPooling1d: LayerHandler = (call) => globalPool1d(call, 'GlobalMaxPool');
