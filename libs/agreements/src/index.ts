/** The tripartite agreement's logic shared by the API, the worker, the match rounds and the demo: drafting (issue 18). */
export * from './drafting';
export * from './drafting.statements';
export * from './signing-code';
