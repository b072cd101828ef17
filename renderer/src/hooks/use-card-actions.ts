// The card actions, wired to the bridge. Failures become error notices instead of vanishing.
import { useMemo } from 'preact/hooks';
import type { PikaBridge, TrackedTask } from '../../../preload/contract';
import type { CardActions } from '../components/card-actions';
import type { MenuItem } from '../components/menu';
import { errorMessage } from '../lib/format';
import { isDownloaded, refOf } from '../lib/task-view';
import type { useNotices } from './use-notices';

export function useCardActions(
  bridge: PikaBridge,
  notices: ReturnType<typeof useNotices>,
  remove: (task: TrackedTask) => void,
  openMenu: (anchor: HTMLElement, items: MenuItem[]) => void,
  generateFrom: CardActions['generateFrom'],
): CardActions {
  const { show } = notices;
  return useMemo(() => {
    const attempt = (what: string, p: Promise<unknown>) =>
      p.catch((err: unknown) => show(`${what}: ${errorMessage(err)}`, { kind: 'error' }));
    return {
      openVideo(task, video) {
        if (isDownloaded(task, video)) {
          void attempt('Could not open the file', bridge.tasks.openFile(refOf(task, video)));
        } else if (video.resultUrl) {
          void attempt('Could not open the link', bridge.tasks.openLink(refOf(task, video)));
        }
      },
      download(task, video) {
        void attempt('Could not start the download', bridge.tasks.download(refOf(task, video)));
      },
      reveal(task, video) {
        void attempt('Could not show the file', bridge.tasks.revealFile(refOf(task, video)));
      },
      copy(text, what) {
        bridge.app.copyText(text).then(
          () => show(`${what} copied`),
          (err: unknown) => show(`Could not copy: ${errorMessage(err)}`, { kind: 'error' }),
        );
      },
      recheck(task) {
        void attempt('Could not check again', bridge.tasks.recheck(task.id));
      },
      remove,
      startDrag(task, video) {
        bridge.tasks.startDrag(refOf(task, video));
      },
      openMenu,
      generateFrom,
    } satisfies CardActions;
  }, [bridge, show, remove, openMenu, generateFrom]);
}
