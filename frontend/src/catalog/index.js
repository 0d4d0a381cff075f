export * from './Schema.js';
