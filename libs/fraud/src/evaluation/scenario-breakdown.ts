import type { LabelledTransaction } from '../transactions';
import { FRAUD_SCENARIOS } from '../simulator/scenarios';

const DAY_MS = 86_400_000;
const COMPROMISED_TERMINAL = FRAUD_SCENARIOS.indexOf('compromisedTerminal');

export interface ScenarioBreakdown {
  /** Per fraud scenario, the share of its test frauds scored at or above the threshold. */
  recallByScenario: Record<string, number>;
  /**
   * Compromised-terminal frauds made less than the label delay after their terminal's compromise
   * began: no fraud at that terminal can be labelled yet, and the transactions themselves look
   * ordinary, so no feature can flag them. Their share of all test frauds bounds the test AP
   * from above (about 1 − share).
   */
  beforeFirstTerminalLabel: { frauds: number; shareOfTestFrauds: number };
}

/**
 * What a simulator's scenario column (ground truth, never a feature) tells about a test window:
 * recall per scenario and the frauds that the label delay hides. A terminal's compromise is a run
 * of its compromised-terminal frauds with gaps no longer than the label delay.
 */
export function scenarioBreakdown(
  transactions: readonly LabelledTransaction[],
  scenarios: Uint8Array,
  scored: { source: Int32Array; scores: Float32Array },
  options: { inTestSet: (tx: LabelledTransaction) => boolean; threshold: number; labelDelayDays: number },
): ScenarioBreakdown {
  const delayMs = options.labelDelayDays * DAY_MS;
  const compromiseStart = new Map<number, number>();
  const lastFraudAt = new Map<string, { time: number; start: number }>();
  const terminalFrauds: number[] = [];
  scenarios.forEach((scenario, index) => {
    if (scenario === COMPROMISED_TERMINAL) terminalFrauds.push(index);
  });
  terminalFrauds.sort((a, b) => transactions[a]!.timestamp - transactions[b]!.timestamp);
  for (const index of terminalFrauds) {
    const { merchantId, timestamp } = transactions[index]!;
    const previous = lastFraudAt.get(merchantId);
    const start = previous && timestamp - previous.time <= delayMs ? previous.start : timestamp;
    lastFraudAt.set(merchantId, { time: timestamp, start });
    compromiseStart.set(index, start);
  }

  const hits = new Map<number, [caught: number, total: number]>();
  let testFrauds = 0;
  let hidden = 0;
  scored.source.forEach((index, row) => {
    const tx = transactions[index]!;
    const scenario = scenarios[index]!;
    if (scenario === 0 || !options.inTestSet(tx)) return;
    testFrauds++;
    if (scenario === COMPROMISED_TERMINAL && tx.timestamp - compromiseStart.get(index)! < delayMs) hidden++;
    const [caught, total] = hits.get(scenario) ?? [0, 0];
    hits.set(scenario, [caught + (scored.scores[row]! >= options.threshold ? 1 : 0), total + 1]);
  });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    recallByScenario: Object.fromEntries([...hits].sort(([a], [b]) => a - b).map(([s, [caught, total]]) => [FRAUD_SCENARIOS[s]!, round(caught / total)])),
    beforeFirstTerminalLabel: { frauds: hidden, shareOfTestFrauds: round(hidden / Math.max(1, testFrauds)) },
  };
}
