// Language for the whole app: locale choice, typed catalogs, Intl formatting. No Node or
// Electron imports, so the renderer bundles it too.

export * from './locale.js';
export * from './catalog.js';
export * from './format.js';
