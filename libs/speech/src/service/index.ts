export { AUDIO_MEDIA_TYPES, createSpeechService, type SpeechServiceOptions } from './speech-service';
export { transcribeSamples, type TimedWord, type Transcription } from './transcribe';
