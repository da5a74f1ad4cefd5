import { getJson, postBytes } from '../api';
import type { ImagingPrediction } from '../contracts';
import { el, messageRegion, percent, replaceChildren, showError } from '../dom';
import { serviceNotice } from '../service-state';

const MAX_UPLOAD_BYTES = 32 * 2 ** 20;

/** The media type the service expects, from the file's type, name or (for DICOM) its magic bytes. */
export async function imageContentType(file: File): Promise<string | undefined> {
  if (file.type === 'image/png' || /\.png$/i.test(file.name)) return 'image/png';
  if (file.type === 'image/jpeg' || /\.jpe?g$/i.test(file.name)) return 'image/jpeg';
  if (file.type === 'application/dicom' || /\.dcm$/i.test(file.name)) return 'application/dicom';
  // DICOM files often have no extension: "DICM" after the 128-byte preamble identifies them.
  const magic = new Uint8Array(await file.slice(128, 132).arrayBuffer());
  return String.fromCharCode(...magic) === 'DICM' ? 'application/dicom' : undefined;
}

interface Samples {
  samples: Array<{ index: number; label: string }>;
  reason?: string;
}

export function mountImaging(container: HTMLElement): () => void {
  const input = el('input', { type: 'file', id: 'xray-file', accept: '.png,.jpg,.jpeg,.dcm,image/png,image/jpeg,application/dicom' });
  const dropZone = el(
    'label',
    { class: 'drop-zone', for: 'xray-file' },
    el('strong', {}, 'Choose an X-ray'),
    ' or drop it here (PNG, JPEG or DICOM)',
  );
  const error = messageRegion('alert', 'message error');
  error.hidden = true;
  const busy = messageRegion('status');
  const samples = el('div', { class: 'samples' });
  const result = el('div', { class: 'imaging-result', 'aria-live': 'polite' });
  let shownUrl: string | undefined;

  async function classify(file: Blob, contentType: string, name: string): Promise<void> {
    showError(error, undefined);
    busy.textContent = `Classifying ${name}…`;
    try {
      const prediction = await postBytes<ImagingPrediction>('/api/medical-imaging/v1/predict?explain=true', file, contentType);
      if (shownUrl) URL.revokeObjectURL(shownUrl);
      shownUrl = URL.createObjectURL(file);
      replaceChildren(result, ...renderPrediction(prediction, shownUrl, name));
      busy.textContent = `${name}: ${prediction.label}`;
    } catch (failure) {
      busy.textContent = '';
      showError(error, (failure as Error).message);
    }
  }

  async function onFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) return showError(error, `${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB; the limit is 32 MB.`);
    if (file.size === 0) return showError(error, `${file.name} is empty.`);
    const contentType = await imageContentType(file);
    if (!contentType) return showError(error, `${file.name} is not a PNG, JPEG or DICOM image.`);
    await classify(file, contentType, file.name);
  }

  input.addEventListener('change', () => void onFile(input.files?.[0]));
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    void onFile(event.dataTransfer?.files[0]);
  });

  getJson<Samples>('/api/demo/xrays')
    .then(({ samples: list }) => {
      if (list.length === 0) return;
      const buttons = list.map(({ index, label }) => {
        const button = el('button', { type: 'button', class: 'sample', 'aria-label': `Sample X-ray ${index} (labelled ${label})` }, el('img', { src: `/api/demo/xrays/${index}`, alt: '', width: 56, height: 56 }), label);
        button.addEventListener('click', async () => {
          const png = await (await fetch(`/api/demo/xrays/${index}`)).blob();
          await classify(png, 'image/png', `sample ${index} (labelled ${label})`);
        });
        return button;
      });
      replaceChildren(samples, el('h3', {}, 'Sample X-rays (PneumoniaMNIST validation split, with their dataset labels)'), el('div', { class: 'sample-list' }, ...buttons));
    })
    .catch(() => undefined);

  replaceChildren(
    container,
    el('h2', { id: 'page-title' }, 'Medical imaging: chest X-ray classification'),
    el('p', { class: 'disclaimer' }, 'A demonstration, not a medical device.'),
    serviceNotice('medical-imaging'),
    el('div', { class: 'upload' }, input, dropZone),
    error,
    busy,
    samples,
    result,
  );
  return () => {
    if (shownUrl) URL.revokeObjectURL(shownUrl);
  };
}

function renderPrediction(prediction: ImagingPrediction, imageUrl: string, name: string): Node[] {
  const overlay = prediction.explanation && `data:image/png;base64,${prediction.explanation.heatmapPng}`;
  const picture = el('img', { src: overlay ?? imageUrl, alt: `${name}${overlay ? ' with the saliency heatmap' : ''}`, class: 'xray' });
  const toggle = el('input', { type: 'checkbox', id: 'show-heatmap', checked: Boolean(overlay), disabled: !overlay });
  toggle.addEventListener('change', () => {
    picture.src = toggle.checked && overlay ? overlay : imageUrl;
    picture.alt = `${name}${toggle.checked ? ' with the saliency heatmap' : ''}`;
  });
  const probabilities = Object.entries(prediction.probabilities).sort(([, a], [, b]) => b - a);
  return [
    el('figure', { class: 'xray-figure' }, picture, el('figcaption', {}, el('label', {}, toggle, ' Show saliency heatmap (occlusion: red-yellow where hiding the region changed the prediction most)'))),
    el(
      'div',
      { class: 'prediction' },
      el('p', { class: 'verdict' }, 'Predicted: ', el('strong', { 'data-testid': 'imaging-label' }, prediction.label), ` (${percent(prediction.score)})`),
      el(
        'ul',
        { class: 'bars', 'aria-label': 'Class probabilities' },
        ...probabilities.map(([label, p]) =>
          el('li', {}, el('span', { class: 'bar-label' }, label), el('meter', { min: 0, max: 1, value: p, 'aria-label': label }), el('span', {}, percent(p))),
        ),
      ),
      el('p', { class: 'meta' }, `Input: ${prediction.input.format.toUpperCase()} ${prediction.input.width}×${prediction.input.height} · model ${prediction.model}`),
    ),
  ];
}
