export * from './common';
export * from './records';
export * from './sync';
