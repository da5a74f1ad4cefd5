import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { decodeAudio } from '@dl-suite/audio';
import { loadSpeechRecognizer } from '@dl-suite/ml-runtime';
import { transcribeSamples } from '@dl-suite/speech-domain';
import { BUNDLED_MODEL_DIR } from '../config';

interface TranscribeFlags {
  model: string;
  json: boolean;
  allowRemote: boolean;
}

export function registerTranscribe(program: Command): void {
  program
    .command('transcribe')
    .description('Transcribe audio files (WAV, MP3, FLAC, Ogg) offline and print one line per file, or JSON with word timings.')
    .argument('<files...>', 'audio files')
    .option('--model <dir>', 'model folder (or a hub id with --allow-remote)', BUNDLED_MODEL_DIR)
    .option('--json', 'print {file, text, words, durationSeconds} per file as JSON lines', false)
    .option('--allow-remote', 'allow a Hugging Face hub id for --model (downloads it)', false)
    .action(async (files: string[], flags: TranscribeFlags) => {
      const recognizer = await loadSpeechRecognizer(flags.model, { allowRemote: flags.allowRemote });
      try {
        for (const file of files) {
          const audio = await decodeAudio(await readFile(file)).catch((error: unknown) => {
            throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
          });
          const { text, words } = await transcribeSamples(recognizer, audio.samples);
          console.log(flags.json ? JSON.stringify({ file, text, words, durationSeconds: audio.durationSeconds }) : `${file}\t${text}`);
        }
      } finally {
        await recognizer.dispose();
      }
    });
}
