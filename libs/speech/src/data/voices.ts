import type { Rng } from '@dl-suite/ml-training';
import type { FestivalVoice } from './festival';
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
 * festival's English voices in Debian: two diphone voices recorded from American men (kal, ked)
 * and a statistical-parametric (HTS) voice trained on an American woman (slt, CMU ARCTIC).
 */
export const FESTIVAL_VOICES = ['kal_diphone', 'ked_diphone', 'cmu_us_slt_arctic_hts'] as const;

/** `perVoice` variants of each festival voice: tempo 0.8–1.25, pitch and formants 0.85–1.2. */
export function festivalTrainingVoices(perVoice: number, rng: Rng): FestivalVoice[] {
  return FESTIVAL_VOICES.flatMap((voice) =>
    Array.from({ length: perVoice }, () => ({ voice, speed: 0.8 + rng.next() * 0.45, pitch: 0.85 + rng.next() * 0.35 })),
  );
}

/**
 * Voices made from recorded people, in Debian's non-free section: SVOX Pico's two women (en-US,
 * en-GB; package libttspico-utils) and four MBROLA diphone voices driven by espeak-ng (us1 an
 * American woman, us2 and us3 American men, en1 a British man; packages mbrola-us1 ... mbrola-en1).
 */
export const PICO_MBROLA_VOICES: readonly Pick<SynthVoice, 'engine' | 'voice'>[] = [
  { engine: 'pico', voice: 'en-US' },
  { engine: 'pico', voice: 'en-GB' },
  ...['mb-us1', 'mb-us2', 'mb-us3', 'mb-en1'].map((voice) => ({ engine: 'espeak-ng' as const, voice })),
];

/** `perVoice` variants of each Pico and MBROLA voice: tempo 0.75–1.35, pitch 0.8–1.3. */
export function picoMbrolaTrainingVoices(perVoice: number, rng: Rng): SynthVoice[] {
  return PICO_MBROLA_VOICES.flatMap((base) =>
    Array.from({ length: perVoice }, () => ({ ...base, speed: 0.75 + rng.next() * 0.6, pitch: 0.8 + rng.next() * 0.5 })),
  );
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

/**
 * flite and festival are both CMU software and share voices: flite's kal/kal16 and slt are the
 * speakers of festival's kal_diphone and cmu_us_slt_arctic_hts. awb (Scottish) and rms
 * (American) exist only in flite, so they stay an unseen synthesiser *and* unseen speakers when
 * festival voices are trained on.
 */
export function isFliteVoiceUnshared(speaker: string): boolean {
  return /^flite:(awb|rms)@/.test(speaker);
}
