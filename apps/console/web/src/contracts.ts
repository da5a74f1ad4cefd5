// KeyMetrics is computed by the server (src/prometheus.ts, which imports nothing): one definition for both sides.
import type { KeyMetrics } from '../../src/prometheus';

/** The shapes the pages read from the services (see each service's /openapi.json) and from the console's own API. */

export type ServiceId = 'medical-imaging' | 'sentiment' | 'speech' | 'fraud';

export interface ModelManifest {
  name: string;
  version: string;
  task?: string;
  labels?: string[];
  /** split → metric → value, e.g. { val: { accuracy: 0.91 } } */
  metrics?: Record<string, Record<string, number>>;
  modelCard?: string;
}

export type { KeyMetrics };

export interface ServiceStatus {
  id: ServiceId;
  url: string;
  state: 'ready' | 'starting' | 'down';
  reason?: string;
  checkedAt: string;
  model?: ModelManifest;
  metrics?: KeyMetrics;
}

export interface ImagingPrediction {
  label: string;
  score: number;
  probabilities: Record<string, number>;
  input: { format: string; width: number; height: number };
  explanation?: { method: string; label: string; heatmapPng: string; width: number; height: number };
  model: string;
}

export interface SentimentPrediction {
  label: string;
  score: number;
  truncated: boolean;
  explanation?: { method: string; tokens: Array<{ token: string; start: number; end: number; contribution: number }> };
}

export interface Transcription {
  text: string;
  words: Array<{ word: string; start: number; end: number; confidence: number }>;
  durationSeconds: number;
  model: string;
}

export interface ScoredTransaction {
  transactionId: string;
  score: number;
  decision: 'approve' | 'review' | 'decline';
  reasons: Array<{ feature: string; description: string; contribution: number }>;
  duplicate: boolean;
}

export interface DemoTransaction {
  transaction: Record<string, string | number> & { transactionId: string; amount: number; merchantId: string; cardId: string };
  truth: { isFraud: boolean; scenario: string };
}
