import type { SimulatedTransaction } from '@dl-suite/fraud-domain';
import type { DemoTransaction } from '../schemas';


// Five times the Handbook's fraud rates, so a demo shows alerts within seconds rather than minutes.
const FRAUD_BOOST = 5;

/**
 * One endless, time-ordered stream of simulated card transactions shared by every browser:
 * the fraud service keeps per-card history, so two interleaved streams would corrupt each other's features.
 * The simulator (and with it the fraud domain's model code) is imported on first use, not at start-up.
 */
export class FraudDemoStream {
  private iterator: Promise<Iterator<SimulatedTransaction>> | undefined;
  private scenarioNames: readonly string[] = [];
  // Ids must be new to a fraud service that outlives this console, or it would answer "duplicate".
  private readonly runId = Date.now().toString(36);

  constructor(private readonly seed: number) {}

  /** Starts loading the simulator in the background, so the first click does not wait for it. */
  warm(): void {
    void this.stream();
  }

  async next(count: number): Promise<DemoTransaction[]> {
    const iterator = await this.stream();
    const batch: DemoTransaction[] = [];
    while (batch.length < count) {
      const step = iterator.next();
      if (step.done) {
        this.iterator = undefined;
        return batch.length > 0 ? batch : this.next(count);
      }
      batch.push(this.toDemo(step.value));
    }
    return batch;
  }

  private stream(): Promise<Iterator<SimulatedTransaction>> {
    this.iterator ??= import('@dl-suite/fraud-domain').then(({ simulateTransactions, FRAUD_SCENARIOS }) => {
      this.scenarioNames = FRAUD_SCENARIOS;
      return simulateTransactions({
        customers: 2000,
        merchants: 4000,
        days: 365,
        startDate: new Date().toISOString().slice(0, 10),
        seed: this.seed,
        scenarios: {
          compromisedTerminals: { perDay: 2 * FRAUD_BOOST },
          compromisedCards: { perDay: 3 * FRAUD_BOOST },
          cardTesting: { perDay: 1.5 * FRAUD_BOOST },
          accountTakeover: { perDay: 0.5 * FRAUD_BOOST },
        },
      })[Symbol.iterator]();
    });
    return this.iterator;
  }

  private toDemo(tx: SimulatedTransaction): DemoTransaction {
    const { isFraud, fraudScenario, transactionId, timestamp, ...rest } = tx;
    return {
      transaction: { ...rest, transactionId: `demo-${this.runId}-${transactionId}`, timestamp: new Date(timestamp).toISOString() },
      truth: { isFraud, scenario: this.scenarioNames[fraudScenario] ?? 'unknown' },
    };
  }
}
