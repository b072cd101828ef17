// The command table: adding a command is one line here plus its module exporting
// `run(argv, ctx)` (see ../command.ts). Modules load on demand, so each command starts fast.
import type { CommandEntry } from '../command';

export const COMMANDS: Record<string, CommandEntry> = {
  get: { summary: 'Ask the API once about a task and print it', load: () => import('./get') },
  generate: {
    summary: 'Start one video generation (billed) and print its task id',
    load: () => import('./generate'),
  },
  watch: {
    summary: 'Follow tasks until they end; notify; download',
    load: () => import('./watch'),
  },
  credit: {
    summary: 'Print what the API token has left (limit, used, remaining)',
    load: () => import('./credit'),
  },
};
