import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256 digest');

/** Forward-slash paths that stay inside the folder, so a manifest can never point outside it. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path === MANIFEST_FILE || path.startsWith('/') || /^[a-zA-Z]:|\\/.test(path)) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

const relativePath = z.string().refine(isSafeRelativePath, 'expected a relative path inside the model folder');

const tensorSpec = z.looseObject({
  name: z.string().min(1),
  dtype: z.enum(['float32', 'float16', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'bool', 'string']),
  // Numbers are fixed sizes; strings are symbolic dimensions such as 'batch'.
  shape: z.array(z.union([z.int().positive(), z.string().min(1)])),
});

/** Everything a producer states about a model; file hashes are added by writeModelFolder. */
export const manifestDraftSchema = z.looseObject({
  name: z.string().min(1),
  version: z.string().min(1),
  task: z.string().min(1),
  created: z.iso.datetime({ offset: true }),
  description: z.string().optional(),
  labels: z.array(z.string()),
  inputs: z.array(tensorSpec),
  outputs: z.array(tensorSpec),
  framework: z.looseObject({
    trainedWith: z.string().min(1),
    exportedWith: z.string().min(1),
    opset: z.int().positive(),
  }),
  hyperparameters: z.record(z.string(), z.unknown()),
  data: z.looseObject({
    description: z.string(),
    fingerprint: sha256Hex,
    rows: z.int().nonnegative().optional(),
  }),
  // Split name → metric name → value, e.g. { validation: { roc_auc: 0.97 } }; values may be
  // any JSON (a confusion matrix, a threshold table) so they are not forced to numbers.
  metrics: z.record(z.string(), z.record(z.string(), z.json())),
});

export const modelManifestSchema = manifestDraftSchema.extend({
  files: z.record(relativePath, sha256Hex),
  // Byte sizes let a truncated file be named as such without hashing it; optional so
  // hand-written manifests with hashes only stay valid.
  sizes: z.record(relativePath, z.int().nonnegative()).optional(),
});

export type ManifestDraft = z.input<typeof manifestDraftSchema>;
export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** Zod issues as `path: message` lines, so an error names the offending field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}
