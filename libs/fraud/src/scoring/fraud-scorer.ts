import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModelFolder, OnnxModel, type ModelManifest } from '@dl-suite/ml-runtime';
import { PiecewiseLinearEncoder, Standardizer } from '@dl-suite/ml-training';
import { FEATURE_COUNT, GROUP_DESCRIPTIONS, featureGroups, type FeatureGroup } from '../features/feature-spec';
import { DecisionSchema, FraudPreprocessorSchema, PREPROCESSOR_FILE, type DecisionPolicy } from '../model/preprocessor';

export type Decision = 'approve' | 'review' | 'decline';

export interface Reason {
  feature: FeatureGroup;
  description: string;
  /** How much this feature group raised the score compared with the training average. */
  contribution: number;
}

export interface Scored {
  score: number;
  decision: Decision;
  reasons: Reason[];
}

const GROUPS = featureGroups();
const ROWS_PER_TRANSACTION = 1 + GROUPS.length;

/** Model input columns per feature group: a feature's learned-bin components go with it. */
function inputGroups(encoder: PiecewiseLinearEncoder): { group: FeatureGroup; columns: number[] }[] {
  const groupOf = new Map(GROUPS.flatMap(({ group, columns }) => columns.map((c) => [c, group] as const)));
  const sources = encoder.sourceColumns(FEATURE_COUNT);
  return GROUPS.map(({ group }) => ({
    group,
    columns: sources.flatMap((source, column) => (groupOf.get(source) === group ? [column] : [])),
  }));
}
const TOP_REASONS = 3;
const MODEL_CARD_FILE = 'MODEL_CARD.md';

/** The served model: preprocessing, the ONNX graph, decision thresholds and reasons. */
export class FraudScorer {
  private readonly width: number;
  private readonly groups: { group: FeatureGroup; columns: number[] }[];

  private constructor(
    private readonly model: OnnxModel,
    private readonly encoder: PiecewiseLinearEncoder,
    private readonly standardizer: Standardizer,
    readonly manifest: ModelManifest,
    readonly decision: DecisionPolicy,
    readonly labelDelayDays: number,
    readonly modelCard: string | undefined,
  ) {
    this.width = encoder.encodedWidth(FEATURE_COUNT);
    this.groups = inputGroups(encoder);
  }

  static async load(dir: string, options: { threads?: number } = {}): Promise<FraudScorer> {
    const folder = await loadModelFolder(dir);
    const preprocessor = FraudPreprocessorSchema.parse(JSON.parse(await readFile(join(folder.dir, PREPROCESSOR_FILE), 'utf8')));
    const decision = DecisionSchema.parse(folder.manifest['decision']);
    const encoder = PiecewiseLinearEncoder.fromJSON(preprocessor.piecewiseLinear);
    const model = await OnnxModel.load(folder, {
      ...(options.threads ? { intraOpThreads: options.threads } : {}),
      warmup: { features: { dims: [ROWS_PER_TRANSACTION, encoder.encodedWidth(FEATURE_COUNT)], dtype: 'float32' } },
    });
    const modelCard = folder.manifest.files[MODEL_CARD_FILE] ? await readFile(join(folder.dir, MODEL_CARD_FILE), 'utf8') : undefined;
    return new FraudScorer(
      model,
      encoder,
      Standardizer.fromJSON(preprocessor.standardizer),
      folder.manifest,
      decision,
      preprocessor.labelDelayDays,
      modelCard,
    );
  }

  decide(score: number): Decision {
    if (score >= this.decision.decline) return 'decline';
    if (score >= this.decision.review) return 'review';
    return 'approve';
  }

  /** Scores only, for batch jobs: raw feature rows in, one score per row out. */
  async scores(features: Float32Array): Promise<Float32Array> {
    const rows = features.length / FEATURE_COUNT;
    const out = await this.model.runFloat('features', this.prepare(features), [rows, this.width]);
    return out.data as Float32Array;
  }

  /** Raw feature rows → the model's standardised input rows. */
  private prepare(features: Float32Array): Float32Array {
    return this.standardizer.transform(this.encoder.encode(features, FEATURE_COUNT));
  }

  /**
   * Scores with reasons: every feature group is also replaced by the training mean (0
   * after standardising) and the drop in score is that group's contribution. One ONNX run
   * covers all the variants of all the rows.
   */
  async explain(features: Float32Array): Promise<Scored[]> {
    const rows = features.length / FEATURE_COUNT;
    const width = this.width;
    const standardized = this.prepare(features);
    const variants = new Float32Array(rows * ROWS_PER_TRANSACTION * width);
    for (let r = 0; r < rows; r++) {
      const original = standardized.subarray(r * width, (r + 1) * width);
      for (let v = 0; v < ROWS_PER_TRANSACTION; v++) {
        const offset = (r * ROWS_PER_TRANSACTION + v) * width;
        variants.set(original, offset);
        if (v > 0) for (const c of this.groups[v - 1]!.columns) variants[offset + c] = 0;
      }
    }
    const out = await this.model.runFloat('features', variants, [rows * ROWS_PER_TRANSACTION, width]);
    const scores = out.data as Float32Array;
    return Array.from({ length: rows }, (_, r) => {
      const base = r * ROWS_PER_TRANSACTION;
      const score = scores[base]!;
      const reasons = this.groups.map(({ group }, g) => ({
        feature: group,
        description: GROUP_DESCRIPTIONS[group],
        contribution: round(score - scores[base + 1 + g]!),
      }))
        .filter((reason) => reason.contribution > 0)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, TOP_REASONS);
      return { score: round(score), decision: this.decide(score), reasons };
    });
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
