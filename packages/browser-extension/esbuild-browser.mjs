// The esbuild options every browser bundle of caselint shares (the extension's and the Word add-in's): core's
// browser entry point for the rules, browser stand-ins for the three Node built-ins core imports, minified.
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The Node built-ins core's modules import, replaced by browser stand-ins; any other is a build error. */
const SHIMS = { 'node:fs': 'node-fs.ts', 'node:path': 'node-path.ts', 'node:module': 'node-module.ts' };
const browserShims = {
  name: 'browser-shims',
  setup(pluginBuild) {
    // The rules import '@caselint/core' (whose main entry point also reads files): here it is the browser entry point.
    pluginBuild.onResolve({ filter: /^@caselint\/core$/ }, () => ({ path: `${here}../core/dist/browser.js` }));
    pluginBuild.onResolve({ filter: /^node:/ }, (args) => {
      const shim = SHIMS[args.path];
      if (!shim) return { errors: [{ text: `${args.path} (imported by ${args.importer}) has no browser stand-in` }] };
      return { path: `${here}src/shims/${shim}` };
    });
  },
};

/** Options for a browser bundle of caselint's compiled packages (run `tsc -b` at the repository root first). */
export const browserBundleOptions = {
  bundle: true,
  platform: 'browser',
  target: 'chrome110',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [browserShims],
  // The rule documentation links point into the installed package (import.meta.url); in a bundle they fall back to rules/<id>/README.md.
  define: { 'import.meta.url': '""' },
};
