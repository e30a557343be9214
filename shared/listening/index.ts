export * from './balance';
export * from './nudges';
export * from './vad';
