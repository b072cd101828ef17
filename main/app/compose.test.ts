// The connections composeApp makes, with the real tracker and client against the fake server.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakePika, type FakePika } from '../../test/fake-server';
import { TOKEN, useAppTestEnv } from './app-test-kit';
import { waitFor } from '../core/tasks/test-wait';
import { createNodeServices, type NodeServices } from './node-services';
import { appStatusOf } from './services';

let fake: FakePika;
let dir: string;
let app: NodeServices | null = null;

useAppTestEnv(
  'pika-compose-',
  (env) => ({ fake, dir } = env),
  async () => {
    await app?.close();
    app = null;
  },
);

describe('composed app', () => {
  it('a network failure while the OS is offline pauses polling; coming back polls everything', async () => {
    let osOnline = true;
    app = createNodeServices({
      storeDir: join(dir, 'store'),
      downloadDir: join(dir, 'Pika'),
      baseUrl: fake.url,
      token: TOKEN,
      settings: { autoDownload: false },
      pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 40 },
      isOnline: () => osOnline,
      onlineRecheckMs: 10,
    });
    const statusPushes: boolean[] = [];
    app.onStatusChanged(() => statusPushes.push(app!.services.status.online()));
    const id = fake.addTask({ queuedMs: 50, runMs: 100 });
    osOnline = false;
    fake.fault({ kind: 'reset' });
    await app.handlers['tasks:add'](id);
    await waitFor(() => !app!.services.status.online(), 'offline to be noticed', 5000);
    expect(app.tracker.status().paused).toBe(true);
    expect(appStatusOf(app.services)).toMatchObject({ online: false, paused: false });
    fake.clearFaults();
    const before = fake.requests.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(fake.requests.length).toBe(before); // no polling while offline

    osOnline = true;
    await waitFor(() => app!.services.status.online(), 'online again', 5000);
    expect(app.tracker.status().paused).toBe(false);
    await waitFor(() => app!.tracker.get(id)?.state === 'finished', 'the task to finish', 5000);
    // The renderer and tray were told both times.
    expect(statusPushes).toContain(false);
    expect(statusPushes.at(-1)).toBe(true);
  });

  it('timing settings reach the tracker; a new base URL (token confirmed for it) lifts a token pause', async () => {
    app = createNodeServices({
      storeDir: join(dir, 'store'),
      downloadDir: join(dir, 'Pika'),
      baseUrl: fake.url,
      token: 'pk-wrong-token-000000',
      pollOverrides: { firstPollMs: 5, floorMs: 20, capMs: 40 },
      // The user says yes to sending the token to the new gateway (issue 16).
      confirmTokenOrigin: () => true,
    });
    const id = fake.addTask({ queuedMs: 50, runMs: 100 });
    await app.handlers['tasks:add'](id);
    await waitFor(() => app!.tracker.status().tokenRejected, 'the 401', 5000);
    const other = await startFakePika({ token: 'pk-wrong-token-000000' });
    try {
      other.addTask({ id, queuedMs: 10, runMs: 20 });
      await app.handlers['settings:update']({ baseUrl: other.url });
      expect(app.calls.some((c) => c.method === 'confirmTokenOrigin')).toBe(true);
      expect(app.tracker.status().tokenRejected).toBe(false);
      await waitFor(
        () => app!.tracker.get(id)?.state === 'finished',
        'the task on the new gateway',
        5000,
      );
    } finally {
      await other.close();
    }
  });
});
