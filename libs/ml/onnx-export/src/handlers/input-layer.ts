import type { LayerHandler } from './types';

/**
 * Emits nothing: the exporter declares graph inputs before any layer runs (graph-inputs.ts),
 * because their layout is an export option the handlers do not see.
 */
export const inputLayer: LayerHandler = () => undefined;
