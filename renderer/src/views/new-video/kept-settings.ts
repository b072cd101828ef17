// The settings of the videos this app created, by task id, so "Again" restores them (the feed
// only gives the prompt back). Kept in the window's local storage: small records, the newest
// KEEP of them; anything unreadable is dropped rather than trusted.
import {
  parseSettings,
  settingsOf,
  type GenerateForm,
  type GenerateSettings,
} from './generate-model';

const KEY = 'pika-tray:generate-settings';
/** Records kept; each is a few hundred bytes. */
export const KEEP = 300;

type Entry = [taskId: string, settings: unknown];

function read(): Entry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is Entry => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string',
    );
  } catch {
    return [];
  }
}

export function keepSettings(taskId: string, form: GenerateForm): void {
  const entries = read().filter(([id]) => id !== taskId);
  entries.push([taskId, settingsOf(form)]);
  try {
    localStorage.setItem(KEY, JSON.stringify(entries.slice(-KEEP)));
  } catch {
    // Storage full or unavailable: "Again" then starts from the defaults, nothing else breaks.
  }
}

export function keptSettings(taskId: string): GenerateSettings | null {
  const entry = read().find(([id]) => id === taskId);
  return entry ? parseSettings(entry[1]) : null;
}
