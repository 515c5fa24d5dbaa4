// The add-in manifest (packages/word-addin/manifest.template.xml, built into dist/manifest.xml). No XSD for the
// XML add-in manifest ships in any npm package we can install offline (office-addin-manifest validates through a
// remote service, which we do not call), so this checks what the XSD (OfficeApp v1.1, TaskPaneApp) requires of the
// elements we use: well-formed XML, the namespace and type, the sequence order, required elements and their
// value formats and lengths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../packages/word-addin/build.mjs';
import { ROOT } from '../browser/browser.js';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parse(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => void (stack.at(-1)!.text += text));
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);

/** OfficeApp's sequence in the v1.1 schema (TaskPaneApp), in order; the manifest's elements must follow it. */
const SEQUENCE = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

describe('the Word add-in manifest', () => {
  const built = readFileSync(join(ROOT, 'packages/word-addin/dist/manifest.xml'), 'utf8');
  const app = parse(built);

  it('is the template for https://localhost:3000 by default', () => {
    expect(built).toBe(manifestFor('https://localhost:3000'));
  });

  it('is a TaskPaneApp in the v1.1 namespace', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attributes['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(app.attributes['xsi:type']).toBe('TaskPaneApp');
  });

  it('has the required elements, in the schema’s order, and nothing else', () => {
    const names = app.children.map((c) => c.name);
    expect(names.every((n) => SEQUENCE.includes(n))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => SEQUENCE.indexOf(a) - SEQUENCE.indexOf(b)));
    expect(new Set(names).size).toBe(names.length);
    for (const name of REQUIRED) expect(names).toContain(name);
  });

  it('has values in the schema’s formats', () => {
    expect(child(app, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, 'Version')!.text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(app, 'DefaultLocale')!.text).toBe('en-GB');
    expect(child(app, 'DisplayName')!.attributes.DefaultValue!.length).toBeLessThanOrEqual(125);
    expect(child(app, 'Description')!.attributes.DefaultValue!.length).toBeLessThanOrEqual(250);
    expect(['Restricted', 'ReadDocument', 'ReadAllDocuments', 'WriteDocument', 'ReadWriteDocument']).toContain(child(app, 'Permissions')!.text);
    expect(child(app, 'Hosts')!.children.map((h) => h.attributes.Name)).toEqual(['Document']);
    const sets = child(child(app, 'Requirements')!, 'Sets')!;
    expect(sets.children.map((s) => [s.name, s.attributes.Name, s.attributes.MinVersion])).toEqual([['Set', 'WordApi', '1.4']]);
  });

  it('serves everything from the one https host', () => {
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(child(app, 'IconUrl')!.attributes.DefaultValue).toBe('https://localhost:3000/icon-32.png');
    expect(child(app, 'HighResolutionIconUrl')!.attributes.DefaultValue).toBe('https://localhost:3000/icon-64.png');
    expect(child(app, 'SupportUrl')!.attributes.DefaultValue).toBe('https://localhost:3000/help.html');
    expect(child(app, 'AppDomains')!.children.map((d) => d.text)).toEqual(['https://localhost:3000']);
    for (const file of ['taskpane.html', 'icon-32.png', 'icon-64.png', 'help.html']) expect(() => readFileSync(join(ROOT, 'packages/word-addin/dist', file))).not.toThrow();
  });

  it('points at the council’s host when built for it, and refuses a host that is not https', () => {
    const council = parse(manifestFor('https://addins.council.example/caselint/'));
    expect(child(child(council, 'DefaultSettings')!, 'SourceLocation')!.attributes.DefaultValue).toBe('https://addins.council.example/caselint/taskpane.html');
    expect(child(council, 'AppDomains')!.children.map((d) => d.text)).toEqual(['https://addins.council.example']);
    expect(() => manifestFor('http://addins.council.example/')).toThrow(/must be https/);
  });
});
