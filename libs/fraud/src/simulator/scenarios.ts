/**
 * Fraud scenarios. 1–3 are the Fraud Detection Handbook's and label a customer's ordinary
 * purchases (later ones take precedence, as there); 4–5 add purchases the fraudster makes.
 * Each transaction records its scenario so models can be evaluated per kind of fraud.
 */
import type { DayBuffer } from './day-buffer';
import type { ResolvedSimulationOptions } from './options';
import { distanceFromHome, type Customers, type Terminals } from './profiles';
import { Rng } from './rng';

export const FRAUD_SCENARIOS = [
  'legitimate',
  'amountOutlier',
  'compromisedTerminal',
  'compromisedCard',
  'cardTesting',
  'accountTakeover',
] as const;
/** Index into FRAUD_SCENARIOS; 0 is legitimate. */
export type FraudScenario = 0 | 1 | 2 | 3 | 4 | 5;

const DAY_SECONDS = 86_400;
const HANDBOOK_TERMINALS = 10_000;
const HANDBOOK_CUSTOMERS = 5000;
const cents = (v: number): number => Math.round(v * 100) / 100;

interface Event {
  day: number;
  id: number;
}
/** When each fraud starts; drawn up front so tests (and curious users) can check the labels against it. */
export interface FraudSchedule {
  compromisedTerminals: Event[];
  compromisedCards: Event[];
  cardTests: Event[];
  takeovers: (Event & { days: number })[];
}

export function planFrauds(options: ResolvedSimulationOptions): FraudSchedule {
  const { days, seed, customers, merchants, scenarios } = options;
  type Rate = { enabled: boolean; perDay: number };
  const daily = (scenario: Rate, stream: string, population: number, handbookPopulation: number): Event[] => {
    if (!scenario.enabled) return [];
    const rng = new Rng(seed, stream);
    const perDay = (scenario.perDay * population) / handbookPopulation;
    const on = (day: number): Event[] => rng.sample(population, rng.roundStochastic(perDay)).map((id) => ({ day, id }));
    return Array.from({ length: days }, (_, day) => on(day)).flat();
  };
  const takeoverLength = new Rng(seed, 'account-takeover-length');
  return {
    compromisedTerminals: daily(scenarios.compromisedTerminals, 'compromised-terminals', merchants, HANDBOOK_TERMINALS),
    compromisedCards: daily(scenarios.compromisedCards, 'compromised-cards', customers, HANDBOOK_CUSTOMERS),
    cardTests: daily(scenarios.cardTesting, 'card-testing', customers, HANDBOOK_CUSTOMERS),
    takeovers: daily(scenarios.accountTakeover, 'account-takeover', customers, HANDBOOK_CUSTOMERS).map((e) => ({
      ...e,
      days: takeoverLength.intBetween(1, 4),
    })),
  };
}

const byDay = <T extends Event>(events: readonly T[], days: number): T[][] => {
  const out: T[][] = Array.from({ length: days }, () => []);
  for (const e of events) out[e.day]?.push(e);
  return out;
};

interface DayStreams {
  share: Rng;
  cardTest: Rng;
  takeover: Rng;
}
// Per day, like the transactions' own stream, so a shorter simulation is a prefix of a longer one.
const dayStreams = (seed: number, day: number): DayStreams => ({
  share: new Rng(seed, `compromised-cards-share/${day}`),
  cardTest: new Rng(seed, `card-testing-bursts/${day}`),
  takeover: new Rng(seed, `account-takeover-purchases/${day}`),
});

/** Applies a schedule day by day to a simulation's transactions. */
export class FraudInjector {
  private readonly terminalUntil: Int32Array;
  private readonly cardUntil: Int32Array;
  private readonly takeoverUntil = new Map<number, number>();
  private readonly terminalEvents: Event[][];
  private readonly cardEvents: Event[][];
  private readonly cardTestEvents: Event[][];
  private readonly takeoverEvents: (Event & { days: number })[][];
  private streams: DayStreams;

  constructor(
    private readonly options: ResolvedSimulationOptions,
    private readonly customers: Customers,
    private readonly terminals: Terminals,
    schedule: FraudSchedule,
  ) {
    const { days, seed } = options;
    this.terminalUntil = new Int32Array(terminals.count);
    this.cardUntil = new Int32Array(customers.count);
    this.terminalEvents = byDay(schedule.compromisedTerminals, days);
    this.cardEvents = byDay(schedule.compromisedCards, days);
    this.cardTestEvents = byDay(schedule.cardTests, days);
    this.takeoverEvents = byDay(schedule.takeovers, days);
    this.streams = dayStreams(seed, 0);
  }

  /** Compromises starting today cover today too, as in the Handbook. */
  beginDay(day: number): void {
    this.streams = dayStreams(this.options.seed, day);
    const { compromisedTerminals, compromisedCards } = this.options.scenarios;
    for (const e of this.terminalEvents[day] ?? []) this.terminalUntil[e.id] = day + compromisedTerminals.days;
    for (const e of this.cardEvents[day] ?? []) this.cardUntil[e.id] = day + compromisedCards.days;
    for (const e of this.takeoverEvents[day] ?? []) this.takeoverUntil.set(e.id, day + e.days);
  }

  /** Labels (and for scenario 3 inflates) the customer's own purchase at index i. */
  label(buffer: DayBuffer, i: number, day: number): void {
    const { amountOutlier, compromisedTerminals, compromisedCards } = this.options.scenarios;
    let scenario = 0;
    if (amountOutlier.enabled && (buffer.amount[i] as number) > amountOutlier.threshold) scenario = 1;
    if (compromisedTerminals.enabled && (this.terminalUntil[buffer.terminal[i] as number] as number) > day) scenario = 2;
    if (
      compromisedCards.enabled &&
      (this.cardUntil[buffer.customer[i] as number] as number) > day &&
      this.streams.share.next() < compromisedCards.share
    ) {
      buffer.amount[i] = cents((buffer.amount[i] as number) * compromisedCards.amountFactor);
      scenario = 3;
    }
    buffer.scenario[i] = scenario;
  }

  /** Adds the fraudsters' own purchases of the day (scenarios 4 and 5). */
  inject(buffer: DayBuffer, day: number): void {
    for (const e of this.cardTestEvents[day] ?? []) this.cardTest(buffer, e.id);
    for (const [customer, until] of this.takeoverUntil) {
      if (until <= day) this.takeoverUntil.delete(customer);
      else this.takeover(buffer, customer);
    }
  }

  /** A burst of 3–8 tiny online probes minutes apart, then one large purchase. */
  private cardTest(buffer: DayBuffer, customer: number): void {
    const rng = this.streams.cardTest;
    const online = this.terminals.online;
    const anyOnline = (): number =>
      online.length > 0 ? (online[rng.int(online.length)] as number) : rng.int(this.terminals.count);
    const probeTerminal = anyOnline();
    let second = rng.int(DAY_SECONDS - 3600);
    for (let n = rng.intBetween(3, 8); n > 0; n--) {
      buffer.push(second, customer, probeTerminal, cents(rng.uniform(0.5, 2)), 4);
      second += rng.intBetween(5, 90);
    }
    buffer.push(second + rng.intBetween(60, 1800), customer, anyOnline(), cents(rng.uniform(150, 1500)), 4);
  }

  /** 1–3 purchases of 3–10× the customer's usual amount at terminals far from home, at any hour. */
  private takeover(buffer: DayBuffer, customer: number): void {
    const rng = this.streams.takeover;
    const mean = this.customers.meanAmount[customer] as number;
    for (let n = rng.intBetween(1, 3); n > 0; n--) {
      const terminal = this.farTerminal(customer, rng);
      buffer.push(rng.int(DAY_SECONDS), customer, terminal, cents(mean * rng.uniform(3, 10)), 5);
    }
  }

  /** A random terminal at least minDistance from home (the farthest of a few tries if none is). */
  private farTerminal(customer: number, rng: Rng): number {
    const { minDistance } = this.options.scenarios.accountTakeover;
    let best = 0;
    let bestDistance = -1;
    for (let attempt = 0; attempt < 32; attempt++) {
      const t = rng.int(this.terminals.count);
      const distance = distanceFromHome(this.customers, customer, this.terminals, t);
      if (distance >= minDistance) return t;
      if (distance > bestDistance) [best, bestDistance] = [t, distance];
    }
    return best;
  }
}
