// Where settings come from: workspace/configuration when the client supports it (asked once per document
// and cached until didChangeConfiguration), otherwise the settings pushed in initializationOptions or
// didChangeConfiguration. Equal settings share one object, so configs derived from them can be reused.
import { normalizeSettings, type Settings } from './settings.js';

export type ConfigurationFetcher = (uri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private readonly interned = new Map<string, Settings>();
  private pushed: Settings;

  constructor(
    private readonly fetch: ConfigurationFetcher | undefined,
    initial: unknown,
  ) {
    this.pushed = this.intern(normalizeSettings(initial));
  }

  get(uri: string): Promise<Settings> {
    if (!this.fetch) return Promise.resolve(this.pushed);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(
        (value) => this.intern(normalizeSettings(value ?? this.pushed)),
        () => this.pushed, // a client that fails the request still gets checked, with what it pushed
      );
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget what was fetched; remember what was pushed (if anything). */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    const section = typeof pushed === 'object' && pushed !== null ? (pushed as Record<string, unknown>).caselint : undefined;
    if (section !== undefined) this.pushed = this.intern(normalizeSettings(section));
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private intern(settings: Settings): Settings {
    const key = JSON.stringify(settings);
    const existing = this.interned.get(key);
    if (existing) return existing;
    this.interned.set(key, settings);
    return settings;
  }
}
