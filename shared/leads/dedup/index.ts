export * from './dedup';
export * from './normalise';
export * from './records';
export { jaroWinkler } from './similarity';
export * from './merge';
export * from './explainMatch';
