import * as v from 'valibot';

const Severity = v.picklist(['off', 'warn', 'error', 0, 1, 2] as const, 'must be "off", "warn" or "error" (or 0, 1, 2)');
// An option is a list of phrases, or a number for a rule's limit. Which keys a rule accepts, and of which kind, is its
// own business (RuleMeta.options and RuleMeta.limits): checked in load.ts, which can name the option and what it takes.
const Options = v.record(v.string(), v.unknown(), 'must be { "<option>": [...] }');
/** One rule's setting: a severity, or [severity] or [severity, options]. */
export const RuleSettingSchema = v.union(
  [Severity, v.strictTuple([Severity, Options]), v.strictTuple([Severity])],
  'must be a severity ("off", "warn", "error") or [severity, { "<option>": [...] }]',
);
const Preset = v.picklist(['recommended', 'strict'] as const, 'must be "recommended" or "strict"');

/** The schema of a configuration file. Unknown keys are errors, so a typo never passes silently. */
export const RawConfigSchema = v.strictObject(
  {
    extends: v.optional(v.union([Preset, v.array(Preset)], 'must be "recommended", "strict" or a list of them')),
    rules: v.optional(v.record(v.string(), RuleSettingSchema, 'must be an object of rule ids')),
    ignores: v.optional(v.array(v.string(), 'must be a list of globs')),
    maxFileSize: v.optional(v.pipe(v.number('must be a number of bytes'), v.integer('must be a whole number of bytes'), v.minValue(1, 'must be at least 1'))),
    maxFileTime: v.optional(v.pipe(v.number('must be a number of seconds'), v.minValue(0, 'must be 0 (no limit) or more'))),
    root: v.optional(v.boolean('must be true or false')),
    case: v.optional(v.boolean('must be true or false')),
    words: v.optional(v.record(v.string(), v.array(v.pipe(v.string(), v.minLength(1)), 'must be a list of words or phrases'), 'must be { "<word class>": [...] }')),
  },
  'must be an object',
);
