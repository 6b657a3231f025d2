export * from './events';
export * from './requests';
