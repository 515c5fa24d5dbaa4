// Stands in for node:fs in browser bundles. The checking path never reads files; only config loading from disk
// (loadConfig, readConfigFile) does, and those are not reachable from the browser entry point. If one ever is,
// it fails with a clear error rather than silently.
function noFileSystem(): never {
  throw new Error('caselint: there is no file system in the browser');
}
export const existsSync = (): boolean => false;
export const readFileSync = noFileSystem;
export const statSync = noFileSystem;
