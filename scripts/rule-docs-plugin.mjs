// An esbuild plugin for the bundles of caselint's programs (scripts/bundle.mjs, extension/build.mjs): a rule's
// documentation link is a file URL to its README, made in rules/dist/docs.js from that module's own URL, which in a
// bundle is the bundle's. The plugin gives docs.js the base the bundle needs: `base` is a JavaScript expression for
// the URL the README paths (`<id>/README.md`) are resolved against.
export function ruleDocs(base) {
  return {
    name: 'rule-docs',
    setup(build) {
      build.onLoad({ filter: /[\\/]rules[\\/]dist[\\/]docs\.js$/ }, () => ({
        contents: `export function docsUrl(id) { return new URL(id + '/README.md', ${base}).href; }`,
        loader: 'js',
      }));
    },
  };
}
