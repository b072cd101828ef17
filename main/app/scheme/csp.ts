// The renderer's Content-Security-Policy, in one place: main sends it as a response header
// from the app's own scheme (see app-scheme.ts), and the end-to-end harness sends the same
// header from its local server. connect-src 'none': the renderer talks to nothing but the
// preload. Images and media come only from what the app serves itself: 'self' (the page's
// own origin), plus the origins of routes that serve images or media (none yet), plus
// data: images (a reference image the user picked is previewed from a data URL).

export interface CspSources {
  /** Origins (scheme://host) the app serves images from, e.g. a poster route. */
  img?: readonly string[];
  /** Origins the app serves media from, e.g. a video route. */
  media?: readonly string[];
}

export function contentSecurityPolicy(sources: CspSources = {}): string {
  const extra = (list: readonly string[] | undefined) => (list ?? []).map((o) => ` ${o}`).join('');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self'${extra(sources.img)} data:`,
    "font-src 'self'",
    "connect-src 'none'",
    `media-src 'self'${extra(sources.media)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
