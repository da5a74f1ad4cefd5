import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OpenApiDocument, buildOpenApi } from './openapi';
import { route } from './routes';

// Named schemas (`.meta({ id })`) become components; a default makes the input and output shapes differ.
const Transaction = z.object({ id: z.string(), currency: z.string().default('EUR') }).meta({ id: 'Transaction' });
const Decision = z.object({ transaction: Transaction, decision: z.enum(['approve', 'review', 'decline']) }).meta({ id: 'Decision' });

const doc = buildOpenApi({ title: 'Fraud', version: '2.0.0' }, [
  route({
    method: 'POST',
    path: '/v1/score',
    summary: 'Score',
    body: z.object({ transactions: z.array(Transaction) }),
    response: z.object({ decisions: z.array(Decision) }),
    handler: () => ({ decisions: [] }),
  }),
  route({
    method: 'POST',
    path: '/v1/predict',
    summary: 'Classify an image',
    operationId: 'predictImage',
    accepts: ['image/png', 'multipart/form-data'],
    response: z.object({ label: z.string() }),
    handler: () => ({ label: 'normal' }),
  }),
  route({
    method: 'GET',
    path: '/v1/predict',
    summary: 'Not really',
    produces: 'text/plain',
    response: z.string(),
    handler: () => 'hi',
  }),
]);

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' ? [item as string] : refs(item)));
}

function resolve(document: OpenApiDocument, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('buildOpenApi', () => {
  it('is an OpenAPI 3.1 document whose every $ref resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'Fraud', version: '2.0.0' });
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(resolve(doc, ref), ref).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });

  it('hoists named schemas, suffixing the variant whose shape differs', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Decision', 'Error', 'Transaction', 'TransactionOutput']);
    expect(doc.components.schemas['Transaction']).toMatchObject({ required: ['id'] });
    expect(doc.components.schemas['TransactionOutput']).toMatchObject({ required: ['id', 'currency'] });
    expect(doc.components.schemas['Decision']).toMatchObject({
      properties: { transaction: { $ref: '#/components/schemas/TransactionOutput' } },
    });
  });

  it('describes binary bodies by media type and non-JSON responses by produces', () => {
    const predict = doc.paths['/v1/predict']!;
    expect(predict['post']).toMatchObject({
      operationId: 'predictImage',
      requestBody: { required: true, content: { 'image/png': {}, 'multipart/form-data': {} } },
    });
    expect(predict['get']).toMatchObject({
      operationId: 'getV1Predict',
      responses: { 200: { content: { 'text/plain': { schema: { type: 'string' } } } } },
    });
  });
});
