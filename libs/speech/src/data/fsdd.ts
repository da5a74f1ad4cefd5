import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeAudio } from '@dl-suite/audio';
import { sha256OfFiles } from '@dl-suite/ml-runtime';
import type { DigitRecording } from './recording';

const FILE_NAME = /^(\d)_([a-z]+)_(\d+)\.wav$/;

/** The speakers of the FSDD copy in /work/shared/datasets (5 male voices, 50 takes of each digit). */
export const FSDD_SPEAKERS = ['george', 'jackson', 'lucas', 'nicolas', 'yweweler'] as const;

/** FSDD's usual split (its README): takes 0–4 of every speaker and digit are the test set. */
export type FsddSplit = 'train' | 'test';
const TEST_TAKES = 5;

/**
 * Reads every `<digit>_<speaker>_<take>.wav` of an FSDD `recordings` folder (optionally only some
 * speakers, or one side of FSDD's take split), decoded and resampled from 8 kHz to 16 kHz, sorted
 * by file name so that seeded sampling is reproducible. The recordings are band-limited to 4 kHz;
 * the front end only looks below that (see front-end.ts).
 */
export async function loadFsddRecordings(dir: string, speakers?: readonly string[], split?: FsddSplit): Promise<DigitRecording[]> {
  const names = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort();
  const wanted = names.filter((name) => {
    const [, , speaker, take] = FILE_NAME.exec(name)!;
    const inSplit = split === undefined || (Number(take) < TEST_TAKES) === (split === 'test');
    return inSplit && (!speakers || speakers.includes(speaker!));
  });
  if (wanted.length === 0) throw new Error(`No FSDD recordings${speakers ? ` of ${speakers.join(', ')}` : ''}${split ? ` in the ${split} split` : ''} in ${dir}`);
  return Promise.all(
    wanted.map(async (name) => {
      const [, digit, speaker] = FILE_NAME.exec(name)!;
      const { samples } = await decodeAudio(new Uint8Array(await readFile(join(dir, name))));
      return { digit: Number(digit), speaker: speaker!, samples };
    }),
  );
}

/** sha256 over the contents of every FSDD recording in the folder (in name order): which data a model saw. */
export async function fsddFingerprint(dir: string): Promise<{ fingerprint: string; files: number }> {
  const names = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort();
  return { fingerprint: await sha256OfFiles(names.map((name) => join(dir, name))), files: names.length };
}
