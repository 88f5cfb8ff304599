export * from './call-event.js';
export * from './cti.js';
export * from './twilio-voice.js';
export * from './merge.js';
export * from './adapter.js';
