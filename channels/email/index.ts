export * from './adapter.js';
export * from './automatic.js';
export * from './mailbox-reader.js';
export * from './message-id.js';
export * from './parse.js';
export * from './quotes.js';
export * from './sanitize.js';
export * from './technician-reply.js';
