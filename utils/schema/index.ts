export * from './owner';
export * from './work';
export * from './bundle';
export * from './errors';
export * from "./fields";
export * from './filing';
