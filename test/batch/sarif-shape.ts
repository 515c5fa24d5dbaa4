// A focused structural check of SARIF 2.1.0 for the parts caselint emits (no network, no schema download):
// required properties, types, enumerations, index consistency, and no properties the schema does not define.

type Obj = Record<string, unknown>;
const LEVELS = ['none', 'note', 'warning', 'error'];

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
  const keys = (where: string, o: Obj, allowed: string[]) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(where, `unexpected property "${k}"`);
  };
  const message = (where: string, m: unknown) => {
    if (!isObj(m) || typeof m.text !== 'string' || m.text.length === 0) fail(where, 'message needs non-empty text');
  };
  const uri = (where: string, u: unknown) => {
    if (typeof u !== 'string' || u.length === 0) return fail(where, 'uri must be a non-empty string');
    try {
      new URL(u, 'file:///base/');
    } catch {
      fail(where, `not a URI reference: ${u}`);
    }
  };
  const posInt = (where: string, v: unknown, min = 1) => {
    if (!Number.isInteger(v) || (v as number) < min) fail(where, `must be an integer >= ${min} (got ${String(v)})`);
  };
  const physical = (where: string, p: unknown, needRegion: boolean) => {
    if (!isObj(p)) return fail(where, 'physicalLocation must be an object');
    keys(where, p, ['artifactLocation', 'region', 'contextRegion', 'address', 'properties']);
    if (!isObj(p.artifactLocation)) return fail(where, 'artifactLocation required');
    keys(`${where}.artifactLocation`, p.artifactLocation, ['uri', 'uriBaseId', 'index', 'description', 'properties']);
    uri(`${where}.artifactLocation.uri`, p.artifactLocation.uri);
    if (p.region === undefined) {
      if (needRegion) fail(where, 'region required');
      return;
    }
    if (!isObj(p.region)) return fail(where, 'region must be an object');
    const r = p.region;
    keys(`${where}.region`, r, ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties']);
    posInt(`${where}.region.startLine`, r.startLine);
    posInt(`${where}.region.startColumn`, r.startColumn);
    posInt(`${where}.region.endLine`, r.endLine);
    posInt(`${where}.region.endColumn`, r.endColumn);
    if ((r.endLine as number) < (r.startLine as number)) fail(where, 'endLine before startLine');
    if (r.endLine === r.startLine && (r.endColumn as number) < (r.startColumn as number)) fail(where, 'endColumn before startColumn');
  };

  if (!isObj(log)) return ['log is not an object'];
  keys('log', log, ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties']);
  if (log.version !== '2.1.0') fail('log.version', 'must be "2.1.0"');
  if (log.$schema !== undefined) uri('log.$schema', log.$schema);
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...problems, 'log.runs must be a non-empty array'];
  log.runs.forEach((run: unknown, ri: number) => {
    const w = `runs[${ri}]`;
    if (!isObj(run)) return fail(w, 'not an object');
    keys(w, run, ['tool', 'invocations', 'originalUriBaseIds', 'results', 'columnKind', 'artifacts', 'properties', 'automationDetails']);
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string)) fail(w, 'bad columnKind');
    if (run.originalUriBaseIds !== undefined) {
      if (!isObj(run.originalUriBaseIds)) fail(w, 'originalUriBaseIds must be an object');
      else for (const [k, v] of Object.entries(run.originalUriBaseIds)) {
        if (!isObj(v)) fail(`${w}.originalUriBaseIds.${k}`, 'must be an artifactLocation');
        else if (typeof v.uri !== 'string' || !v.uri.endsWith('/')) fail(`${w}.originalUriBaseIds.${k}`, 'uri must end with a slash');
      }
    }
    const tool = run.tool;
    if (!isObj(tool) || !isObj(tool.driver)) return fail(w, 'tool.driver required');
    const driver = tool.driver;
    keys(`${w}.tool.driver`, driver, ['name', 'version', 'semanticVersion', 'informationUri', 'rules', 'fullName', 'organization', 'properties']);
    if (typeof driver.name !== 'string' || !driver.name) fail(`${w}.tool.driver.name`, 'required');
    const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]) : [];
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const rw = `${w}.tool.driver.rules[${i}]`;
      if (!isObj(rule)) return fail(rw, 'not an object');
      keys(rw, rule, ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties']);
      if (typeof rule.id !== 'string' || !rule.id) fail(rw, 'id required');
      if (ids.has(rule.id as string)) fail(rw, 'duplicate id');
      ids.add(rule.id as string);
      message(`${rw}.shortDescription`, rule.shortDescription);
      if (rule.fullDescription !== undefined) message(`${rw}.fullDescription`, rule.fullDescription);
      if (rule.help !== undefined) message(`${rw}.help`, rule.help);
      if (rule.helpUri !== undefined) {
        try {
          new URL(rule.helpUri as string);
        } catch {
          fail(`${rw}.helpUri`, 'must be an absolute URI');
        }
      }
      const level = isObj(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (level !== undefined && !LEVELS.includes(level as string)) fail(`${rw}.defaultConfiguration.level`, 'bad level');
    });
    if (!Array.isArray(run.invocations) || !isObj(run.invocations[0])) fail(w, 'invocations[0] expected');
    else {
      const inv = run.invocations[0] as Obj;
      keys(`${w}.invocations[0]`, inv, ['executionSuccessful', 'toolExecutionNotifications', 'exitCode', 'properties']);
      if (typeof inv.executionSuccessful !== 'boolean') fail(`${w}.invocations[0].executionSuccessful`, 'boolean required');
      ((inv.toolExecutionNotifications as unknown[]) ?? []).forEach((n, i) => {
        const nw = `${w}.invocations[0].toolExecutionNotifications[${i}]`;
        if (!isObj(n)) return fail(nw, 'not an object');
        keys(nw, n, ['level', 'message', 'descriptor', 'locations', 'properties']);
        message(nw, n.message);
        if (!LEVELS.includes(n.level as string)) fail(nw, 'bad level');
        for (const l of (n.locations as unknown[]) ?? []) physical(`${nw}.locations`, (l as Obj).physicalLocation, false);
      });
    }
    if (!Array.isArray(run.results)) return fail(w, 'results must be an array');
    (run.results as unknown[]).forEach((res, i) => {
      const rw = `${w}.results[${i}]`;
      if (!isObj(res)) return fail(rw, 'not an object');
      keys(rw, res, ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'relatedLocations', 'partialFingerprints', 'properties']);
      message(rw, res.message);
      if (!LEVELS.includes(res.level as string)) fail(rw, 'bad level');
      if (res.ruleIndex !== undefined) {
        posInt(`${rw}.ruleIndex`, res.ruleIndex, 0);
        const rule = rules[res.ruleIndex as number] as Obj | undefined;
        if (!rule || rule.id !== res.ruleId) fail(rw, 'ruleIndex does not point at ruleId');
      }
      if (!Array.isArray(res.locations) || res.locations.length === 0) fail(rw, 'a location is required (GitHub code scanning)');
      else for (const l of res.locations) physical(`${rw}.locations`, (l as Obj).physicalLocation, true);
      const seen = new Set<number>();
      for (const rel of (res.relatedLocations as unknown[]) ?? []) {
        if (!isObj(rel)) {
          fail(`${rw}.relatedLocations`, 'not an object');
          continue;
        }
        keys(`${rw}.relatedLocations`, rel, ['id', 'message', 'physicalLocation', 'properties']);
        posInt(`${rw}.relatedLocations.id`, rel.id, 0);
        if (seen.has(rel.id as number)) fail(`${rw}.relatedLocations`, 'duplicate id');
        seen.add(rel.id as number);
        message(`${rw}.relatedLocations`, rel.message);
        physical(`${rw}.relatedLocations`, rel.physicalLocation, true);
      }
    });
  });
  return problems;
}
