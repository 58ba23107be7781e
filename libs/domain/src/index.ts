export * from './errors';
export * from './uscc';
export * from './decimal';
export * from './rules';
export * from './tenancy';
