// The task pane's page: buttons, the findings list, and what clicking does. The Word side is in word-document.ts.
import type { Finding } from '@caselint/core/browser';
import { CONTRADICTION_RULE, addComments, checkOpenDocument, selectFinding, watchDocument, type CheckedDocument } from './word-document.js';

let checked: CheckedDocument | undefined;
/** Checks run one at a time; a request during one runs once it ends. */
let running: Promise<void> | undefined;
let again = false;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => {
  element('status').textContent = text;
};

async function check(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      status('Checking…');
      try {
        checked = await checkOpenDocument();
        render(checked.findings);
        status(summary(checked.findings));
      } catch {
        // No document text in the message: the error may quote it.
        status('The document could not be checked.');
      }
    } while (again);
  })();
  try {
    await running;
  } finally {
    running = undefined;
  }
}

function summary(findings: Finding[]): string {
  if (findings.length === 0) return 'No findings.';
  return `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}. Select one to show it in the document.`;
}

function render(findings: Finding[]): void {
  element<HTMLButtonElement>('add-comments').disabled = findings.length === 0;
  const list = element('findings');
  list.replaceChildren(
    ...findings.map((finding) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `finding ${finding.severity}`;
      button.dataset.rule = finding.ruleId;
      if (finding.ruleId === CONTRADICTION_RULE) button.classList.add('contradiction');
      button.append(line('message', finding.message), line('rule', `${finding.ruleId} · “`, finding.phrase, '”'));
      const related = finding.related ?? [];
      if (related.length > 0) {
        const areas = document.createElement('ul');
        areas.className = 'related';
        areas.append(...related.map((r) => Object.assign(document.createElement('li'), { textContent: r.message })));
        button.append(areas);
      }
      if (finding.fix) button.append(line('fix', `How to fix: ${finding.fix}`));
      if (finding.expected?.length) button.append(line('fix', `Instead: ${finding.expected.join(' / ')}`));
      button.addEventListener('click', () => void select(finding));
      item.append(button);
      return item;
    }),
  );
}

/** A block of text; the phrase part (when given) set in its own element so it reads as a quotation. */
function line(className: string, before: string, phrase?: string, after = ''): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  div.append(before);
  if (phrase !== undefined) div.append(Object.assign(document.createElement('span'), { className: 'phrase', textContent: phrase }), after);
  return div;
}

async function select(finding: Finding): Promise<void> {
  if (!checked) return;
  try {
    if (await selectFinding(checked, finding)) return;
    status('The document changed since the check: checking again.');
  } catch {
    status('That phrase could not be selected: checking again.');
  }
  await check();
}

async function comment(): Promise<void> {
  if (!checked) return;
  try {
    const { added, removed } = await addComments(checked);
    status(`Added ${added} ${added === 1 ? 'comment' : 'comments'}${removed > 0 ? `, replacing ${removed} earlier caselint ${removed === 1 ? 'comment' : 'comments'}` : ''}.`);
  } catch {
    status('The comments could not be added.');
  }
}

if (typeof Office === 'undefined') {
  // office/office.js is the council's copy, hosted beside the pane; without it the pane cannot reach Word.
  status('Office.js was not found beside the pane (office/office.js): see “In Word” in caselint’s README.');
} else {
  Office.onReady(start);
}

function start(info: { host: Office.HostType | null }): void {
  if (info.host !== Office.HostType.Word) {
    status('caselint’s pane runs in Word.');
    return;
  }
  element('check').addEventListener('click', () => void check());
  element('add-comments').addEventListener('click', () => void comment());
  watchDocument(() => void check());
  void check();
}
