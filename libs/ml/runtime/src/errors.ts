/** A model folder that cannot be trusted: missing, malformed, or not matching its manifest. */
export class ModelFolderError extends Error {
  constructor(
    readonly dir: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Model folder ${dir}: ${detail}`, options);
    this.name = 'ModelFolderError';
  }
}
