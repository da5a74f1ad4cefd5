import type { Rng } from '@dl-suite/ml-training';
import type { SynthVoice } from './synthesize';

// espeak-ng English dialects and voice variants (formant synthesis; whisper/croak variants left out).
const ESPEAK_DIALECTS = ['en', 'en-us', 'en-gb-scotland', 'en-gb-x-rp', 'en-029', 'en-gb-x-gbclan', 'en-gb-x-gbcwmd', 'en-us-nyc'];
const ESPEAK_VARIANTS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'f1', 'f2', 'f3', 'f4', 'f5', 'klatt', 'klatt2', 'klatt3', 'klatt4', 'edward', 'john', 'linda', 'steph', 'max', 'paul', 'quincy', 'zac'];

/** `count` espeak-ng voices for training: random dialect + variant, tempo 0.75–1.35, pitch 0.6–1.6. */
export function espeakTrainingVoices(count: number, rng: Rng): SynthVoice[] {
  return Array.from({ length: count }, () => ({
    engine: 'espeak-ng' as const,
    voice: `${ESPEAK_DIALECTS[rng.int(ESPEAK_DIALECTS.length)]}+${ESPEAK_VARIANTS[rng.int(ESPEAK_VARIANTS.length)]}`,
    speed: 0.75 + rng.next() * 0.6,
    pitch: 0.6 + rng.next() * 1.0,
  }));
}

/**
 * The held-out synthesiser: every flite voice (diphone kal 8 kHz and kal16; clustergen awb, rms,
 * slt) at slow, normal and fast tempo, with a lower and a higher pitch where flite can change it
 * (the diphone voices; clustergen voices keep their own F0).
 */
export const FLITE_TEST_VOICES: readonly SynthVoice[] = ['kal', 'kal16', 'awb', 'rms', 'slt'].flatMap((voice) =>
  [
    { speed: 0.8, pitch: 0.85 },
    { speed: 1, pitch: 1 },
    { speed: 1.25, pitch: 1.25 },
  ].map(({ speed, pitch }) => ({ engine: 'flite' as const, voice, speed, pitch })),
);
