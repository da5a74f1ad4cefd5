import type { SentimentEvaluation } from '../evaluation/evaluate-folder';
import type { TrainedSentimentModel } from '../training/train-sentiment-model';

export interface ModelCardContext {
  name: string;
  version: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

export function sentimentModelCard(
  trained: TrainedSentimentModel,
  ctx: ModelCardContext,
  served: Readonly<Record<string, SentimentEvaluation>>,
): string {
  const { recipe, data, metrics, timing } = trained;
  const members = recipe.members > 1 ? `the mean logits of ${recipe.members} independently seeded CNNs` : 'one CNN';
  return `# Model card: ${ctx.name} ${ctx.version}

English sentence-level sentiment (negative / positive), trained from scratch on SST-2 with
TensorFlow.js and served from ONNX through the transformers.js text-classification pipeline.
Architecture: WordPiece tokens (${trained.tokenizer.vocabSize}-token vocabulary learned on the training
texts, uncased) → ${recipe.embeddingDim}-dimensional embeddings → convolutions of widths
${recipe.kernelSizes.join('/')} × ${recipe.filters} filters (ReLU) → max over time → linear layer;
${members}. No pretrained vectors or external text.

## Intended use
Demonstration and a baseline for short English review-like text (one or two sentences).
Not for decisions about people, moderation without human review, or other languages and domains.

## Training data
- Train: ${data.train.file} — ${data.train.rows} phrases and sentences (${pct(data.train.positives / data.train.rows)} positive), sha256 \`${data.train.sha256}\`
- Dev (early stopping only, never trained on): ${data.dev.file} — ${data.dev.rows} sentences, sha256 \`${data.dev.sha256}\`
- Training took ${timing.wallSeconds.toFixed(0)} s wall clock (${timing.cpuSeconds.toFixed(0)} s CPU) on the ${trained.backend} backend.

## Metrics
- Dev accuracy (tfjs, before export): ${pct(metrics.devAccuracy)}${recipe.members > 1 ? `; members alone: ${metrics.memberDevAccuracy.map(pct).join(', ')}` : ''}
${servedTable(served)}- The dev set chose the epochs, so it is a slightly optimistic estimate; SST-2's test labels are not public.

## Limitations
- Texts longer than ${recipe.maxLength} tokens are cut; the result then ignores the rest.
- SST-2 is film reviews from 2000s Rotten Tomatoes; other domains, sarcasm and long-range
  negation ("I expected to hate it, and I did not") are handled poorly.
- Scores are softmax outputs, not calibrated probabilities.
- Emoji glued to a word turn that word into [UNK] (see libs/text README).
`;
}

function servedTable(served: Readonly<Record<string, SentimentEvaluation>>): string {
  const rows = Object.entries(served).map(
    ([split, e]) => `| ${split} | ${e.rows} | ${pct(e.accuracy)} | ${e.f1.toFixed(3)} | ${e.rocAuc.toFixed(3)} | ${JSON.stringify(e.confusionMatrix)} |`,
  );
  if (rows.length === 0) return '';
  return ['', 'Served model (this folder through the transformers.js pipeline):', '', '| split | texts | accuracy | F1 | ROC-AUC | confusion [[tn, fp], [fn, tp]] |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
