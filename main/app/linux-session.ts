// Whether the app runs as a native Wayland client. Electron 41 picks Wayland by itself on a
// Wayland session (ozone-platform-hint auto); `--ozone-platform=x11` forces X11 (XWayland).
// On Wayland a window cannot place itself (setPosition does nothing), the pointer position
// is unknown outside our own windows and tray icons report empty bounds, so the popover
// leaves its placement to the compositor instead of opening at a wrong, stale spot.

export function isWaylandSession(input: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The value of --ozone-platform on our command line ('' when absent). */
  ozonePlatform: string;
}): boolean {
  if (input.platform !== 'linux') return false;
  const forced = input.ozonePlatform.toLowerCase();
  if (forced === 'x11') return false;
  if (forced === 'wayland') return true;
  if (input.env['XDG_SESSION_TYPE']?.toLowerCase() === 'x11') return false;
  return Boolean(input.env['WAYLAND_DISPLAY']) || input.env['XDG_SESSION_TYPE'] === 'wayland';
}
