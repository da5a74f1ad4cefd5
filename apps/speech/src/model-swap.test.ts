import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeWav } from '@dl-suite/audio/testing';
import { spelledCtcFolder } from '@dl-suite/speech-domain/testing';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { serve } from './main';

const wav = (samples: Float32Array) => encodeWav([samples], { sampleRate: 16000, encoding: 'float', bitDepth: 32 });

async function transcribeWith(model: string, body: Uint8Array): Promise<any> {
  const running = await serve(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', MODEL: model }), { handleSignals: false });
  try {
    const response = await fetch(`${running.url}/v1/transcribe`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body });
    expect(response.status).toBe(200);
    return await response.json();
  } finally {
    await running.close();
  }
}

describe('swapping the model by configuration alone', () => {
  it('serves a second, locally built CTC folder when MODEL points at it', async () => {
    const { dir, spell } = await spelledCtcFolder('letters-ctc');
    const speech = spell('hello world');
    const padded = new Float32Array(16000 + speech.length + 16000);
    padded.set(speech.map((v) => v / 2), 16000);
    const body = await transcribeWith(dir, wav(padded));
    expect(body).toMatchObject({ text: 'hello world', model: 'letters-ctc@0.0.1' });
    expect(body.words.map((w: any) => w.word)).toEqual(['hello', 'world']);
  }, 60_000);

  // A Whisper folder is hundreds of MB and is never downloaded by tests: point WHISPER_MODEL_DIR at
  // a local copy (e.g. of Xenova/whisper-tiny.en) to run this.
  const whisper = process.env['WHISPER_MODEL_DIR'];
  if (!whisper) console.info('model-swap.test: Whisper test skipped — set WHISPER_MODEL_DIR to a local Whisper folder to run it');
  it.skipIf(!whisper)('serves a local Whisper folder with word timestamps (WHISPER_MODEL_DIR)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'whisper-'));
    await promisify(execFile)('espeak-ng', ['-v', 'en-us', '-w', join(dir, 'a.wav'), 'four two seven']);
    expect(await readdir(whisper!)).toContain('config.json');
    const body = await transcribeWith(whisper!, await readFile(join(dir, 'a.wav')));
    expect(body.text.toLowerCase()).toMatch(/four|4/);
    expect(body.words.length).toBeGreaterThan(0);
    expect(body.words[0].confidence).toBeNull();
  }, 300_000);
});
