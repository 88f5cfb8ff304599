export * from './types.js';
export * from './errors.js';
export * from './file-type.js';
