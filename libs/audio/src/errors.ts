/**
 * Why audio was refused. The HTTP status follows architecture.md: a format or codec we do not
 * decode is 415, bytes that do not decode (or decode to nothing) are 422, audio over the
 * length limit is 413.
 */
export type AudioErrorCode = 'unsupported_format' | 'undecodable' | 'empty' | 'too_long';

const STATUS: Record<AudioErrorCode, number> = { unsupported_format: 415, undecodable: 422, empty: 422, too_long: 413 };

export class AudioError extends Error {
  readonly status: number;

  constructor(
    readonly code: AudioErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AudioError';
    this.status = STATUS[code];
  }
}
