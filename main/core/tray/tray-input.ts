// The app events that move the tray (a task added, changed, seen or removed; a pause; the
// token refused; the network lost; the proxy failing), as a pure reducer over TrayInput. The transition table in
// tray-state.test.ts is written in these terms. The app's driver (app/tray/tray-driver.ts)
// reads the same input straight from the tracker instead of folding events.
import type { TrackedTask } from '../tasks/model';
import type { TrayInput } from './tray-state';

export type TrayAction =
  | { type: 'tasks'; tasks: TrackedTask[] }
  | { type: 'upsert'; task: TrackedTask }
  | { type: 'remove'; taskId: string }
  | { type: 'seen'; taskIds: string[] }
  | { type: 'status'; paused: boolean; tokenRejected: boolean }
  | { type: 'online'; online: boolean }
  | { type: 'proxy'; proxy: string | null };

export const INITIAL_TRAY_INPUT: TrayInput = {
  tasks: [],
  paused: false,
  tokenRejected: false,
  online: true,
  proxyUnreachable: null,
};

export function reduceTrayInput(input: TrayInput, action: TrayAction): TrayInput {
  switch (action.type) {
    case 'tasks':
      return { ...input, tasks: [...action.tasks] };
    case 'upsert': {
      const at = input.tasks.findIndex((t) => t.id === action.task.id);
      const tasks = [...input.tasks];
      if (at === -1) tasks.push(action.task);
      else tasks[at] = action.task;
      return { ...input, tasks };
    }
    case 'remove':
      return { ...input, tasks: input.tasks.filter((t) => t.id !== action.taskId) };
    case 'seen': {
      const ids = new Set(action.taskIds);
      return {
        ...input,
        tasks: input.tasks.map((t) => (ids.has(t.id) && !t.seen ? { ...t, seen: true } : t)),
      };
    }
    case 'status':
      return { ...input, paused: action.paused, tokenRejected: action.tokenRejected };
    case 'online':
      return { ...input, online: action.online };
    case 'proxy':
      return { ...input, proxyUnreachable: action.proxy };
  }
}
