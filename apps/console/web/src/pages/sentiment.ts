import { isAbort, postJson } from '../api';
import type { SentimentPrediction } from '../contracts';
import { el, messageRegion, percent, replaceChildren, showError } from '../dom';
import { serviceNotice } from '../service-state';

const DEBOUNCE_MS = 300;
const MAX_BATCH_LINES = 64;

/** Sentences written for this demo. */
const EXAMPLES = [
  'The staff were friendly and the room was spotless. I would happily stay again.',
  'The battery died after two days and support never answered my emails.',
  'Not bad at all, although the ending dragged on a little.',
];

export interface Segment {
  text: string;
  /** Undefined for the text between tokens. */
  contribution?: number;
}

/** Splits the text into token and gap segments, so highlighting keeps every original character. */
export function segmentText(text: string, tokens: ReadonlyArray<{ start: number; end: number; contribution: number }>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start < at || token.end > text.length) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start) });
    segments.push({ text: text.slice(token.start, token.end), contribution: token.contribution });
    at = token.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

export function mountSentiment(container: HTMLElement): () => void {
  const text = el('textarea', { id: 'sentiment-text', rows: 4, placeholder: 'Type or paste a review…' });
  const verdict = el('p', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
  const highlighted = el('p', { class: 'tokens', 'aria-label': 'Per-token contributions' });
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;

  async function predict(): Promise<void> {
    inFlight?.abort();
    const value = text.value;
    if (!value.trim()) {
      verdict.textContent = '';
      highlighted.replaceChildren();
      return;
    }
    inFlight = new AbortController();
    try {
      const prediction = await postJson<SentimentPrediction>('/api/sentiment/v1/predict?explain=true', { text: value }, inFlight.signal);
      showError(error, undefined);
      replaceChildren(verdict, el('strong', { 'data-testid': 'sentiment-label', class: `label-${prediction.label}` }, prediction.label), ` ${percent(prediction.score)}`, prediction.truncated ? ' (text truncated to the model\'s maximum length)' : '');
      replaceChildren(highlighted, ...renderTokens(value, prediction));
    } catch (failure) {
      if (!isAbort(failure)) showError(error, (failure as Error).message);
    }
  }

  text.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void predict(), DEBOUNCE_MS);
  });

  const examples = EXAMPLES.map((example) => {
    const button = el('button', { type: 'button', class: 'chip' }, example.length > 40 ? `${example.slice(0, 40)}…` : example);
    button.addEventListener('click', () => {
      text.value = example;
      void predict();
    });
    return button;
  });

  replaceChildren(
    container,
    el('h2', { id: 'page-title' }, 'Sentiment'),
    serviceNotice('sentiment'),
    el('label', { for: 'sentiment-text' }, 'Text (classified as you type)'),
    text,
    el('div', { class: 'chips', role: 'group', 'aria-label': 'Example texts' }, ...examples),
    error,
    verdict,
    highlighted,
    el('p', { class: 'legend' }, el('span', { class: 'support' }, 'green'), ' words push towards the predicted label, ', el('span', { class: 'oppose' }, 'red'), ' words against it; stronger colour, stronger effect.'),
    batchBox(),
  );
  return () => {
    window.clearTimeout(timer);
    inFlight?.abort();
  };
}

function renderTokens(text: string, prediction: SentimentPrediction): Node[] {
  const tokens = prediction.explanation?.tokens ?? [];
  const strongest = Math.max(1e-9, ...tokens.map((t) => Math.abs(t.contribution)));
  return segmentText(text, tokens).map((segment) => {
    if (segment.contribution === undefined) return document.createTextNode(segment.text);
    const strength = Math.abs(segment.contribution) / strongest;
    const mark = el('mark', { class: segment.contribution >= 0 ? 'support' : 'oppose', title: `contribution ${segment.contribution.toFixed(3)}` }, segment.text);
    mark.style.setProperty('--strength', strength.toFixed(2));
    return mark;
  });
}

function batchBox(): HTMLElement {
  const lines = el('textarea', { id: 'sentiment-batch', rows: 5, placeholder: 'One text per line' });
  const run = el('button', { type: 'button' }, 'Classify all lines');
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const table = el('div', { class: 'table-wrap' });
  run.addEventListener('click', async () => {
    const texts = lines.value.split('\n').map((line) => line.trim()).filter(Boolean);
    if (texts.length === 0) return showError(error, 'Enter at least one line of text.');
    if (texts.length > MAX_BATCH_LINES) return showError(error, `At most ${MAX_BATCH_LINES} lines at a time (got ${texts.length}).`);
    showError(error, undefined);
    run.disabled = true;
    try {
      const { predictions } = await postJson<{ predictions: SentimentPrediction[] }>('/api/sentiment/v1/predict', { texts });
      replaceChildren(
        table,
        el(
          'table',
          { 'data-testid': 'sentiment-batch-results' },
          el('caption', {}, `${texts.length} texts`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Text'), el('th', { scope: 'col' }, 'Label'), el('th', { scope: 'col' }, 'Score'))),
          el('tbody', {}, ...predictions.map((p, i) => el('tr', {}, el('td', {}, texts[i]), el('td', { class: `label-${p.label}` }, p.label), el('td', {}, percent(p.score))))),
        ),
      );
    } catch (failure) {
      showError(error, (failure as Error).message);
    } finally {
      run.disabled = false;
    }
  });
  return el('section', { class: 'batch', 'aria-labelledby': 'batch-title' }, el('h3', { id: 'batch-title' }, 'Batch'), el('label', { for: 'sentiment-batch' }, 'Texts, one per line'), lines, run, error, table);
}
