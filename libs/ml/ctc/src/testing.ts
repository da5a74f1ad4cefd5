export { tinyCtcModel, type TinyCtcModel, type TinyCtcModelOptions } from './testing/tiny-ctc-model';
