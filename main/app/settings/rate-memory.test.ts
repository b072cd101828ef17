// The learnt request rate kept per gateway origin in the real settings file (conf on disk),
// and the app composed twice over the same folder: the second start begins where the first
// one's 429 left the rate.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../../test/fake-server/index';
import { waitFor } from '../../core/tasks/test-wait';
import { createNodeServices, type NodeServices } from '../node-services';
import { RATE_KEY, createRateMemory } from './rate-memory';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pika-rate-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const openConf = () =>
  new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'pika' });

describe('rate memory', () => {
  it('keeps one entry per gateway origin, on disk, and ignores what it cannot read', () => {
    let baseUrl = 'https://api.gpt.ge/';
    const memory = createRateMemory({ store: openConf(), baseUrl: () => baseUrl, now: () => 5 });
    expect(memory.load()).toBeNull();
    memory.save({ max: 84, windowMs: 60_000, limited: true });
    baseUrl = 'https://other.example:8443/v1';
    expect(memory.load()).toBeNull();
    memory.save({ max: 300, windowMs: 60_000, limited: false });
    // A new reader of the same file (a restart).
    const again = createRateMemory({ store: openConf(), baseUrl: () => 'https://api.gpt.ge' });
    expect(again.load()).toEqual({ max: 84, windowMs: 60_000, limited: true });
    expect(openConf().get(RATE_KEY)).toEqual({
      'https://api.gpt.ge': { max: 84, windowMs: 60_000, limited: true, learntAt: 5 },
      'https://other.example:8443': { max: 300, windowMs: 60_000, limited: false, learntAt: 5 },
    });
    openConf().set(RATE_KEY, { 'https://api.gpt.ge': { max: 'lots', windowMs: 60_000 } });
    expect(again.load()).toBeNull();
    openConf().set(RATE_KEY, 'garbage');
    expect(again.load()).toBeNull();
  });
});

describe('the app remembers what a gateway allowed across a restart', () => {
  let fake: FakePika;
  let app: NodeServices | undefined;
  beforeEach(async () => {
    fake = await startFakePika();
  });
  afterEach(async () => {
    await app?.close();
    await fake.close();
  });

  const start = () =>
    createNodeServices({
      storeDir: dir,
      downloadDir: join(dir, 'videos'),
      baseUrl: fake.url,
      token: fake.token,
      pollOverrides: { firstPollMs: 0, floorMs: 20, capMs: 200 },
    });

  it('a 429 cuts the rate, and the next start begins from the cut rate', async () => {
    app = start();
    expect(app.tracker.learntRate()).toMatchObject({ max: 3_000, limited: false });
    fake.fault({ kind: 'rate-limit', count: 1 });
    const id = fake.addTask({ queuedMs: 0, runMs: 5_000 });
    app.tracker.add([id]);
    await waitFor(() => app!.tracker.learntRate().limited, 'the 429 to be learnt from');
    const learnt = app.tracker.learntRate();
    expect(learnt.max).toBeLessThan(3_000);
    await app.close();
    app = start();
    expect(app.tracker.learntRate()).toEqual(learnt);
  });

  it("the user's cap from Settings bounds the rate at once", async () => {
    app = start();
    app.services.settings.update({ pollMaxPerMin: 30 });
    expect(app.tracker.learntRate().max).toBe(30);
    app.services.settings.update({ pollMaxPerMin: 0 });
    expect(app.tracker.learntRate().max).toBe(30); // no cap: it grows back as it learns
  });
});
