// The app's route table for app://: one entry per host. A poster or video route goes here
// later as `poster: { handle, serves: 'img' }` / `video: { handle, serves: 'media' }`, and
// the CSP below then names it in img-src / media-src by itself.
import { cspFor, RENDERER_HOST, type RouteTable } from './app-scheme';
import { serveDir } from './serve-dir';

export function appRoutes(where: { rendererDir: string }): RouteTable {
  return {
    [RENDERER_HOST]: { handle: serveDir(where.rendererDir) },
  };
}

/** The policy main sends on every app:// answer (the e2e harness sends it too). */
export const APP_CSP = cspFor(appRoutes({ rendererDir: '.' }));
