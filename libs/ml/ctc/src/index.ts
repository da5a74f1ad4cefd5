export { ctcLoss } from './ctc-loss';
export type { CtcLossInput } from './ctc-input';
export { greedyCtcDecode, type CtcScores, type CtcToken } from './greedy-decode';
export { wav2vec2CtcFiles, type Wav2Vec2CtcLayoutOptions } from './hf-layout';
export { ctcWords, type CtcWord, type CtcWordOptions } from './words';
