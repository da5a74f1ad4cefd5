import { writeTransactionsCsv } from '../transactions/csv-write';
import type { SimulationOptions } from './options';
import { FRAUD_SCENARIOS } from './scenarios';
import { createSimulation, type SimulatedTransaction } from './simulate';

export interface SimulationProgress {
  daysDone: number;
  days: number;
  transactions: number;
}

export interface SimulationSummary {
  transactions: number;
  frauds: number;
  /** Transactions per scenario name, `legitimate` included. */
  byScenario: Record<(typeof FRAUD_SCENARIOS)[number], number>;
}

/**
 * Simulates straight into a CSV file (see writeTransactionsCsv), one day in memory at a time.
 * `onProgress` is called after each day.
 */
export async function simulateToCsv(
  path: string,
  options: SimulationOptions = {},
  onProgress?: (progress: SimulationProgress) => void,
): Promise<SimulationSummary> {
  const simulation = createSimulation(options);
  const byScenario = Object.fromEntries(FRAUD_SCENARIOS.map((name) => [name, 0])) as SimulationSummary['byScenario'];
  let transactions = 0;
  function* counted(): Generator<SimulatedTransaction> {
    let daysDone = 0;
    for (const day of simulation.days()) {
      for (const tx of day) byScenario[FRAUD_SCENARIOS[tx.fraudScenario]]++;
      transactions += day.length;
      yield* day;
      onProgress?.({ daysDone: ++daysDone, days: simulation.options.days, transactions });
    }
  }
  await writeTransactionsCsv(path, counted());
  return { transactions, frauds: transactions - byScenario.legitimate, byScenario };
}
