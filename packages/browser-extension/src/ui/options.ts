// The options page: the preset, each rule's severity, a local authority's own terms, and importing a
// .caselintrc.json. Settings the organisation fixes (managed policy) are shown and locked.
import { ConfigError, type RuleSetting } from '@caselint/core/browser';
import { rules } from '@caselint/rules';
import { checkRule, importCaselintrc } from '../config.js';
import { TERM_RULES, lockedBy, type Preset, type Terms, type UserSettings } from '../settings.js';
import { byId, readSettings, saveUser } from './storage.js';

const SEVERITIES = ['off', 'warn', 'error'] as const;
const LOCKED = ' (set by your organisation)';

function severityOf(setting: RuleSetting | undefined): string {
  const value = Array.isArray(setting) ? setting[0] : setting;
  return value === 0 ? 'off' : value === 1 ? 'warn' : value === 2 ? 'error' : (value ?? '');
}

/** A rule setting with a new severity, keeping any options it had. */
function withSeverity(setting: RuleSetting | undefined, severity: string): RuleSetting | undefined {
  if (!severity) return undefined;
  const s = severity as (typeof SEVERITIES)[number];
  return Array.isArray(setting) && setting[1] ? [s, setting[1]] : s;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

async function render(): Promise<void> {
  const problems: string[] = [];
  const { user, managed } = await readSettings(problems, checkRule);
  const locked = lockedBy(managed);
  const save = async (next: UserSettings) => {
    await saveUser(next);
    await render();
  };

  const preset = byId<HTMLSelectElement>('preset');
  preset.value = managed.preset ?? user.preset ?? '';
  preset.disabled = locked.preset;
  byId('preset-locked').textContent = locked.preset ? LOCKED : '';
  preset.onchange = () => void save({ ...user, preset: (preset.value || undefined) as Preset | undefined });

  const table = byId('rules');
  table.replaceChildren();
  for (const rule of rules) {
    const id = rule.meta.id;
    const row = document.createElement('tr');
    const name = document.createElement('td');
    const code = document.createElement('code');
    code.textContent = id;
    name.append(code, document.createElement('br'), rule.meta.summary);
    const cell = document.createElement('td');
    const select = document.createElement('select');
    select.dataset.rule = id;
    select.append(option('', `preset (${rule.meta.severity})`), ...SEVERITIES.map((s) => option(s, s)));
    select.value = severityOf(managed.rules?.[id] ?? user.rules[id]);
    select.disabled = locked.rules.has(id);
    if (select.disabled) select.title = LOCKED.trim();
    select.onchange = () => {
      const rulesNext = { ...user.rules };
      const setting = withSeverity(rulesNext[id], select.value);
      if (setting === undefined) delete rulesNext[id];
      else rulesNext[id] = setting;
      void save({ ...user, rules: rulesNext });
    };
    cell.append(select);
    row.append(name, cell);
    table.append(row);
  }

  for (const kind of Object.keys(TERM_RULES) as (keyof Terms)[]) {
    const area = byId<HTMLTextAreaElement>(`terms-${kind}`);
    area.value = (managed.terms?.[kind] ?? user.terms[kind] ?? []).join('\n');
    area.disabled = locked.terms.has(kind);
    byId(`terms-${kind}-locked`).textContent = area.disabled ? LOCKED : '';
    area.onchange = () => void save({ ...user, terms: { ...user.terms, [kind]: area.value.split('\n').map((t) => t.trim()).filter(Boolean) } });
  }

  const sites = byId('managed-sites');
  sites.textContent = managed.sites ? `Your organisation runs caselint on: ${managed.sites.join(', ')}.` : '';

  const importer = byId<HTMLInputElement>('import');
  const importStatus = byId('import-status');
  importer.onchange = async () => {
    const file = importer.files?.[0];
    if (!file) return;
    try {
      await save(importCaselintrc(await file.text(), user, file.name));
      importStatus.textContent = `Imported ${file.name}.`;
    } catch (error) {
      importStatus.textContent = error instanceof ConfigError ? error.message : `${file.name} could not be imported.`;
    }
    importer.value = '';
  };

  const list = byId('problems');
  list.replaceChildren(...problems.map((p) => Object.assign(document.createElement('li'), { textContent: `Ignored: ${p}` })));
}

void render();
chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local' || area === 'managed') void render(); // not 'session': the badge counts change as pages are checked
});
