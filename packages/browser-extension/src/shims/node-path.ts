// Stands in for node:path in browser bundles: core's config resolution records the folder of a config file
// (ignoreBase) when given one. In the browser there are no config files on disk, so only the string forms matter.
export function dirname(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut > 0 ? path.slice(0, cut) : cut === 0 ? '/' : '.';
}
export function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/').replace(/\/{2,}/g, '/');
}
export const resolve = join;
