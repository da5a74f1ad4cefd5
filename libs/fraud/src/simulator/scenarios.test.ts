import { describe, expect, it } from 'vitest';
import { handbookPreset, type SimulationOptions } from './options';
import { distanceFromHome } from './profiles';
import { createSimulation, simulateTransactions, type SimulatedTransaction } from './simulate';

const DAY_MS = 86_400_000;
const options: SimulationOptions = { customers: 1000, merchants: 2000, days: 60, seed: 7 };
const sim = createSimulation(options);
const days = [...sim.days()];
const txs = days.flat();
const dayOf = (tx: SimulatedTransaction): number => Math.floor((tx.timestamp - Date.UTC(2018, 3, 1)) / DAY_MS);
const byScenario = (s: number) => txs.filter((tx) => tx.fraudScenario === s);

/** Days on which each id was compromised. */
function startDays(events: { day: number; id: number }[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const e of events) map.set(e.id, [...(map.get(e.id) ?? []), e.day]);
  return map;
}
const within = (starts: number[] | undefined, day: number, length: number): boolean =>
  (starts ?? []).some((start) => day >= start && day < start + length);

describe('fraud scenarios', () => {
  it('keeps the overall fraud rate plausible and uses every scenario', () => {
    const rate = txs.filter((tx) => tx.isFraud).length / txs.length;
    expect(rate).toBeGreaterThan(0.003);
    expect(rate).toBeLessThan(0.03);
    for (const s of [1, 2, 3, 4, 5]) expect(byScenario(s).length, `scenario ${s}`).toBeGreaterThan(0);
  });

  it('1: makes every amount above 220 fraud, and nothing else of its own', () => {
    expect(txs.filter((tx) => tx.amount > 220).every((tx) => tx.isFraud)).toBe(true);
    expect(byScenario(1).every((tx) => tx.amount > 220)).toBe(true);
    expect(txs.filter((tx) => !tx.isFraud).every((tx) => tx.amount <= 220)).toBe(true);
  });

  it('2: labels exactly the purchases at a terminal within 28 days of its compromise', () => {
    const starts = startDays(sim.schedule.compromisedTerminals);
    expect(sim.schedule.compromisedTerminals.length).toBeGreaterThan(0);
    // Scenario 3 takes precedence, as in the Handbook; otherwise the two coincide.
    const mismatches = txs.filter(
      (tx) => tx.fraudScenario < 3 && (tx.fraudScenario === 2) !== within(starts.get(Number(tx.merchantId)), dayOf(tx), 28),
    );
    expect(mismatches).toEqual([]);
  });

  it('3: turns about a third of a leaked card\'s spending over 14 days into 5× fraud', () => {
    const starts = startDays(sim.schedule.compromisedCards);
    const exposed = txs.filter((tx) => tx.fraudScenario < 4 && within(starts.get(Number(tx.cardId)), dayOf(tx), 14));
    const fraud = byScenario(3);
    const exposedIds = new Set(exposed.map((tx) => tx.transactionId));
    expect(fraud.every((tx) => exposedIds.has(tx.transactionId))).toBe(true);
    expect(fraud.length / exposed.length).toBeGreaterThan(0.2);
    expect(fraud.length / exposed.length).toBeLessThan(0.45);
  });

  it('4: probes a card with 3–8 tiny online amounts within minutes, then one large one', () => {
    const event = sim.schedule.cardTests[0];
    expect(event).toBeDefined();
    const burst = (days[event?.day ?? 0] ?? []).filter((tx) => tx.fraudScenario === 4 && tx.cardId === String(event?.id));
    const tiny = burst.filter((tx) => tx.amount <= 2);
    expect(tiny.length).toBeGreaterThanOrEqual(3);
    expect(tiny.length).toBeLessThanOrEqual(8);
    expect(tiny.every((tx) => tx.amount >= 0.5 && tx.channel === 'online')).toBe(true);
    expect(burst.at(-1)?.amount).toBeGreaterThanOrEqual(150);
    expect((burst.at(-1)?.timestamp ?? 0) - (burst[0]?.timestamp ?? 0)).toBeLessThan(45 * 60_000);
  });

  it('5: spends 3–10× the usual amount far from home for a few days', () => {
    const fraud = byScenario(5);
    for (const tx of fraud) {
      const c = Number(tx.cardId);
      const t = Number(tx.merchantId);
      const mean = sim.customers.meanAmount[c] as number;
      expect(tx.amount).toBeGreaterThanOrEqual(Math.floor(3 * mean * 100) / 100);
      expect(tx.amount).toBeLessThanOrEqual(Math.ceil(10 * mean * 100) / 100);
      expect(distanceFromHome(sim.customers, c, sim.terminals, t)).toBeGreaterThanOrEqual(30);
    }
    const spanDays = (card: string) => {
      const times = fraud.filter((tx) => tx.cardId === card).map((tx) => tx.timestamp);
      return (Math.max(...times) - Math.min(...times)) / DAY_MS;
    };
    for (const card of new Set(fraud.map((tx) => tx.cardId))) expect(spanDays(card)).toBeLessThan(8);
  });

  it('leaves the customers\' own purchases alone when scenarios 4–5 are switched off', () => {
    const off = [...simulateTransactions({ ...options, days: 15, scenarios: handbookPreset.scenarios })];
    const strip = ({ transactionId: _, ...tx }: SimulatedTransaction) => tx;
    const on = days.slice(0, 15).flat();
    expect(off.map(strip)).toEqual(on.filter((tx) => tx.fraudScenario < 4).map(strip));
  });

  it('labels nothing when every scenario is off', () => {
    const none = { enabled: false };
    const names = ['amountOutlier', 'compromisedTerminals', 'compromisedCards', 'cardTesting', 'accountTakeover'];
    const scenarios = Object.fromEntries(names.map((name) => [name, none]));
    expect([...simulateTransactions({ ...options, days: 10, scenarios })].some((tx) => tx.isFraud)).toBe(false);
  });
});
