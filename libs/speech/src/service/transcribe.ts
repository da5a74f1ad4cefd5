import { packSegments, segmentSpeech, SPEECH_SAMPLE_RATE } from '@dl-suite/audio';
import { ctcWords, greedyCtcDecode } from '@dl-suite/ml-ctc';
import type { SpeechRecognizer, TranscribeOptions } from '@dl-suite/ml-runtime';

export interface TimedWord {
  word: string;
  start: number;
  end: number;
  /** Mean softmax probability of the word's CTC frames; null where the model gives none (Whisper). */
  confidence: number | null;
}

export interface Transcription {
  text: string;
  words: TimedWord[];
}

/**
 * Transcribes mono 16 kHz samples of any length. CTC models: energy-based segmentation packed
 * into windows of up to 20 s, one model run per window (memory bounded by that), greedy decoding
 * and word timestamps from the alignment. Other models (Whisper) go through the pipeline with its
 * own 30 s chunking and word timestamps, `options` passed through. Silence gives an empty text.
 */
export async function transcribeSamples(recognizer: SpeechRecognizer, samples: Float32Array, options: TranscribeOptions = {}): Promise<Transcription> {
  if (recognizer.samplingRate !== SPEECH_SAMPLE_RATE) {
    throw new Error(`model ${recognizer.source} expects ${recognizer.samplingRate} Hz audio; the service decodes to ${SPEECH_SAMPLE_RATE} Hz`);
  }
  const ctc = recognizer.ctc;
  if (!ctc) return whisperStyle(recognizer, samples, options);

  const words: TimedWord[] = [];
  for (const segment of packSegments(segmentSpeech(samples, { sampleRate: SPEECH_SAMPLE_RATE }), { sampleRate: SPEECH_SAMPLE_RATE })) {
    const logits = await recognizer.logits(samples.subarray(segment.start, segment.end));
    if (logits.frames === 0) continue;
    const tokens = greedyCtcDecode(logits, ctc.blankId);
    const offsetSeconds = segment.start / SPEECH_SAMPLE_RATE;
    const keep = [segment.keepStart / SPEECH_SAMPLE_RATE, segment.keepEnd / SPEECH_SAMPLE_RATE] as const;
    const pauses = segment.pauses.map((sample) => sample / SPEECH_SAMPLE_RATE);
    for (const word of ctcWords(tokens, { vocabulary: ctc.tokens, wordDelimiter: ctc.wordDelimiter, ignoreTokens: ctc.specialTokens, secondsPerFrame: logits.secondsPerFrame, offsetSeconds, pauses })) {
      // Overlapping cuts: each piece keeps the words whose middle falls in its half.
      const middle = (word.start + word.end) / 2;
      if (middle >= keep[0] && middle < keep[1]) words.push({ ...word, start: round(word.start), end: round(word.end), confidence: round(word.confidence) });
    }
  }
  return { text: words.map((w) => w.word).join(' '), words };
}

async function whisperStyle(recognizer: SpeechRecognizer, samples: Float32Array, options: TranscribeOptions): Promise<Transcription> {
  const result = await recognizer.transcribe(samples, { timestamps: 'word', chunkSeconds: 30, ...options });
  const words = (result.chunks ?? []).map((chunk) => ({
    word: chunk.text.trim(),
    start: round(chunk.timestamp[0]),
    end: round(chunk.timestamp[1] ?? chunk.timestamp[0]),
    confidence: null,
  }));
  return { text: result.text.trim(), words: words.filter((w) => w.word.length > 0) };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
