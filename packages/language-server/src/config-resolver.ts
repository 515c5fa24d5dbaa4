// The configuration a document is checked with: the workspace's .caselintrc* (found upward from the file,
// exactly as the CLI finds it), with the editor settings layered on top. Cached per folder, because
// looking for config files on every keystroke would cost more than the lint; cleared when a config
// file or the settings change.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, clearConfigCache, loadConfig, resolveConfig, type ResolvedConfig } from '@caselint/core';
import { withLayer } from '@caselint/core/policy';
import { settingsToRawConfig, type Settings } from './settings.js';

export interface DocumentConfig {
  config: ResolvedConfig;
  /** Set when the workspace's config file is invalid; the document is then checked with the editor settings alone. */
  error?: { message: string; file?: string; key?: string };
}

/** The file-system path of a `file:` URI, or undefined for untitled and virtual documents. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class ConfigResolver {
  private readonly fileConfigs = new Map<string, { config?: ResolvedConfig; error?: DocumentConfig['error'] }>();

  /** Editor settings layered over the file config, per folder, for the settings object they were made from. */
  private readonly layered = new Map<string, { settings: Settings; result: DocumentConfig }>();

  /** Forget cached config files (a .caselintrc* changed on disk). */
  clear(): void {
    this.fileConfigs.clear();
    this.layered.clear();
    clearConfigCache(); // the engine caches config files per folder too
  }

  /** Returns the same object while nothing changed, so callers can keep caches keyed on it. */
  resolve(uri: string, settings: Settings): DocumentConfig {
    const path = filePathOf(uri);
    const key = path ? dirname(path) : '';
    const memo = this.layered.get(key);
    if (memo && memo.settings === settings) return memo.result;
    const result = this.compute(path, settings);
    this.layered.set(key, { settings, result });
    return result;
  }

  private compute(path: string | undefined, settings: Settings): DocumentConfig {
    const editorLayer = settingsToRawConfig(settings);
    if (!path) return { config: resolveConfig(editorLayer ?? {}) };
    const file = this.fileConfig(path);
    if (!file.config) return { config: resolveConfig(editorLayer ?? {}), error: file.error };
    return { config: withLayer(file.config, editorLayer) };
  }

  private fileConfig(path: string): { config?: ResolvedConfig; error?: DocumentConfig['error'] } {
    const folder = dirname(path);
    let entry = this.fileConfigs.get(folder);
    if (!entry) {
      try {
        // Every file in a folder finds the same config files, so one lookup serves the folder.
        entry = { config: loadConfig(path) };
      } catch (error) {
        if (error instanceof ConfigError) {
          entry = { error: { message: error.message, file: error.file, key: error.key } };
        } else {
          entry = { error: { message: error instanceof Error ? error.message : String(error) } };
        }
      }
      this.fileConfigs.set(folder, entry);
    }
    return entry;
  }
}
