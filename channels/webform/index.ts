export * from './webform.adapter.js';
