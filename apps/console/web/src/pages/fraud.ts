import { getJson, postJson } from '../api';
import type { DemoTransaction, ScoredTransaction } from '../contracts';
import { el, messageRegion, replaceChildren, showError } from '../dom';
import { type ScorePoint, scoreChart } from '../score-chart';
import { serviceNotice } from '../service-state';

const CHART_CAPACITY = 200;
const MAX_ALERTS = 50;
const TICK_MS = 1000;

interface ScoreResponse {
  results: ScoredTransaction[];
  model: string;
}

export function mountFraud(container: HTMLElement): () => void {
  const toggle = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Start live stream');
  const rate = el('select', { id: 'fraud-rate' }, ...[2, 10, 50].map((n) => el('option', { value: n, selected: n === 10 }, `${n} per second`)));
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const counters = el('p', { class: 'counters', role: 'status', 'data-testid': 'fraud-counters' });
  const chartBox = el('div', { class: 'chart-box' });
  const alerts = el('ol', { class: 'alerts', 'aria-label': 'Alerts, newest first', 'data-testid': 'fraud-alerts' });
  const points: ScorePoint[] = [];
  const totals = { scored: 0, alerts: 0, frauds: 0, caught: 0 };
  let timer: number | undefined;
  let ticking = false;

  async function tick(): Promise<void> {
    if (ticking) return; // a slow round is not overlapped by the next one
    ticking = true;
    try {
      const { transactions } = await getJson<{ transactions: DemoTransaction[] }>(`/api/demo/fraud/transactions?count=${rate.value}`);
      const { results } = await postJson<ScoreResponse>('/api/fraud/v1/score', { transactions: transactions.map((t) => t.transaction) });
      showError(error, undefined);
      results.forEach((result, i) => record(transactions[i]!, result));
      replaceChildren(chartBox, scoreChart(points, CHART_CAPACITY));
      counters.textContent = `${totals.scored} scored · ${totals.alerts} alerts · ${totals.caught} of ${totals.frauds} simulated frauds flagged`;
    } catch (failure) {
      showError(error, (failure as Error).message);
      stop();
    } finally {
      ticking = false;
    }
  }

  function record(demo: DemoTransaction, result: ScoredTransaction): void {
    points.push({ score: result.score, decision: result.decision });
    if (points.length > CHART_CAPACITY) points.shift();
    const flagged = result.decision !== 'approve';
    totals.scored++;
    totals.frauds += Number(demo.truth.isFraud);
    totals.alerts += Number(flagged);
    totals.caught += Number(flagged && demo.truth.isFraud);
    if (!flagged) return;
    alerts.prepend(alertItem(demo, result));
    while (alerts.children.length > MAX_ALERTS) alerts.lastElementChild!.remove();
  }

  function start(): void {
    toggle.textContent = 'Stop live stream';
    toggle.setAttribute('aria-pressed', 'true');
    void tick();
    timer = window.setInterval(() => void tick(), TICK_MS);
  }

  function stop(): void {
    window.clearInterval(timer);
    timer = undefined;
    toggle.textContent = 'Start live stream';
    toggle.setAttribute('aria-pressed', 'false');
  }

  toggle.addEventListener('click', () => (timer === undefined ? start() : stop()));
  replaceChildren(chartBox, scoreChart(points, CHART_CAPACITY));

  replaceChildren(
    container,
    el('h2', { id: 'page-title' }, 'Fraud detection'),
    serviceNotice('fraud'),
    el('p', {}, 'Simulated card transactions (with more fraud than real life) are scored as they arrive; transactions sent for review or declined appear as alerts with their reasons.'),
    el('div', { class: 'controls' }, toggle, el('label', { for: 'fraud-rate' }, 'Rate'), rate),
    error,
    counters,
    chartBox,
    el('h3', {}, 'Alerts'),
    alerts,
    scoreForm(),
  );
  return stop;
}

function alertItem(demo: DemoTransaction, result: ScoredTransaction): HTMLElement {
  const tx = demo.transaction;
  const truth = demo.truth.isFraud ? `simulated fraud: ${demo.truth.scenario}` : 'simulated as legitimate';
  return el(
    'li',
    { class: `alert ${result.decision}` },
    el('p', {}, el('strong', {}, `${result.decision} · score ${result.score.toFixed(3)}`), ` — ${Number(tx.amount).toFixed(2)} ${tx['currency'] ?? ''} at merchant ${tx.merchantId}, card ${tx.cardId} (${truth})`),
    reasonList(result),
  );
}

function reasonList(result: ScoredTransaction): HTMLElement {
  return el('ul', { class: 'reasons' }, ...result.reasons.slice(0, 3).map((r) => el('li', {}, `${r.description} (+${r.contribution.toFixed(3)})`)));
}

const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function scoreForm(): HTMLElement {
  const field = (id: string, label: string, control: HTMLInputElement | HTMLSelectElement) => el('div', { class: 'field' }, el('label', { for: id }, label), control);
  const cardId = el('input', { id: 'tx-card', name: 'cardId', required: true, value: 'card-42' });
  const merchantId = el('input', { id: 'tx-merchant', name: 'merchantId', required: true, value: 'merchant-7' });
  const amount = el('input', { id: 'tx-amount', name: 'amount', type: 'number', step: '0.01', required: true, value: '59.90' });
  const timestamp = el('input', { id: 'tx-time', name: 'timestamp', type: 'datetime-local', required: true, value: localNow() });
  const channel = el('select', { id: 'tx-channel', name: 'channel' }, ...['card_present', 'online', 'atm'].map((c) => el('option', { value: c }, c.replace('_', ' '))));
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const result = el('div', { class: 'single-result', 'data-testid': 'fraud-single-result', 'aria-live': 'polite' });
  const form = el(
    'form',
    { class: 'score-form', 'aria-labelledby': 'score-form-title' },
    el('h3', { id: 'score-form-title' }, 'Score one transaction'),
    field('tx-card', 'Card id', cardId),
    field('tx-merchant', 'Merchant id', merchantId),
    field('tx-amount', 'Amount (EUR)', amount),
    field('tx-time', 'Time', timestamp),
    field('tx-channel', 'Channel', channel),
    el('button', { type: 'submit' }, 'Score'),
    error,
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const transaction = {
      transactionId: `console-${Date.now().toString(36)}`,
      cardId: cardId.value.trim(),
      merchantId: merchantId.value.trim(),
      amount: Number(amount.value),
      timestamp: new Date(timestamp.value).toISOString(),
      channel: channel.value,
      currency: 'EUR',
    };
    try {
      const { results } = await postJson<ScoreResponse>('/api/fraud/v1/score', transaction);
      const scored = results[0]!;
      showError(error, undefined);
      replaceChildren(result, el('p', {}, el('strong', {}, scored.decision), ` · score ${scored.score.toFixed(3)}`), reasonList(scored));
    } catch (failure) {
      result.replaceChildren();
      showError(error, (failure as Error).message);
    }
  });
  return form;
}
