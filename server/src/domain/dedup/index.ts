export * from './score.js';
export { siteKeyOf, siteRelation, type SiteRelation } from './site.js';
export { gistOf, normalizeText, placesOf, stem, type RequestGist } from './text.js';
