import { getBlob, getJson, postBytes } from '../api';
import type { Transcription } from '../contracts';
import { el, messageRegion, replaceChildren, showError } from '../dom';
import { serviceNotice } from '../service-state';
import { toSpeechWav } from '../wav';

/** Media types the speech service decodes itself; anything else is converted to WAV in the browser first. */
const SERVICE_AUDIO_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', flac: 'audio/flac', ogg: 'audio/ogg' };
const MAX_UPLOAD_BYTES = 25 * 2 ** 20;

function serviceAudioType(file: File): string | undefined {
  const byType = Object.values(SERVICE_AUDIO_TYPES).find((type) => file.type === type || (type === 'audio/wav' && file.type === 'audio/x-wav'));
  return byType ?? SERVICE_AUDIO_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
}

/** Index of the word being spoken at `time`, or -1 between words. */
export function wordAt(words: ReadonlyArray<{ start: number; end: number }>, time: number): number {
  return words.findIndex((word) => time >= word.start && time < word.end);
}

export function mountSpeech(container: HTMLElement): () => void {
  const record = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Start recording');
  const input = el('input', { type: 'file', id: 'speech-file', accept: 'audio/*,.wav,.mp3,.flac,.ogg' });
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const busy = messageRegion('status');
  const samples = el('div', { class: 'chips', role: 'group', 'aria-label': 'Sample phrases (synthesised with espeak-ng)' });
  const player = el('audio', { controls: true, class: 'player', hidden: true });
  const transcript = el('p', { class: 'transcript', 'data-testid': 'transcript', 'aria-live': 'polite' });
  let words: HTMLElement[] = [];
  let timings: Transcription['words'] = [];
  let audioUrl: string | undefined;
  let recorder: MediaRecorder | undefined;
  let frame = 0;

  async function transcribe(audio: Blob, contentType: string, name: string): Promise<void> {
    showError(error, undefined);
    busy.textContent = `Transcribing ${name}…`;
    try {
      const result = await postBytes<Transcription>('/api/speech/v1/transcribe', audio, contentType);
      if (audioUrl) URL.revokeObjectURL(audioUrl);
      audioUrl = URL.createObjectURL(audio);
      player.src = audioUrl;
      player.hidden = false;
      timings = result.words;
      words = result.words.map((w) => {
        const span = el('button', { type: 'button', class: 'word', title: `${w.start.toFixed(2)}–${w.end.toFixed(2)} s, confidence ${(w.confidence * 100).toFixed(0)} %` }, w.word);
        span.addEventListener('click', () => {
          player.currentTime = w.start;
          void player.play();
        });
        return span;
      });
      replaceChildren(transcript, ...(words.length ? words.flatMap((w) => [w, ' ']) : [result.text || '(no speech recognised)']));
      busy.textContent = `Transcribed ${result.durationSeconds.toFixed(1)} s of audio with ${result.model}.`;
    } catch (failure) {
      busy.textContent = '';
      showError(error, (failure as Error).message);
    }
  }

  function highlight(): void {
    const current = wordAt(timings, player.currentTime);
    words.forEach((word, i) => word.classList.toggle('speaking', i === current));
    if (!player.paused) frame = requestAnimationFrame(highlight);
  }
  player.addEventListener('play', () => (frame = requestAnimationFrame(highlight)));
  player.addEventListener('pause', highlight);
  player.addEventListener('seeked', highlight);

  async function onFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size === 0) return showError(error, `${file.name} is empty.`);
    if (file.size > MAX_UPLOAD_BYTES) return showError(error, `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB; the limit is 25 MB.`);
    const type = serviceAudioType(file);
    if (type) return transcribe(file, type, file.name);
    try {
      await transcribe(await toSpeechWav(file), 'audio/wav', file.name);
    } catch {
      showError(error, `${file.name} is not an audio file this browser can read (try WAV, MP3, FLAC or OGG).`);
    }
  }
  input.addEventListener('change', () => void onFile(input.files?.[0]));

  record.addEventListener('click', async () => {
    if (recorder?.state === 'recording') return recorder.stop();
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      return showError(error, 'The microphone is not available: allow access in the browser, or upload a file instead.');
    }
    const chunks: Blob[] = [];
    recorder = new MediaRecorder(stream);
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    recorder.addEventListener('stop', async () => {
      stream.getTracks().forEach((track) => track.stop());
      record.textContent = 'Start recording';
      record.setAttribute('aria-pressed', 'false');
      try {
        // MediaRecorder writes webm/Opus, which the service need not decode: send WAV instead.
        await transcribe(await toSpeechWav(new Blob(chunks, { type: recorder?.mimeType })), 'audio/wav', 'the recording');
      } catch (failure) {
        showError(error, `The recording could not be converted: ${(failure as Error).message}`);
      }
    });
    recorder.start();
    record.textContent = 'Stop recording';
    record.setAttribute('aria-pressed', 'true');
    busy.textContent = 'Recording… press the button again to stop.';
  });

  getJson<{ phrases: Array<{ index: number; text: string }> }>('/api/demo/speech')
    .then(({ phrases }) =>
      replaceChildren(
        samples,
        ...phrases.map(({ index, text }) => {
          const button = el('button', { type: 'button', class: 'chip' }, `“${text}”`);
          button.addEventListener('click', async () => {
            try {
              await transcribe(await getBlob(`/api/demo/speech/${index}`), 'audio/wav', `“${text}”`);
            } catch (failure) {
              showError(error, (failure as Error).message);
            }
          });
          return button;
        }),
      ),
    )
    .catch(() => undefined);

  replaceChildren(
    container,
    el('h2', { id: 'page-title' }, 'Speech to text'),
    serviceNotice('speech'),
    el('div', { class: 'controls' }, record, el('label', { for: 'speech-file' }, 'Or upload audio (WAV, MP3, FLAC, OGG, or anything the browser plays)'), input),
    el('h3', {}, 'Sample phrases (spoken by espeak-ng)'),
    el('p', { class: 'meta' }, 'The bundled model knows the ten digit words, zero to nine; its model card is on the status page.'),
    samples,
    error,
    busy,
    player,
    transcript,
  );
  return () => {
    cancelAnimationFrame(frame);
    if (recorder?.state === 'recording') recorder.stop();
    player.pause();
    if (audioUrl) URL.revokeObjectURL(audioUrl);
  };
}
