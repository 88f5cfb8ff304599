export * from './adapter.js';
export * from './twilio-webhook.js';
