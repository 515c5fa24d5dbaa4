#!/usr/bin/env node
// caselint-language-server --stdio: the editor integration for caselint (built from src/main.ts).
import '../dist/main.js';
