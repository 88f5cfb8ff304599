export * from './offer.js';
export * from './rank.js';
