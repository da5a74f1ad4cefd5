import type { TrainedFraudModel } from '../training/train-fraud-model';
import { formatDay, type TimeWindow } from './windows';

export interface ModelCardContext {
  name: string;
  version: string;
  dataDescription: string;
  trainWindow: TimeWindow;
  labelDelayDays: number;
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
const range = (w: TimeWindow) => `${formatDay(w.start)} to ${formatDay(w.end - 1)}`;

export function fraudModelCard(trained: TrainedFraudModel, ctx: ModelCardContext): string {
  const { mlp, baseline } = trained.metrics;
  return `# Model card: ${ctx.name} ${ctx.version}

Binary classifier that scores card transactions for fraud risk (0–1) and maps the score to
approve / review / decline. ${trained.ensembleSize > 1 ? `The mean of ${trained.ensembleSize} independently seeded multi-layer perceptrons` : 'A multi-layer perceptron'}
(hidden layers ${trained.architecture.hidden.join('–')}) over ${trained.standardizer.mean.length}
behavioural features (card spending windows, merchant fraud rates over label-delayed windows,
time of day), trained with TensorFlow.js and served from ONNX.

## Intended use
Demonstration and a starting point for teams building transaction monitoring. Not for
automated decisions about real customers without validation on your own data, monitoring
and human review of declines.

## Training data
${ctx.dataDescription}

- Training window: ${range(ctx.trainWindow)} (${trained.rows.fit + (trained.refit ? trained.rows.validation : 0)} transactions, ${trained.rows.frauds} fraudulent)
- Validation window (tuning, thresholds): ${range(trained.validation.window)} (${trained.rows.validation} transactions)
- Label delay: ${ctx.labelDelayDays} days — merchant fraud rates only use labels at least this old.
${trained.refit ? `- After tuning, the model was refitted on the whole training window for ${trained.epochsTrained.join(' / ')} epochs (per member, as chosen by early stopping).\n` : ''}
## Metrics (validation window)
| model | average precision | ROC-AUC |
|---|---|---|
| MLP (this model) | ${f3(mlp.averagePrecision)} | ${f3(mlp.rocAuc)} |
| Logistic regression baseline | ${f3(baseline.averagePrecision)} | ${f3(baseline.rocAuc)} |
${trained.refit ? '\nThe MLP row is the tuning model (fitted before the validation days); the shipped refit saw those days.\n' : ''}
## Decisions
- review when score ≥ ${trained.thresholds.review.toFixed(4)}
- decline when score ≥ ${trained.thresholds.decline.toFixed(4)}

## Limitations
- Trained on simulated data unless retrained: real fraud patterns differ and drift.
- Features need the card's and merchant's history; a cold service (empty state) scores new
  cards and merchants with little context until history builds up.
- Scores are not calibrated probabilities on data whose fraud rate differs from training.
- Per-feature reasons come from occlusion against the training mean: they show what moved
  this score, not causes.
`;
}
