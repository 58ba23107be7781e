export * from './data-source';
export * from './entities';
export * from './naming.strategy';
export * from './jobs/jobs';
export * from './passwords';
export * from './query/cursor';
export * from './query/remit';
export * from './rules.repository';
export { seedDemo, isSeeded } from './seed/demo';
