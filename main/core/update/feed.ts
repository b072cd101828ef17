// Where releases are published and what a release feed says. Reads the same files
// electron-updater reads: resources/app-update.yml (written by electron-builder from the
// `publish` block of electron-builder.yml) and the channel file of a release (latest.yml,
// latest-mac.yml, latest-linux.yml), with the same YAML parser (js-yaml) and the same
// version rules (semver). The app uses this for the packages electron-updater does not
// update (deb, tar.gz): they only learn that a newer version exists.
import { load } from 'js-yaml';
import semver from 'semver';
import { z } from 'zod';
import { say, type MessageRef } from '../text/message-ref';
import { TextError } from '../text/text-error';

export type PublishConfig =
  { provider: 'github'; owner: string; repo: string } | { provider: 'generic'; url: string };

/** Its words are a MessageRef: the notification of a manual check says them in the user's language. */
export class UpdateFeedError extends TextError {
  constructor(
    readonly kind: 'network' | 'http' | 'malformed' | 'config',
    ref: MessageRef,
  ) {
    super(ref);
    this.name = 'UpdateFeedError';
  }
}

function parseYaml(text: string, file: 'feed' | 'config'): unknown {
  try {
    return load(text);
  } catch (error) {
    // js-yaml's own words (line and column): shown as they are.
    const why = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const key = file === 'feed' ? 'update.feedNotYaml' : 'update.configNotYaml';
    throw new UpdateFeedError('malformed', say(key, why));
  }
}

const name = z.string().regex(/^[A-Za-z0-9_.-]+$/);
const publishSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('github'), owner: name, repo: name }),
  z.object({ provider: z.literal('generic'), url: z.url({ protocol: /^https?$/ }) }),
]);

/** Reads app-update.yml; other providers (s3, spaces…) are not configured by this app. */
export function parsePublishConfig(text: string): PublishConfig {
  const parsed = publishSchema.safeParse(parseYaml(text, 'config'));
  if (!parsed.success) {
    throw new UpdateFeedError('config', say('update.noFeedConfigured'));
  }
  const config = parsed.data;
  return config.provider === 'github'
    ? { provider: 'github', owner: config.owner, repo: config.repo }
    : { provider: 'generic', url: config.url.endsWith('/') ? config.url : `${config.url}/` };
}

/** The channel file electron-builder publishes for this system (default channel "latest"). */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return 'latest.yml';
  if (platform === 'darwin') return 'latest-mac.yml';
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
}

export function feedUrl(config: PublishConfig, file: string): string {
  return config.provider === 'github'
    ? // GitHub redirects this to the asset of the newest release that is not a pre-release.
      `https://github.com/${config.owner}/${config.repo}/releases/latest/download/${file}`
    : new URL(file, config.url).toString();
}

/** Where a person downloads a version by hand. */
export function releasePageUrl(config: PublishConfig, version: string): string {
  return config.provider === 'github'
    ? `https://github.com/${config.owner}/${config.repo}/releases/tag/v${version}`
    : config.url;
}

const feedSchema = z.object({
  version: z.string().refine((v) => semver.valid(v) !== null, 'not a semantic version'),
  files: z
    .array(z.object({ url: z.string().min(1), sha512: z.string().min(1) }))
    .min(1, 'lists no files'),
  releaseDate: z.string().optional(),
});

export interface FeedRelease {
  version: string;
  releaseDate: string | null;
}

/** Reads a channel file (latest*.yml); throws UpdateFeedError('malformed') with why. */
export function parseFeed(text: string): FeedRelease {
  const parsed = feedSchema.safeParse(parseYaml(text, 'feed'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new UpdateFeedError('malformed', say('update.feedMalformed', `${where}${issue.message}`));
  }
  return {
    version: semver.valid(parsed.data.version)!,
    releaseDate: parsed.data.releaseDate ?? null,
  };
}

export type FeedVerdict = 'newer' | 'same' | 'older';

export function compareToRunning(feedVersion: string, running: string): FeedVerdict {
  const order = semver.compare(feedVersion, running);
  return order > 0 ? 'newer' : order === 0 ? 'same' : 'older';
}

/** Electron's net.fetch in the app (system proxy settings), Node's fetch in tests. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** Fetches and reads one channel file. */
export async function fetchFeed(
  fetchFn: FetchLike,
  url: string,
  timeoutMs = 30_000,
): Promise<FeedRelease> {
  // A plain controller and timer: combined AbortSignals never fire on Node 20 after a GC.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    const response = await fetchFn(url, {
      signal: controller.signal,
      headers: { accept: 'application/x-yaml, text/yaml, */*', 'cache-control': 'no-cache' },
    });
    if (!response.ok) {
      throw new UpdateFeedError('http', say('update.feedHttp', response.status));
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof UpdateFeedError) throw error;
    const why = controller.signal.aborted
      ? say('update.noAnswerWithin', Math.round(timeoutMs / 1000))
      : error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw new UpdateFeedError('network', say('update.feedUnreachable', why));
  } finally {
    clearTimeout(timer);
  }
  return parseFeed(text);
}
