export * from './adapter.js';
export * from './twilio-webhook.js';
export * from './technician-sms.js';
