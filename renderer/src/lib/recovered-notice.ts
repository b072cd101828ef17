// "Your task list was set aside" is told once per recovered file, even across restarts.
const KEY = 'pika-tray:recovered-seen';

export function recoveredSeen(path: string): boolean {
  try {
    return localStorage.getItem(KEY) === path;
  } catch {
    return false;
  }
}

export function rememberRecoveredSeen(path: string): void {
  try {
    localStorage.setItem(KEY, path);
  } catch {
    // Storage unavailable: the banner may show again next time, which is harmless.
  }
}
