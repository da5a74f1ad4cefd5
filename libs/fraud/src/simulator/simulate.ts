/**
 * The transaction simulator: the Fraud Detection Handbook's generator (Le Borgne et al.,
 * "Reproducible Machine Learning for Credit Card Fraud Detection – Practical Handbook"),
 * extended with a weekly rhythm, merchant categories, channels and two more fraud scenarios.
 * Seeded: the same options give the same transactions, byte for byte once written.
 */
import type { LabelledTransaction } from '../transactions/schema';
import { DayBuffer } from './day-buffer';
import { resolveSimulationOptions, type ResolvedSimulationOptions, type SimulationOptions } from './options';
import {
  generateCustomers,
  generateTerminals,
  gridToLatLon,
  MERCHANT_CATEGORIES,
  type Customers,
  type Terminals,
} from './profiles';
import { Rng } from './rng';
import { FraudInjector, planFrauds, type FraudScenario, type FraudSchedule } from './scenarios';

export type SimulatedTransaction = LabelledTransaction & { fraudScenario: FraudScenario };

export interface Simulation {
  readonly options: ResolvedSimulationOptions;
  readonly customers: Customers;
  readonly terminals: Terminals;
  readonly schedule: FraudSchedule;
  /** One array per simulated day, in time order; transaction ids count up across days. */
  days(): Generator<SimulatedTransaction[], void, undefined>;
}

const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;

/** Builds the world and the fraud schedule; transactions are made lazily, a day at a time. */
export function createSimulation(input: SimulationOptions = {}): Simulation {
  const options = resolveSimulationOptions(input);
  const terminals = generateTerminals(options.merchants, new Rng(options.seed, 'terminals'));
  const customers = generateCustomers(options, terminals, new Rng(options.seed, 'customers'));
  const schedule = planFrauds(options);
  return { options, customers, terminals, schedule, days: () => simulateDays(options, customers, terminals, schedule) };
}

/** Every simulated transaction in time order. */
export function* simulateTransactions(options: SimulationOptions = {}): Generator<SimulatedTransaction, void, undefined> {
  for (const day of createSimulation(options).days()) yield* day;
}

function* simulateDays(
  options: ResolvedSimulationOptions,
  customers: Customers,
  terminals: Terminals,
  schedule: FraudSchedule,
): Generator<SimulatedTransaction[], void, undefined> {
  const frauds = new FraudInjector(options, customers, terminals, schedule);
  const toObjects = transactionFactory(options, customers, terminals);
  const buffer = new DayBuffer();

  /**
   * One purchase as in the Handbook: time of day ~ N(noon, 20 000 s) — dropped when it falls
   * outside the day, not clipped, so no pile-up at midnight; amount ~ N(mean, mean / 2), redrawn
   * U(0, 2 · mean) when negative; terminal uniform among those near home (none: no purchase).
   */
  function purchase(c: number, day: number, rng: Rng): void {
    const second = Math.trunc(rng.normal(DAY_SECONDS / 2, 20_000));
    if (second <= 0 || second >= DAY_SECONDS) return;
    const mean = customers.meanAmount[c] as number;
    let amount = rng.normal(mean, customers.stdAmount[c] as number);
    if (amount < 0) amount = rng.uniform(0, 2 * mean);
    const first = customers.terminalStart[c] as number;
    const available = (customers.terminalStart[c + 1] as number) - first;
    if (available === 0) return;
    const terminal = customers.terminals[first + rng.int(available)] as number;
    frauds.label(buffer, buffer.push(second, c, terminal, Math.round(amount * 100) / 100, 0), day);
  }

  const start = Date.parse(`${options.startDate}T00:00:00Z`);
  for (let day = 0; day < options.days; day++) {
    const dayStart = start + day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    // A stream per day: a shorter simulation is a prefix of a longer one, and a quieter
    // weekend does not shift the weekdays after it.
    const rng = new Rng(options.seed, `transactions/${day}`);
    buffer.clear();
    frauds.beginDay(day);
    for (let c = 0; c < customers.count; c++) {
      const rate = (customers.txPerDay[c] as number) * (weekend ? (customers.weekendFactor[c] as number) : 1);
      for (let n = rng.poisson(rate); n > 0; n--) purchase(c, day, rng);
    }
    frauds.inject(buffer, day);
    yield toObjects(buffer, dayStart);
  }
}

/** Turns a day's columns into transaction objects, numbering them on from the previous days. */
function transactionFactory(options: ResolvedSimulationOptions, customers: Customers, terminals: Terminals) {
  // Ids and locations are made once, not once per transaction.
  const cardIds = Array.from({ length: customers.count }, (_, c) => String(c));
  const merchantIds = Array.from({ length: terminals.count }, (_, t) => String(t));
  const places = Array.from({ length: terminals.count }, (_, t) =>
    terminals.channel[t] === 'online' ? undefined : gridToLatLon(terminals.x[t] as number, terminals.y[t] as number),
  );
  const { currency } = options;
  let nextId = 0;
  return (buffer: DayBuffer, dayStart: number): SimulatedTransaction[] => {
    const order = buffer.timeOrder();
    const day: SimulatedTransaction[] = new Array(order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const terminal = buffer.terminal[i] as number;
      const scenario = buffer.scenario[i] as FraudScenario;
      const tx: SimulatedTransaction = {
        transactionId: String(nextId++),
        timestamp: dayStart + (buffer.second[i] as number) * 1000,
        cardId: cardIds[buffer.customer[i] as number] as string,
        merchantId: merchantIds[terminal] as string,
        amount: buffer.amount[i] as number,
        currency,
        merchantCategory: MERCHANT_CATEGORIES[terminals.category[terminal] as number],
        channel: terminals.channel[terminal],
        isFraud: scenario !== 0,
        fraudScenario: scenario,
      };
      const place = places[terminal];
      if (place) {
        tx.lat = place.lat;
        tx.lon = place.lon;
      }
      day[k] = tx;
    }
    return day;
  };
}
