// The update policy against real release feeds: latest-linux.yml and latest.yml as
// electron-builder writes them, served over HTTP on 127.0.0.1, read with js-yaml and
// compared with semver, and what the policy then does (offer, stay quiet, back off).
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedEngine } from './feed-engine';
import {
  channelFile,
  feedUrl,
  parseFeed,
  parsePublishConfig,
  releasePageUrl,
  UpdateFeedError,
  type PublishConfig,
} from './feed';
import { createUpdateController, type UpdateNotice } from './update-controller';
import { manualClock } from './update-test-kit';
import { UPDATE_TIMING } from './update-timing';
import { textOf } from '../text/text-error';

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** A channel file in electron-builder's layout (see app-builder-lib's updateInfoBuilder). */
function channelYaml(version: string, file: string): string {
  const digest = sha512(randomBytes(64));
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${digest}`,
    '    size: 104857600',
    '    blockMapSize: 109876',
    `path: ${file}`,
    `sha512: ${digest}`,
    `releaseDate: '2026-12-01T10:00:00.000Z'`,
    '',
  ].join('\n');
}

const MALFORMED: Record<string, string> = {
  'not YAML': 'version: [1.2.0\nfiles: {',
  'no version': "files:\n  - url: a.AppImage\n    sha512: abc\nreleaseDate: '2026-12-01'\n",
  'a version that is not semver': 'version: latest\nfiles:\n  - url: a.AppImage\n    sha512: abc\n',
  'no files': 'version: 1.2.0\nfiles: []\n',
  'an HTML page': '<!doctype html><html><body>Not here</body></html>',
};

let server: http.Server;
let base: string;
/** path -> [status, body]; the test sets what each feed folder serves. */
const routes = new Map<string, [number, string]>();
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    res.writeHead(route[0], { 'content-type': 'text/yaml' }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serve = (folder: string, version: string) => {
    routes.set(`/${folder}/latest-linux.yml`, [
      200,
      channelYaml(version, `Pika-Tray-${version}.AppImage`),
    ]);
    routes.set(`/${folder}/latest.yml`, [
      200,
      channelYaml(version, `Pika Tray-Setup-${version}.exe`),
    ]);
  };
  serve('newer', '0.2.0');
  serve('same', '0.1.0');
  serve('older', '0.0.9');
  for (const [i, text] of Object.values(MALFORMED).entries()) {
    routes.set(`/malformed-${i}/latest-linux.yml`, [200, text]);
    routes.set(`/malformed-${i}/latest.yml`, [200, text]);
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function policyOn(folder: string, platform: NodeJS.Platform) {
  const config: PublishConfig = { provider: 'generic', url: `${base}/${folder}/` };
  const clock = manualClock();
  const notices: UpdateNotice[] = [];
  const logs: string[] = [];
  const controller = createUpdateController({
    engine: createFeedEngine({
      config,
      currentVersion: '0.1.0',
      platform,
      arch: 'x64',
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 5000,
    }),
    currentVersion: '0.1.0',
    productName: 'Pika Tray',
    conditions: { automatic: () => true, online: () => true, onBattery: () => false },
    downloads: { active: () => 0, idle: () => Promise.resolve() },
    askRestartDuringDownloads: () => Promise.resolve('cancel'),
    notify: (notice) => notices.push(notice),
    log: (line) => logs.push(line),
    clock,
  });
  return {
    notices,
    logs,
    controller,
    async firstCheck() {
      clock.advance(UPDATE_TIMING.firstDelayMs);
      await controller.settled();
      return clock.pending()[0]! - clock.now();
    },
  };
}

describe.each([
  ['linux', 'latest-linux.yml'],
  ['win32', 'latest.yml'],
] as const)('update policy reading %s feeds (%s) from a server', (platform, file) => {
  it('offers a newer version with its release page, once', async () => {
    const before = requests.length;
    const p = policyOn('newer', platform);
    const next = await p.firstCheck();
    expect(requests.slice(before)).toEqual([`/newer/${file}`]);
    expect(p.controller.status()).toEqual({
      kind: 'available',
      version: '0.2.0',
      url: `${base}/newer/`,
    });
    expect(p.notices).toHaveLength(1);
    expect(p.notices[0]!.title).toBe('Pika Tray 0.2.0 is available');
    expect(p.logs).toEqual([]);
    expect(next).toBe(6 * 3_600_000);
    p.controller.close();
  });

  it.each(['same', 'older'])('stays quiet when the feed has the %s version', async (folder) => {
    const p = policyOn(folder, platform);
    const next = await p.firstCheck();
    expect(p.controller.status()).toEqual({ kind: 'idle' });
    expect(p.notices).toEqual([]);
    expect(p.logs).toEqual([]);
    expect(next).toBe(6 * 3_600_000);
    p.controller.close();
  });

  it.each(Object.keys(MALFORMED).map((why, i) => [why, i] as const))(
    'treats a feed with %s as a failure: one log line, no offer, backs off',
    async (_why, i) => {
      const p = policyOn(`malformed-${i}`, platform);
      const next = await p.firstCheck();
      expect(p.controller.status()).toEqual({ kind: 'idle' });
      expect(p.notices).toEqual([]);
      expect(p.logs).toHaveLength(1);
      expect(p.logs[0]).toMatch(
        /^Update check failed \(next automatic try in 1 h\): The update feed/,
      );
      expect(next).toBe(3_600_000);
      p.controller.close();
    },
  );

  it('treats a 404 for the feed and a refused connection as failures', async () => {
    const missing = policyOn('nothing-here', platform);
    await missing.firstCheck();
    expect(missing.logs).toEqual([
      'Update check failed (next automatic try in 1 h): The update feed answered HTTP 404.',
    ]);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const engine = createFeedEngine({
      config: { provider: 'generic', url: `http://127.0.0.1:${port}/` },
      currentVersion: '0.1.0',
      platform,
      arch: 'x64',
      fetch: (url, init) => fetch(url, init),
    });
    const error = await engine.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpdateFeedError);
    expect((error as UpdateFeedError).kind).toBe('network');
    expect((error as Error).message).toMatch(/could not be reached \(.*ECONNREFUSED/);
    // The manual check's notification says it in the user's language.
    expect(textOf(error, 'zh-Hans')).toMatch(/^无法连接更新源（.*ECONNREFUSED.*）。$/);
  });
});

describe('feed and publish configuration', () => {
  it('reads app-update.yml as electron-builder writes it, for GitHub and a generic server', () => {
    const github = parsePublishConfig(
      'owner: pika-tray\nrepo: pika-tray\nprovider: github\nupdaterCacheDirName: pika-tray-updater\n',
    );
    expect(github).toEqual({ provider: 'github', owner: 'pika-tray', repo: 'pika-tray' });
    expect(feedUrl(github, channelFile('linux', 'x64'))).toBe(
      'https://github.com/pika-tray/pika-tray/releases/latest/download/latest-linux.yml',
    );
    expect(releasePageUrl(github, '1.2.3')).toBe(
      'https://github.com/pika-tray/pika-tray/releases/tag/v1.2.3',
    );
    const generic = parsePublishConfig('provider: generic\nurl: https://dl.example.org/pika\n');
    expect(feedUrl(generic, channelFile('win32', 'x64'))).toBe(
      'https://dl.example.org/pika/latest.yml',
    );
    expect(channelFile('darwin', 'arm64')).toBe('latest-mac.yml');
    expect(channelFile('linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(() => parsePublishConfig('provider: s3\nbucket: b\n')).toThrow(UpdateFeedError);
    expect(() => parsePublishConfig('provider: generic\nurl: file:///etc\n')).toThrow(
      /no GitHub or generic/,
    );
  });

  it('normalises the version and names what is wrong with a malformed feed', () => {
    expect(parseFeed(channelYaml('v1.2.3', 'x.AppImage')).version).toBe('1.2.3');
    expect(() => parseFeed(MALFORMED['no files']!)).toThrow(/files: lists no files/);
    expect(() => parseFeed(MALFORMED['a version that is not semver']!)).toThrow(
      /version: not a semantic version/,
    );
    const notYaml = (() => {
      try {
        parseFeed('version: [1.2');
      } catch (error) {
        return error;
      }
    })();
    expect(textOf(notYaml, 'zh-Hans')).toMatch(/^更新源不是有效的 YAML：/);
    expect(textOf(notYaml, 'en')).toMatch(/^The update feed is not valid YAML: /);
  });
});
