export * from './score.js';
export { siteKeyOf, siteRelation, type SiteRelation } from './site.js';
export { gistOf, mergeGist, type RequestGist } from './gist.js';
export { normalizeText, placesOf, stem } from './text.js';
