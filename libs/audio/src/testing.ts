// Test fixtures other libs' tests reuse: hand-written WAV bytes and the shared FSDD recordings.
export { encodeWav, type WavSpec } from './test-support/wav-writer';
export { FSDD } from './test-support/fsdd';
