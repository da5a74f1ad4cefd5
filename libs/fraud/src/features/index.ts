export * from './feature-spec';
export * from './state';
export * from './in-memory-state';
export * from './compute';
export * from './offline';
