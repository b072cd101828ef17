// `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME...]` runs the named ones.
// Figures print as tables with PASS/MISS per target; the last line of output is one JSON
// object holding every figure, also written to bench-output/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildBenchWorkers } from './lib/bundle';
import { log, type BenchResult } from './lib/report';
import { runDownload } from './download';
import { runIdle } from './idle';
import { runPersistence } from './persistence';
import { runPolling } from './polling';
import { runRenderer } from './renderer';

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  polling: runPolling,
  download: runDownload,
  persistence: runPersistence,
  idle: runIdle,
  renderer: runRenderer,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`,
    );
    process.exit(2);
  }
  const names = asked.length > 0 ? asked : Object.keys(BENCHES);
  const startedAt = Date.now();
  const out: Record<string, unknown> = {
    machine: { cpus: cpus().length, node: process.version },
    command: `npm run bench${asked.length > 0 ? ` -- ${asked.join(' ')}` : ''}`,
  };
  const misses: string[] = [];
  // Measured workers run as the built JS users run, not through the dev-time TS loader.
  await buildBenchWorkers();
  for (const name of names) {
    log(`\n== ${name} ==`);
    const bench = BENCHES[name] as () => Promise<BenchResult>;
    const t0 = Date.now();
    try {
      const result = await bench();
      out[name] = {
        ...result.figures,
        targets: result.targets,
        benchSeconds: (Date.now() - t0) / 1000,
      };
      for (const t of result.targets) if (!t.pass) misses.push(`${t.name}: ${t.detail}`);
    } catch (error) {
      // One broken bench does not hide the others' figures.
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`${name} failed: ${message}`);
      out[name] = { error: message.split('\n')[0] };
      misses.push(`${name}: failed to run`);
    }
  }
  out.benchSeconds = (Date.now() - startedAt) / 1000;
  out.misses = misses;
  log(`\n${misses.length === 0 ? 'All targets met.' : `Targets missed: ${misses.length}`}`);
  for (const m of misses) log(`  MISS ${m}`);
  const dir = fileURLToPath(new URL('../bench-output/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(out);
  writeFileSync(`${dir}latest.json`, `${JSON.stringify(out, null, 2)}\n`);
  log(json);
}

await main();
