export * from './events';
export * from './requests';
export type * from './conversations';
