export * from './categories';
export * from './parse';
export * from './sections';
export * from './statistics';
export * from './types';
