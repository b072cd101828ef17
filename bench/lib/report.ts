// Targets from issue 7, checked and printed as PASS/MISS. A miss is reported, never thrown:
// the run goes on and the summary says by how much.
import { round } from './stats';

export interface TargetCheck {
  name: string;
  pass: boolean;
  /** Actual vs limit in words, e.g. "0.12 <= 0.25". */
  detail: string;
}

export interface BenchResult {
  figures: Record<string, unknown>;
  targets: TargetCheck[];
}

export function atMost(name: string, actual: number, limit: number, unit = ''): TargetCheck {
  const pass = Number.isFinite(actual) && actual <= limit;
  return { name, pass, detail: `${round(actual)}${unit} <= ${round(limit)}${unit}` };
}

export function atLeast(name: string, actual: number, limit: number, unit = ''): TargetCheck {
  const pass = Number.isFinite(actual) && actual >= limit;
  return { name, pass, detail: `${round(actual)}${unit} >= ${round(limit)}${unit}` };
}

export function below(name: string, actual: number, limit: number, unit = ''): TargetCheck {
  const pass = Number.isFinite(actual) && actual < limit;
  return { name, pass, detail: `${round(actual)}${unit} < ${round(limit)}${unit}` };
}

/** `a / b`, NaN when b is 0 (a ratio over nothing is not a figure). */
export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : round(a / b);
}

export function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints rows of [label, ...cells] as aligned columns. */
export function table(rows: (string | number)[][]): void {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(round(c)) : c)));
  const widths = text[0]?.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of text) log(`  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`);
}

export function printTargets(targets: TargetCheck[]): void {
  for (const t of targets) log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.detail}`);
}
