/**
 * What one model of receipt printer can do: the contract shared by slip layout and transport. The
 * types live in domain/ so the configuration can resolve a profile; this is the printing layer's name for them.
 */
export type * from '../domain/printer-model.js';
