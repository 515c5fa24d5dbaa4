#!/usr/bin/env node
// caselint-language-server --stdio: the editor integration for caselint (built from src/main.ts). It runs from
// its bundle (bundle/main.js, which `npm run build` writes), which starts in a fraction of the time the modules
// behind it take to load one by one; a bundle older than the compiled packages (after a bare `tsc -b`) is not
// used, and the compiled modules run instead.
import { existsSync, statSync } from 'node:fs';

const bundle = new URL('../bundle/main.js', import.meta.url);
const builds = ['../../core/tsconfig.tsbuildinfo', '../../../rules/dist/tsconfig.tsbuildinfo', '../tsconfig.tsbuildinfo'];
const mtime = (url) => (existsSync(url) ? statSync(url).mtimeMs : 0);
const fresh = existsSync(bundle) && builds.every((b) => mtime(new URL(b, import.meta.url)) <= mtime(bundle));
await import(fresh ? bundle.href : '../dist/main.js');
