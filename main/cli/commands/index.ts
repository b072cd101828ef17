// The command table: adding a command is one line here plus its module exporting
// `run(argv, ctx)` (see ../command.ts) and its summary in the CLI catalogs (help.summary).
// Modules load on demand, so each command starts fast.
import type { CommandEntry } from '../command';

export const COMMANDS: Record<string, CommandEntry> = {
  get: { summary: (t) => t.help.summary.get, load: () => import('./get') },
  generate: { summary: (t) => t.help.summary.generate, load: () => import('./generate') },
  watch: { summary: (t) => t.help.summary.watch, load: () => import('./watch') },
  credit: { summary: (t) => t.help.summary.credit, load: () => import('./credit') },
};
