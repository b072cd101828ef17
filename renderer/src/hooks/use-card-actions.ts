// The card actions, wired to the bridge. Failures become error notices instead of vanishing.
import { useMemo } from 'preact/hooks';
import type { PikaBridge, TrackedTask } from '../../../preload/contract';
import type { CardActions } from '../components/card-actions';
import type { MenuItem } from '../components/menu';
import { errorMessage } from '../lib/format';
import { isDownloaded, refOf } from '../lib/task-view';
import type { useNotices } from './use-notices';
import { useT } from '../i18n/i18n';

export function useCardActions(
  bridge: PikaBridge,
  notices: ReturnType<typeof useNotices>,
  remove: (task: TrackedTask) => void,
  openMenu: (anchor: HTMLElement, items: MenuItem[]) => void,
  generateFrom: CardActions['generateFrom'],
): CardActions {
  const { show } = notices;
  const m = useT().m.actions;
  return useMemo(() => {
    const attempt = (what: string, p: Promise<unknown>) =>
      p.catch((err: unknown) => show(m.failedWith(what, errorMessage(err)), { kind: 'error' }));
    return {
      openVideo(task, video) {
        if (isDownloaded(task, video)) {
          void attempt(m.openFileFailed, bridge.tasks.openFile(refOf(task, video)));
        } else if (video.resultUrl) {
          void attempt(m.openLinkFailed, bridge.tasks.openLink(refOf(task, video)));
        }
      },
      download(task, video) {
        void attempt(m.downloadFailed, bridge.tasks.download(refOf(task, video)));
      },
      reveal(task, video) {
        void attempt(m.revealFailed, bridge.tasks.revealFile(refOf(task, video)));
      },
      copy(text, what) {
        bridge.app.copyText(text).then(
          () => show(m.copied(what)),
          (err: unknown) => show(m.copyFailed(errorMessage(err)), { kind: 'error' }),
        );
      },
      recheck(task) {
        void attempt(m.recheckFailed, bridge.tasks.recheck(task.id));
      },
      remove,
      startDrag(task, video) {
        bridge.tasks.startDrag(refOf(task, video));
      },
      openMenu,
      generateFrom,
    } satisfies CardActions;
  }, [bridge, show, remove, openMenu, generateFrom, m]);
}
