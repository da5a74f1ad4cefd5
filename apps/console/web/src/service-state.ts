import { getJson } from './api';
import type { ServiceId, ServiceStatus } from './contracts';
import { el } from './dom';

export const SERVICE_TITLES: Record<ServiceId, string> = {
  'medical-imaging': 'Medical imaging',
  sentiment: 'Sentiment',
  speech: 'Speech',
  fraud: 'Fraud',
};

export async function fetchStatuses(): Promise<ServiceStatus[]> {
  return (await getJson<{ services: ServiceStatus[] }>('/api/status')).services;
}

/**
 * A notice at the top of a page while its service is not ready, so a missing service reads as
 * "not running" before anyone clicks, rather than as a failed request after.
 */
export function serviceNotice(id: ServiceId): HTMLElement {
  const notice = el('p', { class: 'notice', role: 'status', hidden: true });
  fetchStatuses()
    .then((statuses) => {
      const status = statuses.find((s) => s.id === id);
      if (!status || status.state === 'ready') return;
      const what = status.state === 'down' ? 'is not running' : 'is starting';
      notice.textContent = `The ${SERVICE_TITLES[id].toLowerCase()} service ${what} (${status.reason ?? status.url}). Start the suite with npm start; this page works once the service is ready.`;
      notice.hidden = false;
    })
    .catch(() => undefined);
  return notice;
}
