export { load, type LoadOptions, type LoadResult } from './http-load';
export { pacedLoad, type PacedLoadOptions, type PacedLoadResult } from './paced-load';
export { startServiceProcess, type ServiceProcess } from './service-process';
export { itemsPerSecond } from './throughput';
