// `renderer`: the built renderer and the real preload in Chromium (the e2e harness: real
// main-process services behind Playwright bindings), with 1,000 and 10,000 tasks in the
// store. Time to first render: navigation start to the first frame after the task cards
// appear. Then 100 progress patches per second for 5 s (10 batches of 10, as the app's task
// feed coalesces them every 100 ms), sent through the preload's own event path; each frame's
// main-thread work is measured in the page, against the same page with no updates.
// Every other task is finished, with a poster the fake server really serves (through main's
// app://poster route, as in the app); the 10,000 case runs in the list and in the grid.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TaskLayout } from '../main/core/settings';
import type { TrackedTask } from '../main/core/tasks/model';
import type { FakePika } from '../test/fake-server/index';
import { BRIDGE_KEY } from '../preload/contract';
import { startHarness, stopBrowser } from '../test/e2e/harness/app-harness';
import { ensureBuilt, RENDERER_DIR } from '../test/e2e/harness/ensure-build';
import { EMIT_FUNCTION } from '../test/e2e/harness/preload-shim';
import { atMost, below, log, printTargets, table, type BenchResult } from './lib/report';
import { percentile, round } from './lib/stats';

const RUNS: { tasks: number; layout: TaskLayout }[] = [
  { tasks: 1000, layout: 'list' },
  { tasks: 10_000, layout: 'list' },
  { tasks: 10_000, layout: 'grid' },
];
const UPDATE_SECONDS = 5;

function benchTasks(count: number, fake: FakePika): TrackedTask[] {
  const base = Date.now() - 600_000;
  return Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const progress = i % 99;
    if (i % 2 === 1) {
      // Finished, with the fake CDN's real JPEG thumbnail as its poster.
      fake.addTask({ id, queuedMs: 0, runMs: 0 });
      return {
        id,
        promptText: `Bench task ${i}: a lighthouse in a storm, waves breaking over the rocks`,
        videos: [
          {
            id,
            status: 'finished',
            state: 'finished' as const,
            progress: 100,
            seed: i,
            resultUrl: `${fake.url}/cdn/v1/${id}/video.mp4`,
            sharingUrl: null,
            videoPoster: `${fake.url}/cdn/v1/${id}/poster.jpg`,
            imageThumb: `${fake.url}/cdn/v1/${id}/thumbnail.jpg`,
            duration: 5,
            error: null,
          },
        ],
        state: 'finished' as const,
        progress: 100,
        addedAt: base + i,
        lastCheckedAt: base + i,
        endedAt: base + i + 1000,
        lastError: null,
        attempts: 1,
        downloads: {},
        seen: true,
      };
    }
    return {
      id,
      promptText: `Bench task ${i}: a lighthouse in a storm, waves breaking over the rocks`,
      videos: [
        {
          id,
          status: 'pending',
          state: 'running' as const,
          progress,
          seed: i,
          resultUrl: null,
          sharingUrl: null,
          videoPoster: null,
          imageThumb: null,
          duration: 5,
          error: null,
        },
      ],
      state: 'running' as const,
      progress,
      addedAt: base + i,
      lastCheckedAt: base + i,
      endedAt: null,
      lastError: null,
      attempts: 1,
      downloads: {},
      seen: true,
    };
  });
}

// In the page: when the first task card appears, the first frame after it is the first render.
const FIRST_RENDER_PROBE = `(() => {
  const bridge = window.${BRIDGE_KEY};
  try {
    const list = bridge.tasks.list;
    bridge.tasks.list = (...args) => (window.__listAsked ??= performance.now(), list(...args)).then((r) => { window.__listAnswered = performance.now(); return r; });
  } catch {}
  const seen = () => document.querySelector('[data-task-id]');
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__firstRender = performance.now(); }));
  const watch = () => {
    if (seen()) return mark();
    const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); mark(); } });
    mo.observe(document, { childList: true, subtree: true });
  };
  watch();
})()`;

/**
 * In the page, for `seconds`: frame work = script time of the update batches since the last
 * frame + the frame's own time (from its rAF to a task posted from it, which runs after style,
 * layout and paint). `ids` null = no updates (the baseline).
 */
function measureScript(ids: { top: string[]; all: string[] } | null, seconds: number): string {
  return `new Promise((resolve) => {
  const ids = ${JSON.stringify(ids)};
  const emit = window.${EMIT_FUNCTION};
  const frames = [], batches = [];
  let stop = false, tick = 0;
  const mc = new MessageChannel();
  let after = null;
  mc.port1.onmessage = () => { const f = after; after = null; if (f) f(); };
  const frame = () => {
    if (stop) return;
    const start = performance.now();
    // A task posted from rAF runs once the frame's style, layout and paint are done.
    after = () => frames.push([start, performance.now() - start]);
    mc.port2.postMessage(0);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let timer = null;
  if (ids) {
    timer = setInterval(() => {
      tick++;
      const batch = [];
      for (let k = 0; k < 10; k++) {
        const id = k < 5 ? ids.top[(tick * 5 + k) % ids.top.length] : ids.all[Math.floor(Math.random() * ids.all.length)];
        const progress = (tick + k) % 99;
        batch.push({ type: 'patch', id, patch: { progress, lastCheckedAt: Date.now(), attempts: tick,
          videos: [{ id, status: 'pending', state: 'running', progress, seed: 1, resultUrl: null, sharingUrl: null, videoPoster: null, imageThumb: null, duration: 5, error: null }] } });
      }
      const t0 = performance.now();
      emit('tasks:changed', batch);
      // Preact renders in a microtask: a posted task runs after it.
      setTimeout(() => batches.push([t0, performance.now() - t0]), 0);
    }, 100);
  }
  setTimeout(() => { stop = true; if (timer) clearInterval(timer); resolve({ frames, batches }); }, ${seconds * 1000});
})`;
}

/** Each frame's work: its own (rAF to after paint) plus the update batches that started
 * since the previous frame began, which held the main thread before it could draw. */
function frameWork(m: Measured): number[] {
  return m.frames.map(([start, own], i) => {
    const prev = i === 0 ? -Infinity : (m.frames[i - 1] as [number, number])[0];
    const script = m.batches.filter(([t]) => t >= prev && t < start).reduce((a, [, d]) => a + d, 0);
    return own + script;
  });
}

interface Measured {
  /** [rAF start, ms until after paint] */
  frames: [number, number][];
  /** [start, ms of script incl. the render it caused] */
  batches: [number, number][];
}

const intervalsOf = (m: Measured): number[] =>
  m.frames.slice(1).map(([t], i) => t - (m.frames[i] as [number, number])[0]);

async function measureSize(count: number, layout: TaskLayout): Promise<Record<string, number>> {
  let tasks: TrackedTask[] = [];
  const h = await startHarness({
    seedStore: (dir, fake) => {
      tasks = benchTasks(count, fake);
      writeFileSync(join(dir, 'tasks.json'), JSON.stringify({ version: 1, tasks }));
    },
    // No polls during the bench: the list is measured, not the tracker.
    services: {
      pollOverrides: { firstPollMs: 3_600_000, floorMs: 3_600_000, capMs: 3_600_000 },
      settings: { taskLayout: layout, autoDownload: false },
    },
  });
  try {
    const { page } = h;
    // The harness's first load asked for the list too: let that answer arrive before the
    // reload, or the new page waits behind it on the test bridge's one connection (its load
    // event came 2.5 s late at 10,000 tasks, the list's own trip).
    await page.locator('[data-task-id]').first().waitFor({ timeout: 60_000 });
    await page.addInitScript({ content: FIRST_RENDER_PROBE });
    await page.reload();
    await page.waitForFunction(
      () => (globalThis as { __firstRender?: number }).__firstRender !== undefined,
      null,
      { timeout: 60_000 },
    );
    const firstRenderMs = (await page.evaluate('window.__firstRender')) as number;
    const listAnsweredMs = (await page.evaluate('window.__listAnswered ?? null')) as number | null;
    const listAskedMs = (await page.evaluate('window.__listAsked ?? null')) as number | null;
    await page.getByRole('radio', { name: /All/ }).waitFor();
    // The posters in view have arrived through app://poster before measuring.
    await page.locator('.poster-loaded').first().waitFor({ timeout: 30_000 });
    const running = tasks.filter((t) => t.state === 'running');
    const top = [...running]
      .sort((a, b) => b.addedAt - a.addedAt)
      .slice(0, 20)
      .map((t) => t.id);
    const all = running.map((t) => t.id);
    const idle = (await page.evaluate(measureScript(null, 2))) as Measured;
    const busy = (await page.evaluate(measureScript({ top, all }, UPDATE_SECONDS))) as Measured;
    // The list's trip through the bridge stand-in (Playwright binding + JSON over CDP), which
    // Electron's IPC does with a structured clone: part of first render here, not in the app.
    const listTripMs = (await page.evaluate(
      `(async () => { const t0 = performance.now(); await window.${BRIDGE_KEY}.tasks.list(); return performance.now() - t0; })()`,
    )) as number;
    const cards = (await page.evaluate(
      'document.querySelectorAll("[data-task-id]").length',
    )) as number;
    const postersShown = (await page.evaluate(
      'document.querySelectorAll(".poster-loaded").length',
    )) as number;
    return {
      tasks: count,
      grid: layout === 'grid' ? 1 : 0,
      postersShown,
      firstRenderMs: round(firstRenderMs, 1),
      // From navigation to the renderer asking for the list.
      listAskedMs: listAskedMs === null ? Number.NaN : round(listAskedMs, 1),
      listTripMs: round(listTripMs, 1),
      // From the list's answer in the page to the first frame showing it: the renderer's part.
      renderAfterListMs:
        listAnsweredMs === null ? Number.NaN : round(firstRenderMs - listAnsweredMs, 1),
      listJsonMb: round(JSON.stringify(tasks).length / 1024 / 1024, 2),
      cardsInPage: cards,
      frameWorkP95Ms: round(percentile(frameWork(busy), 95), 2),
      frameWorkP50Ms: round(percentile(frameWork(busy), 50), 2),
      idleFrameWorkP95Ms: round(percentile(frameWork(idle), 95), 2),
      frameIntervalP95Ms: round(percentile(intervalsOf(busy), 95), 2),
      idleFrameIntervalP95Ms: round(percentile(intervalsOf(idle), 95), 2),
      batchScriptP50Ms: round(
        percentile(
          busy.batches.map(([, d]) => d),
          50,
        ),
        2,
      ),
      batchScriptP95Ms: round(
        percentile(
          busy.batches.map(([, d]) => d),
          95,
        ),
        2,
      ),
      batches: busy.batches.length,
      frames: busy.frames.length,
    };
  } finally {
    await h.close();
  }
}

export function bundleGzipKb(): { files: number; rawKb: number; gzipKb: number } {
  const dir = join(RENDERER_DIR, 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, rawKb: round(raw / 1024, 1), gzipKb: round(gz / 1024, 1) };
}

export async function runRenderer(): Promise<BenchResult> {
  log(
    'renderer: built renderer in Chromium, 1,000 and 10,000 tasks (half with posters), list and grid, 100 progress patches/s',
  );
  await ensureBuilt();
  const sizes: Record<string, number>[] = [];
  try {
    for (const run of RUNS) sizes.push(await measureSize(run.tasks, run.layout));
  } finally {
    await stopBrowser();
  }
  const bundle = bundleGzipKb();
  const keys = Object.keys(sizes[0] ?? {}).filter((k) => k !== 'tasks');
  table([
    ['', ...sizes.map((s) => `${s.tasks} ${s.grid ? 'grid' : 'list'}`)],
    ...keys.map((k) => [k, ...sizes.map((s) => s[k] ?? Number.NaN)]),
  ]);
  log(`  renderer JS: ${bundle.files} file(s), ${bundle.rawKb} KB, ${bundle.gzipKb} KB gzipped`);
  const big = sizes.find((s) => s.tasks === 10_000 && !s.grid) ?? {};
  const grid = sizes.find((s) => s.tasks === 10_000 && s.grid) ?? {};
  const targets = [
    below(
      'renderer: frame work p95 at 10,000 tasks with posters, list, 100 updates/s',
      big.frameWorkP95Ms ?? NaN,
      16,
      ' ms',
    ),
    below(
      'renderer: frame work p95 at 10,000 tasks with posters, grid, 100 updates/s',
      grid.frameWorkP95Ms ?? NaN,
      16,
      ' ms',
    ),
    atMost('renderer: JS bundle gzipped (both catalogs)', bundle.gzipKb, 35, ' KB'),
  ];
  printTargets(targets);
  return {
    figures: {
      ...Object.fromEntries(sizes.map((s) => [`tasks${s.tasks}${s.grid ? 'Grid' : ''}`, s])),
      bundle,
    },
    targets,
  };
}
