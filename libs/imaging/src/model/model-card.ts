export interface ImagingModelCardContext {
  name: string;
  version: string;
  labels: readonly string[];
  height: number;
  width: number;
  dataDescription: string;
  trainRows: number;
  validationRows: number;
  /** Split name → metric → value, as in the manifest. */
  metrics: Record<string, Record<string, number>>;
  hyperparameters: Record<string, unknown>;
  trainingSeconds: number;
  backend: string;
}

export function imagingModelCard(ctx: ImagingModelCardContext): string {
  const metricRows = Object.entries(ctx.metrics).flatMap(([split, values]) =>
    Object.entries(values).map(([metric, value]) => `| ${split} | ${metric} | ${value} |`),
  );
  return `# Model card: ${ctx.name} ${ctx.version}

Image classifier (${ctx.labels.join(' / ')}) trained from scratch with TensorFlow.js by
\`npx medical-imaging train\`, exported to ONNX and laid out as a Hugging Face
image-classification folder (\`config.json\`, \`preprocessor_config.json\`, \`onnx/model.onnx\`).

## Intended use

**Demonstration of an ML service; not a medical device.** It must not be used to diagnose,
triage or treat anyone. It shows how a small CNN is trained, measured, explained and served.

## Data

${ctx.dataDescription}. ${ctx.trainRows} training and ${ctx.validationRows} validation images at
${ctx.height}×${ctx.width} px. Tuned on the validation split only; the official test split was never seen.

## Metrics

| split | metric | value |
| --- | --- | --- |
${metricRows.join('\n')}

Validation numbers are optimistic: they chose the epoch (early stopping on validation AUC). The
official PneumoniaMNIST test split is known to be harder than validation (different class balance:
37.5% normal against 26% in training).

## Model

${Object.entries(ctx.hyperparameters)
  .map(([key, value]) => `- ${key}: \`${JSON.stringify(value)}\``)
  .join('\n')}
- training time: ${Math.round(ctx.trainingSeconds)} s on the ${ctx.backend} backend

## Limitations

- ${ctx.height}×${ctx.width} px inputs: fine detail of a real radiograph is lost; a full-size film is
  downscaled (Lanczos) before the model sees it.
- Paediatric population (children aged 1–5) from a single site (Guangzhou Women and Children's
  Medical Center, Kermany et al. 2018): adult films, other scanners and other hospitals are out of
  distribution, and performance there is unknown.
- Two classes only: "pneumonia" covers bacterial and viral cases alike; any other finding is
  forced into one of the two labels.
- Scores are softmax outputs, not calibrated risks; the report's calibration plot shows how far off
  they are on validation.
`;
}
