// Task intents: parse, then hand to the tracker; files go through the resolver.
import { parseTaskInput } from '../../core/tasks/parse-input';
import type { InvokeHandlers } from '../ipc/handler-types';
import type { AppServices } from '../services';
import type { ResolvedFile } from '../downloads/resolve-file';
import type { VideoRef } from '../../../preload/contract';
import { checkExternalUrl } from './app';
import { say } from '../../core/text/message-ref';
import { TextError, textOf } from '../../core/text/text-error';

type TaskHandlers = Pick<
  InvokeHandlers,
  | 'tasks:list'
  | 'tasks:add'
  | 'tasks:remove'
  | 'tasks:recheck'
  | 'tasks:mark-seen'
  | 'tasks:download'
  | 'tasks:count-not-downloaded'
  | 'tasks:download-all-finished'
  | 'tasks:open-file'
  | 'tasks:reveal-file'
  | 'tasks:open-link'
>;

export function taskHandlers(
  services: AppServices,
  resolveFile: (ref: VideoRef) => Promise<ResolvedFile>,
): TaskHandlers {
  const { tracker } = services;
  const requireFile = async (ref: VideoRef): Promise<string> => {
    const file = await resolveFile(ref);
    if (!file.ok) throw file.ref ? new TextError(file.ref) : new Error(file.message);
    return file.path;
  };
  const requireTask = (taskId: string): void => {
    if (!tracker.get(taskId)) throw new TextError(say('appErrors.taskGone'));
  };
  return {
    'tasks:list': () => tracker.list(),
    'tasks:add': (text) => {
      const parsed = parseTaskInput(text);
      const { added, duplicates } = tracker.add(parsed.ids);
      // Each refusal in the window's language; the English stays in core for the CLI.
      const locale = services.locale();
      return {
        added,
        duplicates: [...parsed.duplicates, ...duplicates],
        errors: parsed.errors.map((e) => ({ input: e.input, message: textOf(e, locale) })),
      };
    },
    'tasks:remove': (taskId) => {
      tracker.remove(taskId);
    },
    'tasks:recheck': (taskId) => {
      requireTask(taskId);
      tracker.recheck(taskId);
    },
    'tasks:mark-seen': (taskIds) => {
      tracker.markSeen(taskIds);
    },
    'tasks:download': async (ref) => {
      requireTask(ref.taskId);
      await services.downloads.start(ref);
    },
    'tasks:count-not-downloaded': () => services.downloads.notDownloaded().length,
    'tasks:download-all-finished': () => services.downloads.downloadAllFinished(),
    'tasks:open-file': async (ref) => {
      const path = await requireFile(ref);
      const failure = await services.shell.openPath(path);
      if (failure) throw new TextError(say('appErrors.openFailed', failure));
    },
    'tasks:reveal-file': async (ref) => {
      services.shell.showItemInFolder(await requireFile(ref));
    },
    // The URL is the one the feed gave this video, never one the renderer names.
    'tasks:open-link': async (ref) => {
      const video = tracker.get(ref.taskId)?.videos.find((v) => v.id === ref.videoId);
      if (!video) throw new TextError(say('appErrors.videoGone'));
      if (!video.resultUrl) throw new TextError(say('appErrors.noLink'));
      await services.shell.openExternal(checkExternalUrl(video.resultUrl));
    },
  };
}
