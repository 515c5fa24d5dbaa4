#!/usr/bin/env node
// Runs the command line from its bundle (bundle/caselint.js, which `npm run build` writes): one file starts in
// well under half the time the few hundred modules behind it take to load one by one. A bundle older than the
// compiled packages (after a bare `tsc -b`) is not used: the compiled modules run instead (dist/bin.js).
import { existsSync, statSync } from 'node:fs';

const bundle = new URL('../bundle/caselint.js', import.meta.url);
const builds = ['../../core/tsconfig.tsbuildinfo', '../../../rules/dist/tsconfig.tsbuildinfo', '../tsconfig.tsbuildinfo'];
const mtime = (url) => (existsSync(url) ? statSync(url).mtimeMs : 0);
const fresh = existsSync(bundle) && builds.every((b) => mtime(new URL(b, import.meta.url)) <= mtime(bundle));
await import(fresh ? bundle.href : '../dist/bin.js');
