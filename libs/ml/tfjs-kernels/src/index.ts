export { registerFastConvKernels, restoreKernels, type FastKernelBackend } from './register';
export { initWasmBackend } from './wasm-threads';
