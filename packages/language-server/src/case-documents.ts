// The documents of a case, for the open documents that belong to it. A case is the folder a config file declares
// (`"case": true`, the file's `caseRoot`), or the workspace folder when the `caselint.case` setting says so. What each
// document records (its CaseFacts) is kept by path: an open document's come from its last check (its unsaved text
// wins over its file), the others' from reading their files in the background, on a thread of their own, so that
// neither the editor's requests nor the open documents' checks wait for them. An open document is checked with the
// other documents' facts concatenated, memoised per document until something in the case changes.
import { statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CaseFact, ResolvedConfig } from '@caselint/core';
import { MAX_CASE_DOCUMENTS } from '@caselint/core/config';
import { caseRootFor } from '@caselint/core/policy';
import { formatFromPath } from '@caselint/core/file-types';
import { KeyedDebouncer } from './debounce.js';
import type { LintBackend } from './lint-backend.js';
import type { Settings } from './settings.js';

/** Folders below a case folder deeper than this are not read (a case is a handful of folders, not a drive). */
export const MAX_CASE_DEPTH = 20;
/** A case folder with more folders than this is too large to be one case, as one with too many documents is. */
export const MAX_CASE_FOLDERS = 1000;
/** How long the case waits after a change before re-checking its open documents: a burst of changes is one re-check. */
export const CASE_DEBOUNCE_MS = 150;
/** A file changes on disk in several events (truncate, write, rename): it is read once they settle. */
const FILE_EVENT_DEBOUNCE_MS = 100;
const NO_FACTS: readonly CaseFact[] = Object.freeze([]);

export interface CaseHost {
  /** Reads the documents that are not open (a thread of their own); made when the first case is found. */
  reader(): LintBackend;
  /** The configuration a file of the case is checked with, or undefined when its config ignores it. */
  configFor(path: string, settings: Settings): ResolvedConfig | undefined;
  /** The workspace folder a file is in. */
  workspaceRootOf(path: string): string | undefined;
  /** Whether the editor has the file open (then its text, not its file, is what the case reads). */
  isOpen(path: string): boolean;
  /** The case's facts changed: check its open documents again, all but `except` (whose own facts changed). */
  recheck(root: string, except: string | undefined): void;
  /** Watch case folders for changes on disk (when the editor does not report them). */
  watchFolders: boolean;
  log(message: string): void;
}

interface CaseState {
  root: string;
  /** Declared by the `caselint.case` setting (the workspace folder), not by a config file. */
  byWorkspace: boolean;
  /** The settings of the document that found the case: its files are read with the configuration they give. */
  settings: Settings;
  /** What each document that is not open records, as last read from its file. */
  onDisk: Map<string, CaseFact[]>;
  /** What each open document records, from its last check; wins over `onDisk`. */
  open: Map<string, { facts: CaseFact[]; key: string }>;
  /** The other documents' facts, per document: cleared whenever a document of the case changes. */
  others: Map<string, CaseFact[]>;
  /** More documents than MAX_CASE_DOCUMENTS: each is checked on its own. */
  tooLarge: boolean;
  /** Its files are being (or have been) read. */
  reading: boolean;
  /** Per folder, when the server watches the case's folders itself; each one's depth below the case folder. */
  watchers: Map<string, { watcher: FSWatcher; depth: number }>;
  /** Cleared when the case is dropped, so reads still under way stop and their answers are not kept. */
  live: boolean;
}

export class CaseDocuments {
  private readonly cases = new Map<string, CaseState>();
  private readonly changedBy = new Map<string, Set<string | undefined>>();
  private readonly caseChanges = new KeyedDebouncer(CASE_DEBOUNCE_MS);
  private readonly fileEvents = new KeyedDebouncer(FILE_EVENT_DEBOUNCE_MS);

  constructor(private readonly host: CaseHost) {}

  /** The case a document belongs to: its config's case folder, else its workspace folder if the settings declare it one. */
  caseOf(path: string | undefined, config: ResolvedConfig, settings: Settings): string | undefined {
    if (!path) return undefined;
    // The case folder by the one per-file policy (its config's "case": true), else the workspace folder by the settings.
    return caseRootFor(path, config) ?? (settings.case ? this.host.workspaceRootOf(path) : undefined);
  }

  /**
   * What the other documents of the case record, for checking `path`: until the case's files are read (see `checked`),
   * what is known (the open documents'); the open documents are checked again as more arrives.
   */
  factsFor(root: string, path: string, config: ResolvedConfig, settings: Settings): readonly CaseFact[] {
    const state = this.cases.get(root) ?? this.start(root, config.caseRoot !== root, settings);
    if (state.tooLarge) return NO_FACTS;
    let facts = state.others.get(path);
    if (!facts) {
      facts = [];
      for (const [other, list] of state.onDisk) if (other !== path && !state.open.has(other)) facts.push(...list);
      for (const [other, { facts: list }] of state.open) if (other !== path) facts.push(...list);
      state.others.set(path, facts);
    }
    return facts;
  }

  /**
   * A document of the case was checked: the case's files are read from now on (after the open document's first
   * diagnostics, which they would otherwise compete with for the processor).
   */
  checked(root: string): void {
    const state = this.cases.get(root);
    if (!state || state.reading) return;
    state.reading = true;
    void this.readAll(state);
  }

  /** An open document's facts, gathered after its check: when they differ from the last ones, the other open documents re-check. */
  openFacts(root: string, path: string, facts: CaseFact[]): void {
    const state = this.cases.get(root);
    if (!state) return;
    // Compared as text: a fact moved by an edit above it is a change too (the others point at its line).
    const key = JSON.stringify(facts);
    if (state.open.get(path)?.key === key) return;
    state.open.set(path, { facts, key });
    this.changed(state, path);
  }

  /** A document of the case was closed: the case reads its file again, or is dropped when no document of it is open. */
  closed(root: string, path: string, othersOpen: boolean): void {
    const state = this.cases.get(root);
    if (!state) return;
    if (!othersOpen) return this.drop(state);
    state.open.delete(path);
    this.changed(state, undefined);
    if (state.reading) void this.read(state, path);
  }

  /** A file changed on disk (the editor said so, or a folder watcher): read it again, or forget it if it is gone. */
  fileChanged(path: string, deleted: boolean): void {
    if (!formatFromPath(path)) return;
    const state = this.caseContaining(path);
    if (!state?.reading) return;
    this.fileEvents.schedule(path, () => {
      if (!state.live || this.host.isOpen(path)) return; // an open document's text wins over its file
      if (deleted) {
        if (state.onDisk.delete(path)) this.changed(state, undefined);
        return;
      }
      void this.read(state, path);
    });
  }

  /** Forget every case (a config file or the settings changed): the next checks find them again. */
  clear(): void {
    for (const state of [...this.cases.values()]) this.drop(state);
  }

  dispose(): void {
    this.clear();
    this.fileEvents.cancelAll();
  }

  private start(root: string, byWorkspace: boolean, settings: Settings): CaseState {
    const state: CaseState = { root, byWorkspace, settings, onDisk: new Map(), open: new Map(), others: new Map(), tooLarge: false, reading: false, watchers: new Map(), live: true };
    this.cases.set(root, state);
    return state;
  }

  private drop(state: CaseState): void {
    state.live = false;
    this.unwatch(state, state.root);
    this.cases.delete(state.root);
    this.caseChanges.cancel(state.root);
    this.changedBy.delete(state.root);
  }

  /** The deepest case whose folder holds `path`. */
  private caseContaining(path: string): CaseState | undefined {
    let found: CaseState | undefined;
    for (const state of this.cases.values()) {
      if (path.startsWith(state.root + sep) && (!found || state.root.length > found.root.length)) found = state;
    }
    return found;
  }

  /** Lists the case's documents, then reads them one after another (each read waits for the one before). */
  private async readAll(state: CaseState): Promise<void> {
    const listing = await listDocuments(state.root, MAX_CASE_DEPTH);
    if (!state.live) return;
    if (listing.tooDeep) this.host.log(`case folder ${state.root}: folders more than ${MAX_CASE_DEPTH} levels deep are not read`);
    if (listing.unlisted) this.host.log(`case folder ${state.root}: ${listing.unlisted} folder(s) could not be listed`);
    if (listing.tooMany) {
      state.tooLarge = true;
      state.others.clear();
      this.host.log(`case folder ${state.root} holds more than ${MAX_CASE_DOCUMENTS} documents or ${MAX_CASE_FOLDERS} folders: each document is checked on its own, not against the case`);
      this.changed(state, undefined);
      return;
    }
    if (this.host.watchFolders) for (const { path, depth } of listing.folders) this.watch(state, path, depth);
    for (const path of listing.paths) {
      if (!state.live) return;
      if (!this.host.isOpen(path)) await this.read(state, path);
    }
    this.host.log(`case folder ${state.root}: ${listing.paths.length} document(s) read`);
  }

  /** Reads one file of the case for what it records. One that cannot be read records nothing, with one log line. */
  private async read(state: CaseState, path: string): Promise<void> {
    if (state.tooLarge) return;
    const config = this.host.configFor(path, state.settings);
    // A file its config ignores, or in a case of its own further down, is not part of this case.
    if (!config || (config.caseRoot ?? (state.byWorkspace ? state.root : undefined)) !== state.root) {
      if (state.onDisk.delete(path)) this.changed(state, undefined);
      return;
    }
    const answer = await this.host.reader().lint({
      kind: 'record-file',
      uri: pathToFileURL(path).href,
      path,
      config,
      maxFileSize: config.maxFileSize,
      budgetMs: state.settings.maxCheckTime * 1000,
    });
    // A newer read of the file replaced this one, the case was dropped, or the document was opened meanwhile.
    if (answer.kind === 'stale' || !state.live || this.host.isOpen(path)) return;
    let facts: CaseFact[] = [];
    if (answer.kind === 'timeout') this.host.log(`case document ${path}: not read, it took longer than ${state.settings.maxCheckTime} s`);
    else if (answer.readError) this.host.log(`case document ${path}: not read (${answer.readError})`);
    else facts = answer.facts ?? [];
    const before = state.onDisk.get(path);
    state.onDisk.set(path, facts);
    if (before === undefined ? facts.length > 0 : JSON.stringify(before) !== JSON.stringify(facts)) this.changed(state, undefined);
  }

  /** The case's facts changed (because of `source`, an open document, or of a file): re-check its open documents soon. */
  private changed(state: CaseState, source: string | undefined): void {
    state.others.clear();
    let sources = this.changedBy.get(state.root);
    if (!sources) this.changedBy.set(state.root, (sources = new Set()));
    sources.add(source);
    this.caseChanges.schedule(state.root, () => {
      const by = this.changedBy.get(state.root);
      this.changedBy.delete(state.root);
      // A document whose own facts were the only change has nothing new to check against.
      const only = by && by.size === 1 ? [...by][0] : undefined;
      if (state.live) this.host.recheck(state.root, only);
    });
  }

  /**
   * For editors that do not report file changes: watch each folder of the case (not recursively: Node 20 on Linux
   * would list and watch every file of the tree at once, in this thread). A new folder is watched and read as it appears.
   */
  private watch(state: CaseState, folder: string, depth: number): void {
    if (state.watchers.has(folder) || state.watchers.size >= MAX_CASE_FOLDERS) return;
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name && !name.toString().startsWith('.')) this.folderEvent(state, join(folder, name.toString()), depth);
      });
      watcher.on('error', () => this.unwatch(state, folder));
      state.watchers.set(folder, { watcher, depth });
    } catch {
      this.host.log(`case folder ${state.root}: a folder cannot be watched; changes on disk in it are seen when a document is opened again`);
    }
  }

  private unwatch(state: CaseState, folder: string): void {
    for (const [path, { watcher }] of state.watchers) {
      if (path === folder || path.startsWith(folder + sep)) {
        watcher.close();
        state.watchers.delete(path);
      }
    }
  }

  /** Something in a watched folder changed: a file is read again or forgotten; a new folder is watched and read. */
  private folderEvent(state: CaseState, path: string, parentDepth: number): void {
    const kind = kindOf(path);
    if (kind === 'folder') {
      if (state.watchers.has(path) || parentDepth + 1 > MAX_CASE_DEPTH) return;
      // Watched before it is listed: a file written into it between the two is then seen by one or the other.
      this.watch(state, path, parentDepth + 1);
      void listDocuments(path, MAX_CASE_DEPTH - parentDepth - 1).then((listing) => {
        if (!state.live || listing.tooMany) return;
        for (const folder of listing.folders) this.watch(state, folder.path, parentDepth + 1 + folder.depth);
        for (const file of listing.paths) this.fileChanged(file, false);
      });
      return;
    }
    if (kind === 'gone' && state.watchers.has(path)) {
      // A folder removed: what its files recorded goes with it.
      this.unwatch(state, path);
      let removed = false;
      for (const file of [...state.onDisk.keys()]) if (file.startsWith(path + sep)) removed = state.onDisk.delete(file) || removed;
      if (removed) this.changed(state, undefined);
      return;
    }
    this.fileChanged(path, kind === 'gone');
  }
}

function kindOf(path: string): 'file' | 'folder' | 'gone' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'gone';
  }
}

export interface DocumentListing {
  /** Documents found. */
  paths: string[];
  /** Folders walked (the root first), with their depth below the root. */
  folders: { path: string; depth: number }[];
  /** More than MAX_CASE_DOCUMENTS documents or MAX_CASE_FOLDERS folders: the walk stopped there. */
  tooMany: boolean;
  /** Some folders were deeper than the limit and were not read. */
  tooDeep: boolean;
  /** Folders that could not be listed. */
  unlisted: number;
}

/**
 * The documents below `root`, by extension, to `maxDepth` levels, stopping once there are more than
 * MAX_CASE_DOCUMENTS of them or MAX_CASE_FOLDERS folders. Hidden entries are skipped and linked folders are not
 * followed, so a loop cannot trap the walk; asynchronous, so it never holds up the editor's requests.
 */
export async function listDocuments(root: string, maxDepth: number): Promise<DocumentListing> {
  const out: DocumentListing = { paths: [], folders: [], tooMany: false, tooDeep: false, unlisted: 0 };
  const visit = async (dir: string, depth: number): Promise<void> => {
    out.folders.push({ path: dir, depth });
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      out.unlisted++;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (out.paths.length > MAX_CASE_DOCUMENTS || out.folders.length > MAX_CASE_FOLDERS) {
        out.tooMany = true;
        return;
      }
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth >= maxDepth) out.tooDeep = true;
        else await visit(path, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && formatFromPath(entry.name)) {
        out.paths.push(path);
      }
    }
  };
  await visit(root, 0);
  out.tooMany ||= out.paths.length > MAX_CASE_DOCUMENTS || out.folders.length > MAX_CASE_FOLDERS;
  return out;
}
