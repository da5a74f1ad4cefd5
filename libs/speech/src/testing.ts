import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wav2vec2CtcFiles } from '@dl-suite/ml-ctc';
import { tinyCtcModel } from '@dl-suite/ml-ctc/testing';
import { writeModelFolder } from '@dl-suite/ml-runtime';

const VOCABULARY = ['<pad>', '|', ...'abcdefghijklmnopqrstuvwxyz'];
// 80 samples per frame: the segmenter cuts on 10 ms (160-sample) boundaries, so segments stay
// aligned to the frames the tiny model was spelled with.
const HOP = 80;

/**
 * A second, locally built wav2vec2-CTC folder (letters, not digit words) whose weights are chosen,
 * not trained, plus `spell(text)`: audio it transcribes as exactly that text. Proves a service
 * serves whatever folder it is configured with.
 */
export async function spelledCtcFolder(name = 'tiny-ctc'): Promise<{ dir: string; spell: (text: string) => Float32Array }> {
  const model = tinyCtcModel({ vocab: VOCABULARY.length, hop: HOP });
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  await writeModelFolder(dir, {
    manifest: {
      name,
      version: '0.0.1',
      task: 'automatic-speech-recognition',
      created: new Date().toISOString(),
      labels: VOCABULARY,
      inputs: [{ name: 'input_values', dtype: 'float32', shape: ['batch', 'samples'] }],
      outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', 'frames', VOCABULARY.length] }],
      framework: { trainedWith: 'none (spelled weights)', exportedWith: 'onnx-proto', opset: 17 },
      hyperparameters: {},
      data: { description: 'none', fingerprint: '0'.repeat(64) },
      metrics: {},
    },
    files: { 'onnx/model.onnx': model.onnx, ...wav2vec2CtcFiles({ vocabulary: VOCABULARY, hop: HOP }) },
  });
  // Each character held for 4 frames, a blank between letters so doubles survive, '|' between words.
  const spell = (text: string) => {
    const path = [...text].flatMap((c) => (c === ' ' ? ['|', '|'] : [c, c, c, c, '<pad>'])).map((t) => VOCABULARY.indexOf(t));
    return model.spell([0, ...path, 0]);
  };
  return { dir, spell };
}
