export * from './agreement-rules';
export * from './agreement-messages';
