// Runs Electronegativity's scanner over one folder and prints its findings as JSON on
// stdout (one line), for test/security/electronegativity.test.ts. A child process, because
// the scanner sets up its own logger and translations globally.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The scanner asks GitHub for fresh translations before every run (1 s timeout, retried):
// tests talk only to 127.0.0.1, so its HTTP client answers "offline" at once instead. The
// bundled English texts are used, as the scanner does whenever the fetch fails.
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/runner.js'));
const gotPath = scannerRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline: tests reach only 127.0.0.1'));
offline.head = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const run = require('@doyensec/electronegativity/dist/runner.js');
const [input, electronVersion] = process.argv.slice(2);
// Its log lines (e.g. "no connectivity" for its releases check, which is offline-safe) go to
// stderr so stdout stays one JSON document.
console.log = (...args) => console.error(...args);
const result = await run({
  input,
  electronVersionOverride: electronVersion,
  isRelative: true,
  severitySet: undefined,
  confidenceSet: undefined,
  customScan: undefined,
  // The one check that reads the network (Electron's release list on GitHub, to say whether a
  // newer Electron has security fixes): unreachable from CI, and got has no timeout. Which
  // Electron we ship is decided in package.json, not by this scan.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  output: undefined,
});
// ELECTRON_VERSION_JSON_CHECK only reports the version it read, as input to the excluded
// check above; it is not a finding about our code.
const findings = result.issues
  .filter((issue) => issue.id !== 'ELECTRON_VERSION_JSON_CHECK')
  .map((issue) => ({
    check: issue.id,
    file: issue.file,
    line: issue.location.line,
    sample: issue.sample ?? '',
    severity: issue.severity.name ?? String(issue.severity.value),
    description: issue.description,
  }));
process.stdout.write(JSON.stringify({ errors: result.errors.length, findings }) + '\n');
