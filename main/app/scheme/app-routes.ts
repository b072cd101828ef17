// The app's route table for app://: one entry per host. The CSP (cspFor) names each route
// that serves images or media in img-src / media-src by itself.
import type { TaskTracker } from '../../core/tasks/tracker-types';
import type { VideoRef } from '../../../preload/contract';
import type { ResolvedFile } from '../downloads/resolve-file';
import { cspFor, RENDERER_HOST, type RouteTable } from './app-scheme';
import { posterRoute, videoRoute, type PosterSource, type RemoteMedia } from './media-routes';
import { serveDir } from './serve-dir';

export const POSTER_HOST = 'poster';
export const VIDEO_HOST = 'video';

export interface MediaSources {
  tracker: Pick<TaskTracker, 'get'>;
  posters: PosterSource;
  resolveFile(ref: VideoRef): ResolvedFile;
  remote?: RemoteMedia;
}

export function appRoutes(where: { rendererDir: string; media?: MediaSources }): RouteTable {
  const media = where.media;
  const none = () => new Response('Not found', { status: 404 });
  return {
    [RENDERER_HOST]: { handle: serveDir(where.rendererDir) },
    [POSTER_HOST]: { handle: media ? posterRoute(media) : none, serves: 'img' },
    [VIDEO_HOST]: { handle: media ? videoRoute(media) : none, serves: 'media' },
  };
}

/** The policy main sends on every app:// answer (the e2e harness sends it too). */
export const APP_CSP = cspFor(appRoutes({ rendererDir: '.' }));

/**
 * Media sources for a table installed before the app's services exist (app:// is handled
 * as soon as the app is ready, the tracker comes later): everything answers "not found" until `set`.
 */
export function lateMediaSources(remote?: RemoteMedia): {
  sources: MediaSources;
  set(sources: MediaSources | null): void;
} {
  let current: MediaSources | null = null;
  return {
    sources: {
      tracker: { get: (id) => current?.tracker.get(id) },
      posters: {
        pathFor: (ref) => current?.posters.pathFor(ref) ?? null,
        fetchFor: async (task) => current?.posters.fetchFor(task),
      },
      resolveFile: (ref) =>
        current?.resolveFile(ref) ?? { ok: false, message: 'The app is starting.' },
      ...(remote ? { remote } : {}),
    },
    set(sources) {
      current = sources;
    },
  };
}
