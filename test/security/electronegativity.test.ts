// Electronegativity (Doyensec's Electron security scanner) over the shipped sources, for the
// Electron version we ship. Every finding must be listed in electronegativity-allowed.ts as
// a judged false positive; anything new fails here.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { ALLOWED_FINDINGS, type AllowedFinding } from './electronegativity-allowed';

const ROOT = resolve(import.meta.dirname, '../..');
const ELECTRON_VERSION = packageJson.devDependencies.electron;

interface Finding {
  check: string;
  file: string;
  line: number;
  sample: string;
  description: string;
}

const squash = (text: string): string => text.replace(/\s+/g, '');

export function isAllowed(finding: Finding, entry: AllowedFinding): boolean {
  if (entry.check !== finding.check || entry.file !== finding.file) return false;
  if (entry.snippet === undefined) return finding.sample.trim() === '';
  return squash(finding.sample).includes(squash(entry.snippet));
}

let scratch: string | null = null;
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The sources that ship (not tests, not the build output), copied so only they are read. */
async function shippedSources(): Promise<string> {
  scratch = await mkdtemp(join(tmpdir(), 'pika-electronegativity-'));
  for (const dir of ['main', 'preload', 'renderer']) {
    await cp(join(ROOT, dir), join(scratch, dir), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source) && !source.includes('node_modules'),
    });
  }
  await cp(join(ROOT, 'package.json'), join(scratch, 'package.json'));
  return scratch;
}

describe('Electronegativity', () => {
  it('finds nothing beyond the judged false positives', { timeout: 120_000 }, async () => {
    expect(ELECTRON_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    const input = await shippedSources();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'test/security/run-electronegativity.mjs'), input, ELECTRON_VERSION],
      { maxBuffer: 16 * 1024 * 1024, timeout: 110_000 },
    );
    const report = JSON.parse(stdout) as { errors: number; findings: Finding[] };
    expect(report.errors).toBe(0);
    // The scanner did read our sources: it always sees the window and the protocol handler.
    expect(report.findings.some((f) => f.file === 'main/app/electron/window.ts')).toBe(true);

    const unexpected = report.findings.filter(
      (f) => !ALLOWED_FINDINGS.some((e) => isAllowed(f, e)),
    );
    const stale = ALLOWED_FINDINGS.filter((e) => !report.findings.some((f) => isAllowed(f, e)));
    if (stale.length > 0) {
      console.warn(
        `Allowed Electronegativity findings no longer reported (delete them):\n${stale
          .map((e) => `  ${e.check} ${e.file} ${e.snippet ?? ''}`)
          .join('\n')}`,
      );
    }
    expect(
      unexpected.map((f) => `${f.check} ${f.file}:${f.line} ${f.sample} — ${f.description}`),
    ).toEqual([]);
  });

  it('gives a reason for every allowed finding', () => {
    for (const entry of ALLOWED_FINDINGS) {
      expect(entry.reason.length, `${entry.check} ${entry.file}`).toBeGreaterThan(30);
    }
  });
});
