// Stands in for node:module in browser bundles. Core loads two dependencies lazily with createRequire: compromise
// (for the rare sentence where a bare name reports speech) and yaml (for YAML config files). Here compromise is
// bundled, and esbuild's require() keeps it lazy (evaluated on first use, as in Node); YAML config files do not exist
// in the browser.
import type nlp from 'compromise';

// esbuild bundles require() calls in ESM code (typed here: this package has no Node types).
declare const require: (id: string) => unknown;

export function createRequire(_from: string | URL): (id: string) => unknown {
  return (id: string) => {
    if (id === 'compromise') {
      const loaded = require('compromise') as { default?: typeof nlp } & typeof nlp;
      return loaded.default ?? loaded;
    }
    throw new Error(`caselint: ${id} is not available in the browser`);
  };
}
