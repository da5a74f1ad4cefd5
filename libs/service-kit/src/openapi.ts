import { z } from 'zod';
import { JSON_MEDIA_TYPE, type Route } from './routes';

export type JsonSchema = Record<string, unknown>;

// A type alias (not an interface) so the document is assignable to plain JSON object types.
export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
};

const ErrorSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. invalid_request' }),
    message: z.string().meta({ description: 'Human-readable explanation' }),
  }),
});

/** The OpenAPI 3.1 description of `routes`, with schemas from zod 4's `z.toJSONSchema`. */
export function buildOpenApi(info: OpenApiDocument['info'], routes: readonly Route[]): OpenApiDocument {
  const schemas = new Components();
  const errorRef = { $ref: schemas.add('Error', ErrorSchema, 'output') };
  const paths: OpenApiDocument['paths'] = {};
  for (const r of routes) {
    const operationId = r.operationId ?? camelCase(`${r.method} ${r.path}`);
    const operation: JsonSchema = {
      operationId,
      summary: r.summary,
      ...(r.description && { description: r.description }),
      ...(r.tags && { tags: r.tags }),
      ...(r.query && { parameters: queryParameters(schemas.inline(r.query, 'input')) }),
      ...requestBody(r, schemas),
      responses: {
        200: { description: 'Success', content: { [r.produces ?? JSON_MEDIA_TYPE]: { schema: schemas.inline(r.response, 'output') } } },
        default: { description: 'Error', content: { [JSON_MEDIA_TYPE]: { schema: errorRef } } },
      },
    };
    // OpenAPI writes path parameters as {name} where express writes :name.
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation };
  }
  return { openapi: '3.1.0', info, paths, components: { schemas: schemas.all } };
}

function requestBody(r: Route, schemas: Components): { requestBody?: JsonSchema } {
  if (r.accepts) {
    // An empty media type object is OpenAPI 3.1's way of saying "any bytes of this type".
    return { requestBody: { required: true, content: Object.fromEntries(r.accepts.map((type) => [type, {}])) } };
  }
  if (r.body) {
    return { requestBody: { required: true, content: { [JSON_MEDIA_TYPE]: { schema: schemas.inline(r.body, 'input') } } } };
  }
  return {};
}

function queryParameters(schema: JsonSchema): JsonSchema[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

/**
 * Collects named schemas (those with `.meta({ id })`) under components/schemas. zod emits them as
 * `#/$defs/Name` inside each converted schema; in an OpenAPI document `#` is the document root, so
 * they are hoisted and their references rewritten. A name whose input and output shapes differ
 * (defaults, transforms) gets an Input/Output suffix for the variant that does not match.
 */
class Components {
  readonly all: Record<string, JsonSchema> = {};

  add(name: string, schema: z.ZodType, io: 'input' | 'output'): string {
    this.all[name] = this.inline(schema, io);
    return `#/components/schemas/${name}`;
  }

  inline(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _, $defs, ...root } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    const defs = Object.entries(($defs ?? {}) as Record<string, JsonSchema>);
    const renames = new Map<string, string>();
    for (const [name, def] of defs) {
      const existing = this.all[name];
      const clash = existing !== undefined && JSON.stringify(existing) !== JSON.stringify(rewriteRefs(def, renames));
      renames.set(name, clash ? `${name}${io === 'input' ? 'Input' : 'Output'}` : name);
    }
    for (const [name, def] of defs) this.all[renames.get(name)!] = rewriteRefs(def, renames) as JsonSchema;
    return rewriteRefs(root, renames) as JsonSchema;
  }
}

function rewriteRefs(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
        const name = item.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${renames.get(name) ?? name}`];
      }
      return [key, rewriteRefs(item, renames)];
    }),
  );
}

const camelCase = (text: string): string =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
