import { HttpError, notFound, route, type Route } from '@dl-suite/service-kit';
import { z } from 'zod';
import type { ServiceMonitor } from './service-monitor';
import type { FraudDemoStream } from './demos/fraud-stream';
import type { XraySamples } from './demos/xray-samples';
import { SPEECH_PHRASES, synthesisePhrase } from './demos/speech-samples';
import { BackendStatusSchema, DemoTransactionSchema } from './schemas';

export interface ConsoleRouteDeps {
  monitor: ServiceMonitor;
  fraudStream: FraudDemoStream;
  xrays: XraySamples;
}

const indexParam = (value: unknown): number => {
  const index = Number(value);
  if (!Number.isInteger(index) || index < 0) throw notFound(`No sample ${value}`);
  return index;
};

/** The console's own API: service status for the status page and demo inputs for the pages. */
export function consoleRoutes({ monitor, fraudStream, xrays }: ConsoleRouteDeps): Route[] {
  return [
    route({
      method: 'GET',
      path: '/api/status',
      summary: 'Health, model card and key request metrics of every service behind the console',
      response: z.object({ services: z.array(BackendStatusSchema) }),
      handler: async () => {
        if (!monitor.snapshot) await monitor.refresh();
        return { services: [...(monitor.snapshot ?? [])] };
      },
    }),
    route({
      method: 'GET',
      path: '/api/demo/fraud/transactions',
      summary: 'The next simulated card transactions of the shared demo stream, with the simulator\'s ground truth',
      query: z.object({ count: z.coerce.number().int().min(1).max(200).default(10) }),
      response: z.object({ transactions: z.array(DemoTransactionSchema) }),
      handler: async ({ query }) => ({ transactions: await fraudStream.next(query.count) }),
    }),
    route({
      method: 'GET',
      path: '/api/demo/xrays',
      summary: 'Sample chest X-rays from the validation split of the shared dataset, when it is present',
      response: z.object({ samples: z.array(z.object({ index: z.number(), label: z.string() })), reason: z.string().optional() }),
      handler: () => xrays.list(),
    }),
    route({
      method: 'GET',
      path: '/api/demo/xrays/:index',
      summary: 'One sample X-ray as PNG',
      produces: 'image/png',
      response: z.instanceof(Buffer),
      handler: async ({ req }) => {
        const png = await xrays.png(indexParam(req.params['index']));
        if (!png) throw notFound(`No sample X-ray ${req.params['index']}`);
        return png;
      },
    }),
    route({
      method: 'GET',
      path: '/api/demo/speech',
      summary: 'Sample phrases the console can synthesise with espeak-ng',
      response: z.object({ phrases: z.array(z.object({ index: z.number(), text: z.string() })) }),
      handler: () => ({ phrases: SPEECH_PHRASES.map((text, index) => ({ index, text })) }),
    }),
    route({
      method: 'GET',
      path: '/api/demo/speech/:index',
      summary: 'A sample phrase spoken by espeak-ng, as WAV',
      produces: 'audio/wav',
      response: z.instanceof(Buffer),
      handler: async ({ req }) => {
        const index = indexParam(req.params['index']);
        if (index >= SPEECH_PHRASES.length) throw notFound(`No sample phrase ${index}`);
        return synthesisePhrase(index).catch((error: Error) => {
          throw new HttpError(503, 'synthesis_unavailable', error.message);
        });
      },
    }),
  ];
}
