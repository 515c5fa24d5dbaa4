// office-addin-mock imports office-addin-manifest only for this enum; the real package also sets up usage-data
// reporting when imported, so the fake Word is bundled with this stand-in instead (no telemetry, runs in a page).
export enum OfficeApp {
  Excel = 'excel',
  OneNote = 'onenote',
  Outlook = 'outlook',
  PowerPoint = 'powerpoint',
  Project = 'project',
  Word = 'word',
}
