// Short human wording for times, sizes and durations, fit for a narrow tray window, in the
// window's language (Intl through main/core/i18n).
import { fmt } from '../i18n/i18n';

export function timeAgo(then: number, now: number): string {
  return fmt().relativeTime(then, now);
}

export function formatDuration(seconds: number): string {
  return fmt().clipLength(seconds);
}

export function formatBytes(bytes: number): string {
  return fmt().fileSize(bytes);
}

/** Main's invoke errors arrive as "Error invoking remote method 'x': Error: why"; keep "why". */
export function errorMessage(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  return raw.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^\w*Error:\s*/, '');
}
