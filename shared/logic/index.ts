export * from './checklist';
export * from './smart';
export * from './stage-plan';
