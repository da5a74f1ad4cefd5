import { z } from 'zod';

export const TranscribeQuerySchema = z.object({
  language: z.string().min(2).max(16).optional().meta({ description: 'Whisper models: spoken language (e.g. "en")' }),
  task: z.enum(['transcribe', 'translate']).optional().meta({ description: 'Whisper models: transcribe, or translate to English' }),
  chunkSeconds: z.coerce.number().positive().max(30).optional().meta({ description: 'Whisper models: window length for long audio (default 30)' }),
  strideSeconds: z.coerce.number().nonnegative().max(15).optional().meta({ description: 'Whisper models: overlap between windows' }),
});

export const TranscriptSchema = z
  .object({
    text: z.string().meta({ description: 'Lower-case words; empty for silence' }),
    words: z.array(
      z.object({
        word: z.string(),
        start: z.number().meta({ description: 'Seconds from the start of the audio' }),
        end: z.number(),
        confidence: z.number().nullable().meta({ description: 'CTC models: mean frame probability of the word; null for models without one' }),
      }),
    ),
    durationSeconds: z.number(),
    model: z.string(),
  })
  .meta({ id: 'Transcript' });
