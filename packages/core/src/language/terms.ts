// @caselint/core/terms: what rules need to match their term lists, without the engine (the rule catalogue is
// loaded by commands that may never check a file).
export { normalise, phraseRegExp, phraseSource, termsRegExp } from './normalise.js';
export { matchesIn } from './matches.js';
export { GateScanner, guardsOf, runnable, triggerOf, type CompiledGuard, type CompiledPattern, type RunnablePattern } from '../knowledge/patterns.js';
