import type { KeyMetrics, ModelManifest, ServiceStatus } from '../contracts';
import { el, messageRegion, replaceChildren, showError } from '../dom';
import { SERVICE_TITLES, fetchStatuses } from '../service-state';

const REFRESH_MS = 3000;
const STATE_TEXT: Record<ServiceStatus['state'], string> = { ready: 'Ready', starting: 'Starting', down: 'Not running' };

export function mountStatus(container: HTMLElement): () => void {
  const grid = el('div', { class: 'status-grid' });
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const updated = el('p', { class: 'meta' });

  async function refresh(): Promise<void> {
    try {
      const statuses = await fetchStatuses();
      showError(error, undefined);
      // Cards are rebuilt, but an opened model card stays open across refreshes.
      const open = new Set([...grid.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-service')));
      replaceChildren(grid, ...statuses.map((s) => serviceCard(s, open.has(s.id))));
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every ${REFRESH_MS / 1000} s.`;
    } catch (failure) {
      showError(error, (failure as Error).message);
    }
  }

  replaceChildren(container, el('h2', { id: 'page-title' }, 'Service status'), error, updated, grid);
  void refresh();
  const timer = window.setInterval(() => void refresh(), REFRESH_MS);
  return () => window.clearInterval(timer);
}

function serviceCard(status: ServiceStatus, cardOpen: boolean): HTMLElement {
  return el(
    'article',
    { class: `service-card ${status.state}`, 'data-testid': `status-${status.id}`, 'aria-labelledby': `status-title-${status.id}` },
    el('h3', { id: `status-title-${status.id}` }, SERVICE_TITLES[status.id], ' ', el('span', { class: `badge ${status.state}` }, STATE_TEXT[status.state])),
    status.reason && el('p', { class: 'reason' }, status.reason),
    el('p', { class: 'meta' }, status.url),
    status.model && modelSection(status.id, status.model, cardOpen),
    status.metrics && metricsList(status.metrics),
  );
}

function modelSection(id: string, model: ModelManifest, cardOpen: boolean): HTMLElement {
  const rows = Object.entries(model.metrics ?? {}).flatMap(([split, values]) =>
    Object.entries(values ?? {})
      .filter(([, value]) => typeof value === 'number')
      .map(([metric, value]) => el('tr', {}, el('td', {}, split), el('td', {}, metric), el('td', {}, value.toFixed(4)))),
  );
  return el(
    'section',
    { class: 'model' },
    el('p', {}, el('strong', {}, `${model.name} ${model.version}`), model.task ? ` · ${model.task}` : '', model.labels ? ` · labels: ${model.labels.join(', ')}` : ''),
    rows.length > 0 &&
      el(
        'div',
        { class: 'table-wrap' },
        el(
          'table',
          {},
          el('caption', {}, 'Model metrics, with the split they were measured on'),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Split'), el('th', { scope: 'col' }, 'Metric'), el('th', { scope: 'col' }, 'Value'))),
          el('tbody', {}, ...rows),
        ),
      ),
    model.modelCard && el('details', { 'data-service': id, open: cardOpen }, el('summary', {}, 'Model card'), el('pre', { class: 'model-card' }, model.modelCard)),
  );
}

const ms = (value: number | undefined) => (value === undefined ? '–' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);

function metricsList(metrics: KeyMetrics): HTMLElement {
  const item = (term: string, value: string) => [el('dt', {}, term), el('dd', {}, value)];
  return el(
    'dl',
    { class: 'metrics' },
    ...item('Requests', String(metrics.requests)),
    ...item('Client errors (4xx)', String(metrics.clientErrors)),
    ...item('Server errors (5xx)', String(metrics.serverErrors)),
    ...item('Latency p50 / p95', `${ms(metrics.latencyP50Ms)} / ${ms(metrics.latencyP95Ms)}`),
    ...item('Inference calls', String(metrics.inferenceCount)),
    ...item('Mean inference', ms(metrics.inferenceMeanMs)),
  );
}
