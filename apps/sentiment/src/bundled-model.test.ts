import { join } from 'node:path';
import { evaluateSentimentFolder, readLabelledTsv } from '@dl-suite/sentiment-domain';
import type { RunningService } from '@dl-suite/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadConfig, SST2_DIR } from './config';
import { serve } from './main';

let running: RunningService;

beforeAll(async () => {
  running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), { handleSignals: false });
});
afterAll(async () => {
  await running?.close();
});

describe('the bundled sentiment model', () => {
  it('meets its dev-accuracy floor on the real SST-2 dev set, through the served pipeline', async () => {
    const dev = await readLabelledTsv(join(SST2_DIR, 'dev.tsv'));
    const result = await evaluateSentimentFolder(BUNDLED_MODEL_DIR, dev);
    expect(result.rows).toBe(872);
    expect(result.accuracy).toBeGreaterThan(0.85);
    expect(result.rocAuc).toBeGreaterThan(0.9);
  });

  it('is what `serve` answers with by default, with its model card', async () => {
    const response = await fetch(`${running.url}/v1/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ texts: ['an utterly charming and funny film', 'a tedious , joyless slog'] }),
    });
    const body: any = await response.json();
    expect(body.model).toBe('sentiment-cnn@1.0.0');
    expect(body.predictions.map((p: any) => p.label)).toEqual(['positive', 'negative']);
    const model: any = await (await fetch(`${running.url}/v1/model`)).json();
    expect(model.modelCard).toMatch(/SST-2/);
  });
});
