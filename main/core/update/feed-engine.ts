// The update engine for installs that cannot replace themselves (deb, tar.gz): it reads the
// release feed electron-builder publishes and says whether it holds a newer version; the
// policy then offers that version's release page.
import {
  channelFile,
  compareToRunning,
  feedUrl,
  fetchFeed,
  releasePageUrl,
  type FetchLike,
  type PublishConfig,
} from './feed';
import type { UpdateEngine } from './update-controller';

export function createFeedEngine(options: {
  config: PublishConfig;
  currentVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  fetch: FetchLike;
  timeoutMs?: number;
}): UpdateEngine {
  const url = feedUrl(options.config, channelFile(options.platform, options.arch));
  return {
    mode: 'notify',
    async check() {
      const release = await fetchFeed(options.fetch, url, options.timeoutMs);
      return {
        verdict: compareToRunning(release.version, options.currentVersion),
        version: release.version,
      };
    },
    // eslint-disable-next-line main-text/no-literal-error-text -- never called: the menu offers no download for these installs
    download: () => Promise.reject(new Error('This install is not updated by the app.')),
    install: () => {
      // eslint-disable-next-line main-text/no-literal-error-text -- never called: the menu offers no download for these installs
      throw new Error('This install is not updated by the app.');
    },
    releaseUrl: (version) => releasePageUrl(options.config, version),
  };
}
