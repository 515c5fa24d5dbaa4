// Bundles fake-word.ts with esbuild, office-addin-manifest replaced by office-app-stub.ts: as an ES module for
// Node, or as a page script that installs `Word` and `Office` from `window.caselintFakeDocument`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function bundleFakeWord(format: 'esm' | 'iife'): Promise<string> {
  const result = await build({
    entryPoints: [format === 'esm' ? `${here}fake-word.ts` : `${here}fake-word-page.ts`],
    bundle: true,
    write: false,
    format,
    platform: format === 'esm' ? 'node' : 'browser',
    alias: { 'office-addin-manifest': `${here}office-app-stub.ts` },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
