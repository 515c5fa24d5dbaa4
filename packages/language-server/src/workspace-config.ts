// "Disable <rule> in this workspace": turn a rule off in the config file the document is checked with
// (the nearest .caselintrc.json/.yaml or package.json#caselint upward from it), or create
// .caselintrc.json at the workspace root when there is none.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node.js';
import { parseDocument as parseYaml } from 'yaml';

export const CONFIG_FILE_NAMES = ['.caselintrc.json', '.caselintrc.yaml', '.caselintrc.yml'];

export interface ConfigFileChange {
  /** The file to write. */
  path: string;
  /** Whether it exists already. */
  exists: boolean;
  /** Its current text ('' for a new file). */
  before: string;
  /** Its text with the rule turned off. */
  after: string;
}

/** The config file that applies to `documentPath`, searching upward but not above `stopAt` (the workspace root). */
export function findConfigFile(documentPath: string, stopAt: string | undefined): string | undefined {
  let folder = dirname(documentPath);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    const pkg = join(folder, 'package.json');
    if (existsSync(pkg) && hasCaselintKey(pkg)) return pkg;
    const parent = dirname(folder);
    if (parent === folder || (stopAt !== undefined && !isInside(parent, stopAt))) return undefined;
    folder = parent;
  }
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function hasCaselintKey(pkgPath: string): boolean {
  try {
    const pkg: unknown = JSON.parse(readFileSync(pkgPath, 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'caselint' in pkg;
  } catch {
    return false;
  }
}

/** Computes the change that turns `ruleId` off; undefined when the existing file cannot be parsed safely. */
export function disableRuleChange(documentPath: string, workspaceRoot: string | undefined, ruleId: string): ConfigFileChange | undefined {
  const existing = findConfigFile(documentPath, workspaceRoot);
  if (!existing) {
    const path = join(workspaceRoot ?? dirname(documentPath), '.caselintrc.json');
    return { path, exists: false, before: '', after: JSON.stringify({ rules: { [ruleId]: 'off' } }, null, 2) + '\n' };
  }
  const before = readFileSync(existing, 'utf8');
  try {
    const after = existing.endsWith('package.json')
      ? setInJson(before, ['caselint', 'rules', ruleId])
      : /\.ya?ml$/.test(existing)
        ? setInYaml(before, ruleId)
        : setInJson(before, ['rules', ruleId]);
    return { path: existing, exists: true, before, after };
  } catch {
    return undefined;
  }
}

function setInJson(text: string, keys: [string, ...string[]]): string {
  const root: unknown = text.trim() === '' ? {} : JSON.parse(text);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new Error('not an object');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = 'off';
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? 2;
  return JSON.stringify(root, null, indent) + '\n';
}

function setInYaml(text: string, ruleId: string): string {
  const doc = parseYaml(text);
  if (doc.errors.length > 0) throw new Error('invalid YAML');
  doc.setIn(['rules', ruleId], 'off');
  return doc.toString();
}

/** The change as a WorkspaceEdit; creating a file needs the client's resourceOperations support. */
export function toWorkspaceEdit(change: ConfigFileChange, canCreateFiles: boolean): WorkspaceEdit | undefined {
  const uri = pathToFileURL(change.path).toString();
  if (!change.exists) {
    if (!canCreateFiles) return undefined;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.after }] },
      ],
    };
  }
  return { changes: { [uri]: [replaceAll(change.before, change.after)] } };
}

function replaceAll(before: string, after: string): TextEdit {
  const lines = before.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: last.length } }, newText: after };
}

/** For clients that cannot apply the edit: write the file directly (the server then re-checks open documents). */
export function writeChange(change: ConfigFileChange): void {
  writeFileSync(change.path, change.after, 'utf8');
}
