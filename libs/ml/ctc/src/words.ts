import type { CtcToken } from './greedy-decode';

/** A word of a CTC transcript with its time span in seconds. */
export interface CtcWord {
  word: string;
  start: number;
  end: number;
  /** Mean confidence of the word's tokens. */
  confidence: number;
}

export interface CtcWordOptions {
  /** Token string per id. */
  vocabulary: readonly string[];
  /** Token that separates words (wav2vec2 vocabularies use '|'). */
  wordDelimiter?: string;
  /** Tokens that are not text (e.g. `<unk>`, `<s>`); they are dropped. */
  ignoreTokens?: readonly string[];
  /** Duration of one logit frame: the model's hop (320 samples at 16 kHz = 0.02 s for wav2vec2). */
  secondsPerFrame: number;
  /** Added to every time, for segments cut out of a longer recording. */
  offsetSeconds?: number;
  /**
   * Times (seconds, offset included) of pauses found by segmentation: tokens on either side of
   * one never join into a word, which a character vocabulary would otherwise do when the model
   * emits no delimiter across the silence.
   */
  pauses?: readonly number[];
}

/**
 * Groups decoded tokens into words: a word ends at a delimiter token, and a token that begins
 * with the delimiter (a word-piece vocabulary's word-start marker, `|four`, as SentencePiece's
 * `▁four`) starts a new one, as does a token after a pause. Its span runs from its first to its last token.
 */
export function ctcWords(tokens: readonly CtcToken[], options: CtcWordOptions): CtcWord[] {
  const { vocabulary, wordDelimiter = '|', ignoreTokens = [], secondsPerFrame, offsetSeconds = 0, pauses = [] } = options;
  const time = (frame: number) => offsetSeconds + frame * secondsPerFrame;
  const stripDelimiter = (text: string) => (text.startsWith(wordDelimiter) ? text.slice(wordDelimiter.length) : text);
  const words: CtcWord[] = [];
  let current: CtcToken[] = [];
  const finish = () => {
    if (current.length === 0) return;
    const first = current[0] as CtcToken;
    const last = current.at(-1) as CtcToken;
    words.push({
      word: current.map((t) => stripDelimiter(vocabulary[t.id] as string)).join(''),
      start: time(first.startFrame),
      end: time(last.endFrame),
      confidence: current.reduce((sum, t) => sum + t.confidence, 0) / current.length,
    });
    current = [];
  };
  for (const token of tokens) {
    const text = vocabulary[token.id];
    if (text === undefined) throw new Error(`ctcWords: token id ${token.id} is not in the ${vocabulary.length}-token vocabulary`);
    if (text === wordDelimiter) finish();
    else if (!ignoreTokens.includes(text)) {
      const previous = current.at(-1);
      const afterPause = previous !== undefined && pauses.some((p) => p >= time(previous.endFrame) && p <= time(token.startFrame));
      if (text.startsWith(wordDelimiter) || afterPause) finish();
      current.push(token);
    }
  }
  finish();
  return words;
}
