import { averagePrecision, precisionAtK, rocAuc } from '@dl-suite/ml-metrics';
import type { LabelledTransaction } from '../transactions';
import { formatDay } from '../model/windows';

const DAY_MS = 86_400_000;

export interface DailyCardPrecision {
  day: string;
  cards: number;
  precision: number;
}

export interface DelayedEvaluation {
  transactions: number;
  frauds: number;
  excludedKnownCompromised: number;
  averagePrecision: number;
  rocAuc: number;
  /**
   * Per day: of the k cards with the highest score, the share that had fraud that day. As in the
   * Handbook, a card caught in a day's top k is out of the later days' rankings: an investigator
   * has already blocked it, so finding it again is no new detection.
   */
  cardPrecisionAtK: { k: number; mean: number; daily: DailyCardPrecision[] };
}

/**
 * The Fraud Detection Handbook's test set: a card with a fraud label already known (since
 * `knownSince`, typically the start of training, and older than the label delay) is out of the
 * day's test set — an investigator would have blocked it.
 */
export function handbookTestSet(
  transactions: readonly LabelledTransaction[],
  options: { labelDelayDays: number; knownSince: number },
): (tx: LabelledTransaction) => boolean {
  const fraudTimesByCard = new Map<string, number>();
  for (const tx of transactions) {
    if (tx.isFraud && tx.timestamp >= options.knownSince && !fraudTimesByCard.has(tx.cardId)) {
      fraudTimesByCard.set(tx.cardId, tx.timestamp);
    }
  }
  return (tx) => {
    const firstFraud = fraudTimesByCard.get(tx.cardId);
    const dayStart = Math.floor(tx.timestamp / DAY_MS) * DAY_MS;
    return firstFraud === undefined || firstFraud >= dayStart - options.labelDelayDays * DAY_MS;
  };
}

/**
 * The Handbook's test protocol on scored transactions: the test set (`handbookTestSet`), average
 * precision and ROC-AUC over it, and card precision@k per day on each card's highest score.
 */
export function evaluateWithLabelDelay(
  transactions: readonly LabelledTransaction[],
  scored: { source: Int32Array; scores: Float32Array },
  options: { inTestSet: (tx: LabelledTransaction) => boolean; k: number },
): DelayedEvaluation {
  const { inTestSet } = options;
  const labels: number[] = [];
  const scores: number[] = [];
  const byDay = new Map<string, Map<string, { score: number; fraud: boolean }>>();
  let excluded = 0;
  scored.source.forEach((index, row) => {
    const tx = transactions[index]!;
    if (!inTestSet(tx)) {
      excluded++;
      return;
    }
    const dayStart = Math.floor(tx.timestamp / DAY_MS) * DAY_MS;
    const score = scored.scores[row]!;
    labels.push(tx.isFraud ? 1 : 0);
    scores.push(score);
    const day = formatDay(dayStart);
    const cards = byDay.get(day) ?? new Map<string, { score: number; fraud: boolean }>();
    const card = cards.get(tx.cardId) ?? { score: -Infinity, fraud: false };
    cards.set(tx.cardId, { score: Math.max(card.score, score), fraud: card.fraud || tx.isFraud });
    byDay.set(day, cards);
  });
  const detectedCards = new Set<string>();
  const daily = [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, cards]) => {
    const ranked = [...cards].filter(([cardId]) => !detectedCards.has(cardId)).sort(([, a], [, b]) => b.score - a.score);
    const k = Math.min(options.k, ranked.length);
    const precision =
      k === 0
        ? 0
        : precisionAtK(
            ranked.map(([, c]) => (c.fraud ? 1 : 0)),
            ranked.map(([, c]) => c.score),
            k,
          );
    for (const [cardId, card] of ranked.slice(0, k)) if (card.fraud) detectedCards.add(cardId);
    return { day, cards: ranked.length, precision };
  });
  return {
    transactions: labels.length,
    frauds: labels.reduce((a, b) => a + b, 0),
    excludedKnownCompromised: excluded,
    averagePrecision: averagePrecision(labels, scores),
    rocAuc: rocAuc(labels, scores),
    cardPrecisionAtK: {
      k: options.k,
      mean: daily.reduce((a, d) => a + d.precision, 0) / Math.max(1, daily.length),
      daily,
    },
  };
}
