export * from './api.js';
export * from './events.js';
export * from './people.js';
export * from './duplicates.js';
export * from './workflow.js';
export * from './assignment.js';
export * from './sla.js';
