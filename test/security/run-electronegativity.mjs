// Runs Electronegativity's scanner over one folder and prints its findings as JSON on
// stdout (one line), for test/security/electronegativity.test.ts. A child process, because
// the scanner sets up its own logger and translations globally.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
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
  output: undefined,
});
const findings = result.issues.map((issue) => ({
  check: issue.id,
  file: issue.file,
  line: issue.location.line,
  sample: issue.sample ?? '',
  severity: issue.severity.name ?? String(issue.severity.value),
  description: issue.description,
}));
process.stdout.write(JSON.stringify({ errors: result.errors.length, findings }) + '\n');
