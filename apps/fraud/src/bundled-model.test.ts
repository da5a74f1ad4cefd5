import { describe, expect, it } from 'vitest';
import { evaluateWithLabelDelay, FraudScorer, handbookTestSet, dayWindow, scoreWindow, simulateTransactions } from '@dl-suite/fraud-domain';
import { BUNDLED_MODEL_DIR } from './config';

describe('the bundled model', () => {
  it('detects fraud on a simulated world it never saw (different seed), with labels only after the delay', async () => {
    const scorer = await FraudScorer.load(BUNDLED_MODEL_DIR, { threads: 1 });
    const history = [...simulateTransactions({ customers: 2000, merchants: 4000, days: 60, startDate: '2025-01-01', seed: 20_250_101 })];
    const test = dayWindow('2025-02-22', '2025-03-01', ['from', 'to']);
    const scored = await scoreWindow(scorer, history, test);
    const result = evaluateWithLabelDelay(history, scored, {
      inTestSet: handbookTestSet(history, { labelDelayDays: scorer.labelDelayDays, knownSince: Date.parse('2025-02-01T00:00:00Z') }),
      k: 100,
    });
    await scorer.dispose();
    expect(result.frauds).toBeGreaterThan(50);
    // Floors well below what `nx run fraud:train` measures on held-out data (see the model card).
    expect(result.averagePrecision).toBeGreaterThan(0.55);
    expect(result.rocAuc).toBeGreaterThan(0.85);
  }, 120_000);

  it('does not decline the ordinary purchases of cards it has just met (a service started on an empty state)', async () => {
    const scorer = await FraudScorer.load(BUNDLED_MODEL_DIR, { threads: 1 });
    const stream = [...simulateTransactions({ customers: 2000, merchants: 4000, days: 3, startDate: '2025-06-02', seed: 7 })];
    const { source, scores } = await scoreWindow(scorer, stream, dayWindow('2025-06-02', '2025-06-04', ['from', 'to']));
    const legitimate = [...source.keys()].filter((row) => !stream[source[row]!]!.isFraud);
    const declined = legitimate.filter((row) => scores[row]! >= scorer.decision.decline).length;
    await scorer.dispose();
    expect(legitimate.length).toBeGreaterThan(10_000);
    // Measured 0.5 % (54 of 11,848). A cold-start fallback that compared new cards' amounts with their first few
    // purchases declined 3 % (a 27 EUR purchase scored 1.000 in the console's stream).
    expect(declined / legitimate.length).toBeLessThan(0.01);
  }, 120_000);

  it('ships a manifest with validation metrics, decision thresholds and hashes the loader checked', async () => {
    const scorer = await FraudScorer.load(BUNDLED_MODEL_DIR, { threads: 1 });
    const { manifest, decision } = scorer;
    await scorer.dispose();
    expect(manifest.metrics['validation']?.['average_precision']).toBeGreaterThan(0.7);
    expect(decision.review).toBeLessThan(decision.decline);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['model.onnx', 'preprocessor.json', 'MODEL_CARD.md']));
  });
});
