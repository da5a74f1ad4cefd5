export { createSentimentService, type SentimentServiceOptions } from './sentiment-service';
export { splitWords, wordContributions, type Word, type WordContribution } from './word-occlusion';
export type { Sentiment } from './schemas';
