export * from './availability.js';
export * from './offer.js';
export * from './rank.js';
