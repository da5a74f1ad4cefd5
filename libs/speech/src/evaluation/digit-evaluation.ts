import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeAudio } from '@dl-suite/audio';
import { createRng } from '@dl-suite/ml-training';
import type { SpeechRecognizer } from '@dl-suite/ml-runtime';
import { connectedDigitUtterance, speakerPool } from '../data/connected';
import { loadFsddRecordings, type FsddSplit } from '../data/fsdd';
import type { Utterance } from '../data/recording';
import { transcribeSamples } from '../service/transcribe';
import { scoreDigitStrings, type DigitScores } from '../training/digit-errors';
import { transcriptDigits } from '../vocabulary';

const FSDD_FILE = /^\d_[a-z]+_\d+\.wav$/;
const LABELLED_FILE = /^(\d+)(?:[_.-].*)?\.(wav|mp3|flac|ogg|opus)$/i;

export interface DigitSetOptions {
  /** FSDD folders: connected-digit strings to build (default 200). */
  utterances?: number;
  /** FSDD folders: only these speakers (default all). */
  speakers?: readonly string[];
  /** FSDD folders: only one side of FSDD's take split (default every take). */
  split?: FsddSplit;
  seed?: number;
}

/**
 * The labelled digit strings in a folder. An FSDD `recordings` folder (single digits named
 * `<digit>_<speaker>_<take>.wav`) becomes seeded connected-digit strings, each spoken by one
 * speaker, as in training; any other folder is read file by file, the digits being the leading
 * number of the file name (`4271_alice.wav` says "four two seven one").
 */
export async function loadDigitEvaluationSet(dir: string, options: DigitSetOptions = {}): Promise<Utterance[]> {
  const names = (await readdir(dir)).sort();
  if (names.some((name) => FSDD_FILE.test(name))) {
    const recordings = await loadFsddRecordings(dir, options.speakers, options.split);
    const pool = speakerPool(recordings);
    const rng = createRng(options.seed ?? 7);
    return Array.from({ length: options.utterances ?? 200 }, () => connectedDigitUtterance(pool, rng, { digits: [2, 7] }));
  }
  const labelled = names.filter((name) => LABELLED_FILE.test(name));
  if (labelled.length === 0) throw new Error(`${dir} holds no FSDD recordings and no files named <digits>_*.wav`);
  return Promise.all(
    labelled.map(async (name) => {
      const digits = [...(LABELLED_FILE.exec(name)?.[1] ?? '')].map(Number);
      const audio = await decodeAudio(new Uint8Array(await readFile(join(dir, name)))).catch((error: unknown) => {
        throw new Error(`${join(dir, name)}: ${error instanceof Error ? error.message : String(error)}`);
      });
      return { samples: audio.samples, digits, speaker: name };
    }),
  );
}

export interface RecognizerDigitScores extends DigitScores {
  /** A few wrong transcripts, to see what goes wrong. */
  errors: { speaker: string; reference: string; hypothesis: string }[];
}

/** Digit error rate and string accuracy of a served model (segmentation, decoding and all). */
export async function evaluateRecognizerOnDigits(recognizer: SpeechRecognizer, utterances: readonly Utterance[]): Promise<RecognizerDigitScores> {
  const pairs: { reference: number[]; hypothesis: number[] }[] = [];
  const errors: RecognizerDigitScores['errors'] = [];
  for (const utterance of utterances) {
    const { text } = await transcribeSamples(recognizer, utterance.samples);
    const hypothesis = transcriptDigits(text);
    pairs.push({ reference: utterance.digits, hypothesis });
    if (errors.length < 10 && hypothesis.join() !== utterance.digits.join()) {
      errors.push({ speaker: utterance.speaker, reference: utterance.digits.join(''), hypothesis: text });
    }
  }
  return { ...scoreDigitStrings(pairs), errors };
}
