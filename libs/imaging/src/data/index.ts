export { decodeImage, type DecodeImageOptions } from './decode-image';
export { DatasetError, ImageError, type ImageErrorCode } from './errors';
export { readImageFolder, type ImageFolder, type ReadImageFolderOptions } from './image-folder';
export { MEDMNIST_SPLITS, readMedMnist, type MedMnist, type MedMnistSplit } from './medmnist';
export { MEDMNIST_CLASSES } from './medmnist-classes';
export { toModelInput, type ImageShape } from './model-input';
export { DEFAULT_MAX_PIXELS } from './pixel-limit';
export type { ImageFormat } from './sniff';
export type { DecodedImage, ImageSet, RawImage } from './types';
