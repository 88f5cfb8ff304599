export * from './score.js';
export { gistOf, normalizeText, placesOf, type RequestGist } from './text.js';
