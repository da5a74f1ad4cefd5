import { describe, expect, it } from 'vitest';
import { describeIssues, isSafeRelativePath, modelManifestSchema } from './manifest';
import { draftManifest } from './test-support/fixtures';

const valid = () => ({ ...draftManifest(), files: { 'model.onnx': 'b'.repeat(64) } });

describe('model manifest schema', () => {
  it('accepts a full manifest and keeps fields a domain adds', () => {
    const parsed = modelManifestSchema.parse({ ...valid(), thresholds: { review: 0.4 } });
    expect(parsed.metrics.validation?.roc_auc).toBe(0.97);
    expect(parsed.thresholds).toEqual({ review: 0.4 });
  });

  it('names the offending fields', () => {
    const bad = { ...valid(), created: 'yesterday', data: { description: 'x', fingerprint: 'not-a-hash' } };
    const result = modelManifestSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const message = describeIssues(result.error!);
    expect(message).toContain('created: Invalid ISO datetime');
    expect(message).toContain('data.fingerprint: expected a lowercase hex sha256 digest');
  });

  it('rejects file paths that leave the folder', () => {
    for (const path of ['../model.onnx', '/etc/passwd', 'a/../../b', 'C:\\model.onnx', 'manifest.json', 'a//b']) {
      expect(isSafeRelativePath(path)).toBe(false);
      expect(modelManifestSchema.safeParse({ ...valid(), files: { [path]: 'b'.repeat(64) } }).success).toBe(false);
    }
    expect(isSafeRelativePath('onnx/model.onnx')).toBe(true);
  });
});
