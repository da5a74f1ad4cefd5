import { fileURLToPath } from 'node:url';
import { baseServiceEnv, defineConfig, envInt } from '@dl-suite/service-kit';
import { z } from 'zod';
import type { Backend, BackendId } from './backends';

/** Where the repository's README puts the shared datasets (beside the checkout); used for sample X-rays only. */
export const DEFAULT_XRAY_SAMPLES = fileURLToPath(
  new URL('../../../../shared/datasets/medmnist/pneumoniamnist.npz', import.meta.url),
);

const serviceUrl = (port: number) =>
  z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:3001' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default(`http://127.0.0.1:${port}`);

export const ConsoleEnvSchema = baseServiceEnv({ port: 3000 }).extend({
  MEDICAL_IMAGING_URL: serviceUrl(3001),
  SENTIMENT_URL: serviceUrl(3002),
  SPEECH_URL: serviceUrl(3003),
  FRAUD_URL: serviceUrl(3004),
  /** How often the services' readiness, model and metrics are refreshed for /readyz and the status page. */
  STATUS_INTERVAL_MS: envInt(100, 600_000).default(2000),
  /** A proxied request that gets no response headers within this long answers 504. */
  PROXY_TIMEOUT_MS: envInt(100, 3_600_000).default(120_000),
  /** MedMNIST .npz whose val split offers sample X-rays; the page only offers uploads when it is missing. */
  XRAY_SAMPLES: z.string().trim().min(1).default(DEFAULT_XRAY_SAMPLES),
});

export type ConsoleConfig = z.output<typeof ConsoleEnvSchema>;

export const loadConfig = (env: Readonly<Record<string, string | undefined>> = process.env): ConsoleConfig =>
  defineConfig(ConsoleEnvSchema, env);

export function backendsOf(config: ConsoleConfig): Backend[] {
  const urls: Record<BackendId, string> = {
    'medical-imaging': config.MEDICAL_IMAGING_URL,
    sentiment: config.SENTIMENT_URL,
    speech: config.SPEECH_URL,
    fraud: config.FRAUD_URL,
  };
  return Object.entries(urls).map(([id, url]) => ({ id: id as BackendId, url }));
}
