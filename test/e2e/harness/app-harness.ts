// The whole app minus Electron: the built renderer and the real preload in Chromium, talking
// through Playwright bindings to the REAL main-process router, handlers, task feed, tracker
// and HTTP client, which poll the real fake Pika server. Only Electron's own objects (shell,
// clipboard, dialog, window, drag) are stand-ins, recording what they were asked.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { createDragStart } from '../../../main/app/downloads/drag-out';
import { createSenderCheck } from '../../../main/app/ipc/trusted-sender';
import type { IpcSenderInfo } from '../../../main/app/ipc/handler-types';
import { createIpcRouter, type IpcRouter } from '../../../main/app/ipc/router';
import { createTaskFeed } from '../../../main/app/ipc/task-feed';
import {
  createNodeServices,
  type NodeServices,
  type NodeServicesOptions,
} from '../../../main/app/node-services';
import { appStatusOf } from '../../../main/app/services';
import type { CreditView, EventChannels, VideoRef } from '../../../preload/contract';
import { creditViewFor } from '../../../main/app/handlers/credit';
import { startFakePika, type FakePika, type FakePikaOptions } from '../../fake-server/index';
import { launchChromium, type LaunchedBrowser } from './browser';
import { ensureBuilt, RENDERER_DIR } from './ensure-build';
import { EMIT_FUNCTION, INVOKE_BINDING, preloadInitScript, SEND_BINDING } from './preload-shim';
import { serveStatic, type AppSchemeHandler, type StaticServer } from './static-server';
import { createPosterCache } from '../../../main/app/downloads/poster-cache';
import { resolveFileSync } from '../../../main/app/downloads/resolve-file';
import { appRoutes } from '../../../main/app/scheme/app-routes';
import { createSchemeHandler } from '../../../main/app/scheme/app-scheme';
import { createRemoteMedia } from '../../../main/app/scheme/remote-media';
import { mediaAccessFor } from '../../../main/core/http/media-access';

export interface HarnessOptions {
  fake?: FakePikaOptions;
  /** Save this token before the window opens; null = first run without a token. */
  token?: string | null;
  /** The gateway the app starts with (and the token is saved for); default the fake server. */
  baseUrl?: string;
  services?: Partial<Omit<NodeServicesOptions, 'storeDir' | 'downloadDir' | 'baseUrl' | 'token'>>;
  colorScheme?: 'light' | 'dark';
  /** Runs before the services open the store folder (e.g. to leave a corrupt tasks.json). */
  seedStore?: (storeDir: string, fake: FakePika) => void | Promise<void>;
}

export interface Harness {
  page: Page;
  fake: FakePika;
  app: NodeServices;
  /** Drags main was asked to start, with the file it resolved. */
  drags: { ref: VideoRef; path: string }[];
  /** Channels the router refused (sender or argument checks). */
  refused: string[];
  /** Uncaught errors and console errors seen in the page. */
  pageErrors: string[];
  emit<C extends keyof EventChannels>(channel: C, payload: EventChannels[C]): Promise<void>;
  close(): Promise<void>;
}

// One Chromium (with its fresh profile) serves every test of a file; each test gets its own
// page, services and fake server. Bindings find the test's router by the calling page.
let shared: Promise<LaunchedBrowser> | null = null;
const routes = new Map<Page, IpcRouter<IpcSenderInfo>>();

function senderOf(source: { frame: Frame; page: Page }): IpcSenderInfo {
  return {
    webContentsId: 1,
    frameUrl: source.frame.url(),
    isMainFrame: source.frame === source.page.mainFrame(),
  };
}

function routerFor(page: Page): IpcRouter<IpcSenderInfo> {
  const router = routes.get(page);
  if (!router) throw new Error('This page has no app behind it (its test has ended).');
  return router;
}

async function sharedContext(): Promise<BrowserContext> {
  shared ??= (async () => {
    const browser = await launchChromium({});
    const { context } = browser;
    await context.exposeBinding(INVOKE_BINDING, (source, channel: string, args: unknown[]) =>
      routerFor(source.page).invoke(channel, senderOf(source), args),
    );
    await context.exposeBinding(SEND_BINDING, (source, channel: string, args: unknown[]) => {
      routerFor(source.page).send(channel, senderOf(source), args);
    });
    await context.addInitScript({ content: preloadInitScript() });
    return browser;
  })();
  return (await shared).context;
}

/** Closes the file's Chromium; call it from afterAll. */
export async function stopBrowser(): Promise<void> {
  const browser = shared;
  shared = null;
  routes.clear();
  if (browser) await (await browser).close();
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  await ensureBuilt();
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn();
  };
  try {
    const dir = await mkdtemp(join(tmpdir(), 'pika-e2e-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const fake = await startFakePika(options.fake);
    cleanups.push(() => fake.close());
    // app://poster and app://video: main's real route table, reached at /app/<host>/.
    let scheme: AppSchemeHandler | null = null;
    const web: StaticServer = await serveStatic(RENDERER_DIR, { app: () => scheme });
    cleanups.push(() => web.close());

    const storeDir = join(dir, 'store');
    await mkdir(storeDir, { recursive: true });
    await options.seedStore?.(storeDir, fake);
    const app = createNodeServices({
      storeDir,
      downloadDir: join(dir, 'downloads'),
      baseUrl: options.baseUrl ?? fake.url,
      ...(options.token === null ? {} : { token: options.token ?? fake.token }),
      // Test-speed timing the user cannot set: first poll at once, short gaps.
      pollOverrides: { firstPollMs: 20, floorMs: 150, capMs: 400 },
      clientTimeoutMs: 3000,
      ...options.services,
    });
    cleanups.push(() => app.close());
    // As main/app/index.ts wires them: posters and streamed videos go through the app's
    // network layer (Settings -> Network) with the gateway's host guard.
    const access = () => mediaAccessFor(app.network.http, app.services.settings.get().baseUrl);
    const posters = createPosterCache({ dir: join(dir, 'posters'), tracker: app.tracker, access });
    cleanups.push(() => posters.close());
    scheme = createSchemeHandler(
      appRoutes({
        rendererDir: RENDERER_DIR,
        media: {
          tracker: app.tracker,
          posters,
          resolveFile: (ref) =>
            resolveFileSync(app.tracker, app.services.settings.get().downloadDir, ref),
          remote: createRemoteMedia({ access }),
        },
      }),
    );

    const context = await sharedContext();
    const page = await context.newPage();
    cleanups.push(() => {
      routes.delete(page);
      return page.close().catch(() => undefined);
    });
    await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') {
        pageErrors.push(m.text());
      }
    });

    // main -> renderer, in order: one evaluate at a time.
    let delivery = Promise.resolve();
    const emit = <C extends keyof EventChannels>(channel: C, payload: EventChannels[C]) => {
      delivery = delivery
        .then(() =>
          page.evaluate(
            ([fn, c, p]) =>
              (globalThis as unknown as Record<string, (c: string, p: unknown) => void>)[fn]!(c, p),
            [EMIT_FUNCTION, channel, payload] as const,
          ),
        )
        .then(
          () => undefined,
          () => undefined, // the page is closing
        );
      return delivery;
    };

    const drags: Harness['drags'] = [];
    const refused: string[] = [];
    const router = createIpcRouter<IpcSenderInfo>({
      handlers: app.handlers,
      send: {
        // main's own drag handler; only webContents.startDrag is a stand-in that records.
        'drag:start': createDragStart<IpcSenderInfo>({
          tracker: app.tracker,
          downloadDir: () => app.services.settings.get().downloadDir,
          start: (_sender, path, ref) => drags.push({ ref, path }),
          refuse: (_sender, info) => void emit('drag:refused', info),
          locale: () => app.services.locale(),
        }),
      },
      isTrustedSender: createSenderCheck({
        windowWebContentsId: () => 1,
        renderer: { pageUrl: `${web.origin}/index.html` },
      }),
      onRejected: (channel, reason) => refused.push(`${channel}: ${reason}`),
      locale: () => app.services.locale(),
    });
    const feed = createTaskFeed({
      tracker: app.tracker,
      status: () => appStatusOf(app.services),
      send: (channel, payload) => void emit(channel, payload),
      flushMs: 30,
      // As main/app/index.ts: error words in the window's language, re-sent when it changes.
      locale: () => app.services.locale(),
      languageChanges: (listener) =>
        app.services.settings.onChange((next, previous) => {
          if (next.language !== previous.language) listener();
        }),
    });
    cleanups.push(() => feed.close());
    const offStatus = app.onStatusChanged(() => feed.statusChanged());
    cleanups.push(offStatus);
    const creditView = (view: CreditView) => creditViewFor(view, app.services.locale());
    cleanups.push(
      app.services.credit.onChange((view) => void emit('credit:changed', creditView(view))),
    );
    cleanups.push(
      app.services.settings.onChange((next, previous) => {
        if (next.language !== previous.language)
          void emit('credit:changed', creditView(app.services.credit.current()));
      }),
    );

    routes.set(page, router);
    await page.goto(`${web.origin}/index.html`);

    return { page, fake, app, drags, refused, pageErrors, emit, close: cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
