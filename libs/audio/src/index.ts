export {
  decodeAudio,
  DEFAULT_MAX_SECONDS,
  SPEECH_SAMPLE_RATE,
  type AudioSource,
  type DecodeAudioOptions,
  type DecodedAudio,
} from './decode-audio';
export { AudioError, type AudioErrorCode } from './errors';
export { resample, Resampler, type ResamplerOptions } from './resampler';
export { packSegments, segmentSpeech, type SegmentOptions, type SpeechSegment, type SpeechWindow } from './segment';
export type { AudioFormat } from './sniff';
