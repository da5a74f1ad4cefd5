export { DEFAULT_OPSET, exportLayersModel, type ExportOptions } from './export';
export { supportedLayers, UnsupportedLayerError } from './handlers/registry';
