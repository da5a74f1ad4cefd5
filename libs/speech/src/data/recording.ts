/** One spoken digit at 16 kHz, with who said it. */
export interface DigitRecording {
  digit: number;
  /** FSDD speaker name, or a synthetic voice id such as `espeak:en-us+f2@1.2x`. */
  speaker: string;
  samples: Float32Array;
}

/** A connected-digit utterance: the waveform and the digits it says, in order. */
export interface Utterance {
  samples: Float32Array;
  digits: number[];
  speaker: string;
}
