// One per-file policy for every front end: ignores, configuration with a front end's layer, the case a file
// belongs to, and the directive syntax. The command line and the language server both call these.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directiveOnLine, directiveText } from '@caselint/core';
import { clearConfigCache } from '@caselint/core/config';
import { calculateConfigForFile, caseRootFor, isPathIgnored, withLayer } from '@caselint/core/policy';
import '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers.js';

describe('the per-file policy', () => {
  it('finds a file\'s configuration upward, with a front end\'s layer on top, the same object each time', () => {
    const root = tempTree({ '.caselintrc.json': JSON.stringify({ ignores: ['archive/**'], rules: { 'risk-assessment': 'off' } }), 'team/.caselintrc.json': JSON.stringify({ case: true }), 'team/a.md': '' });
    clearConfigCache();
    const config = calculateConfigForFile(join(root, 'team/a.md'));
    expect(config.rules['risk-assessment']!.severity).toBe(0);
    expect(config.caseRoot).toBe(join(root, 'team'));
    const layer = { rules: { 'simplistic-outcome': 'error' as const } };
    const layered = calculateConfigForFile(join(root, 'team/a.md'), { layer });
    expect(layered.rules['simplistic-outcome']!.severity).toBe(2);
    expect(withLayer(config, layer)).toBe(layered);
    expect(withLayer(config, undefined)).toBe(config);
  });

  it('ignores by the globs of the configuration that names them, relative to its file', () => {
    const root = tempTree({ '.caselintrc.json': JSON.stringify({ ignores: ['archive/**'] }), 'archive/old.md': '', 'now.md': '' });
    clearConfigCache();
    const config = calculateConfigForFile(join(root, 'now.md'));
    expect(isPathIgnored(config, join(root, 'archive/old.md'))).toBe(true);
    expect(isPathIgnored(config, join(root, 'now.md'))).toBe(false);
    expect(isPathIgnored(config, undefined)).toBe(false);
  });

  it('puts a file in the deepest case folder above it, else its configuration\'s case', () => {
    const root = tempTree({ 'a/b/c.md': '' });
    mkdirSync(join(root, 'x'), { recursive: true });
    writeFileSync(join(root, 'x/.caselintrc.json'), '{ "case": true }');
    clearConfigCache();
    const plain = calculateConfigForFile(join(root, 'a/b/c.md'));
    expect(caseRootFor(join(root, 'a/b/c.md'), plain, new Set([root, join(root, 'a')]))).toBe(join(root, 'a'));
    expect(caseRootFor(join(root, 'a/b/c.md'), plain)).toBeUndefined();
    expect(caseRootFor(join(root, 'x/d.md'), calculateConfigForFile(join(root, 'x/d.md')))).toBe(join(root, 'x'));
  });

  it('writes directives in the form the readers parse', () => {
    for (const format of ['text', 'markdown'] as const) {
      for (const [kind, rules] of [['disable-next-line', ['simplistic-outcome']], ['disable', []], ['enable', ['a', 'b']]] as const) {
        const text = directiveText(format, kind, rules);
        expect(directiveOnLine(`  ${text}  `, format)).toEqual({ kind, rules: [...rules], line: 1 });
      }
    }
    expect(directiveText('markdown', 'disable-next-line', ['simplistic-outcome'])).toBe('<!-- caselint-disable-next-line simplistic-outcome -->');
    expect(directiveOnLine('caselint-disable-next-line x', 'markdown')).toBeUndefined();
  });
});
