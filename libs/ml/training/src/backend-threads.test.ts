import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { buildMlp, separableData } from './test-fixtures';

// Its own test file: wasm's thread count is fixed when the backend first initialises in a process.
describe('selectBackend with wasmThreads', () => {
  it('starts wasm on two XNNPACK threads, says so in its log line, and trains there', async () => {
    const lines: string[] = [];
    const selected = await selectBackend({ prefer: 'wasm', wasmThreads: 2, log: (line) => lines.push(line) });
    expect(selected.name).toBe('wasm');
    expect(lines).toEqual(['tfjs backend: wasm (requested; SIMD, 2 threads)']);
    const { x, y } = separableData(256, 1);
    const model = buildMlp(5);
    const history = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0 });
    const losses = history.history['loss'] as number[];
    expect(losses.at(-1)).toBeLessThan(losses[0] as number);
    tf.dispose([x, y]);
    model.dispose();
  });
});
