// The window: navigation, app-wide banners, the current view and short notices. It also
// owns what crosses views: main's status, 'app:navigate' / 'app:focus-task', text dropped
// on the window, Escape to hide, and the first run's trip to the token field.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TrackedTask, View } from '../../preload/contract';
import { useBridge } from './bridge';
import type { AddOutcome } from './components/add-box';
import { Banners } from './components/banners';
import { Nav } from './components/nav';
import { Notices } from './components/notices';
import { useAppStatus } from './hooks/use-app-status';
import { useNotices } from './hooks/use-notices';
import { useTaskStore } from './hooks/use-task-store';
import { errorMessage } from './lib/format';
import { useT } from './i18n/i18n';
import { droppedText } from './lib/dropped-text';
import { recoveredSeen, rememberRecoveredSeen } from './lib/recovered-notice';
import { NewVideoView, type NewVideoPrefill } from './views/new-video/new-video-view';
import { SettingsView } from './views/settings-view';
import { TasksView, type FocusRequest } from './views/tasks-view';

export function App() {
  const bridge = useBridge();
  const { show } = useNotices();
  const { m } = useT();
  const [status, setStatus] = useAppStatus(bridge);
  const { store, loaded, loadError, reload } = useTaskStore(bridge);
  const [view, setView] = useState<View>('tasks');
  const [focusToken, setFocusToken] = useState(false);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [addOutcome, setAddOutcome] = useState<AddOutcome | null>(null);
  const [prefill, setPrefill] = useState<NewVideoPrefill | null>(null);
  const [recoveredDismissed, setRecoveredDismissed] = useState(false);
  const [dropping, setDropping] = useState(false);
  const addInputRef = useRef<HTMLTextAreaElement>(null);
  const firstStatus = useRef(true);

  // First run (no token yet): go straight to the token field, once.
  useEffect(() => {
    if (!status || !firstStatus.current) return;
    firstStatus.current = false;
    if (status.tokenState === 'missing') {
      setView('settings');
      setFocusToken(true);
    }
    if (status.storeRecoveredFrom && recoveredSeen(status.storeRecoveredFrom))
      setRecoveredDismissed(true);
  }, [status]);

  useEffect(() => {
    const focusTask = (taskId: string) => {
      setView('tasks');
      setFocus((f) => ({ taskId, seq: (f?.seq ?? 0) + 1 }));
    };
    const offNav = bridge.app.onNavigate((v) => setView(v));
    const offFocus = bridge.app.onFocusTask(focusTask);
    const offRefused = bridge.tasks.onDragRefused((info) =>
      show(m.app.dragRefused(info.message), { kind: 'error' }),
    );
    // Listening now: take what main asked for before (a cold start from a notification).
    let live = true;
    void bridge.app
      .takeNavigation()
      .then((navigation) => {
        if (!live || !navigation) return;
        if ('taskId' in navigation) focusTask(navigation.taskId);
        else setView(navigation.view);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      offNav();
      offFocus();
      offRefused();
    };
  }, [bridge, show, m]);

  const add = useCallback((text: string) => bridge.tasks.add(text), [bridge]);
  const generateFrom = useCallback(
    (task: TrackedTask, mode: 'again' | 'extend', videoId?: string) => {
      setPrefill((p) => ({ task, mode, ...(videoId ? { videoId } : {}), seq: (p?.seq ?? 0) + 1 }));
      setView('new');
    },
    [],
  );

  // Text dropped anywhere on the window is added like pasted text.
  useEffect(() => {
    const accepts = (e: DragEvent) => droppedText(e.dataTransfer, true) !== null;
    const onOver = (e: DragEvent) => {
      if (!accepts(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!e.relatedTarget) setDropping(false);
    };
    const onDrop = (e: DragEvent) => {
      setDropping(false);
      const text = droppedText(e.dataTransfer, false);
      if (text === null) return;
      e.preventDefault();
      setView('tasks');
      add(text).then(
        (result) => setAddOutcome({ result, failure: null }),
        (err: unknown) => setAddOutcome({ result: null, failure: errorMessage(err) }),
      );
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [add]);

  // Escape hides the window unless something on the page used it first (a menu, a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented)
        void bridge.app.hideWindow().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bridge]);

  const togglePause = () => {
    const p = status?.paused ? bridge.polling.resume() : bridge.polling.pause();
    p.then(setStatus, (err: unknown) => show(errorMessage(err), { kind: 'error' }));
  };

  const goSettings = () => {
    setView('settings');
    setFocusToken(true);
  };

  return (
    <div class={dropping ? 'app app-dropping' : 'app'}>
      <Nav view={view} onView={setView} status={status} onTogglePause={togglePause} />
      <Banners
        status={status}
        onSettingsView={view === 'settings'}
        onSettings={goSettings}
        onResume={togglePause}
        recoveredDismissed={recoveredDismissed}
        onDismissRecovered={() => {
          if (status?.storeRecoveredFrom) rememberRecoveredSeen(status.storeRecoveredFrom);
          setRecoveredDismissed(true);
        }}
      />
      <div id="view" class="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {/* The tasks view stays mounted so its filter, search and scroll survive a visit
            to another view. */}
        <TasksView
          active={view === 'tasks'}
          store={store}
          loaded={loaded}
          loadError={loadError}
          onReload={reload}
          add={add}
          addOutcome={addOutcome}
          onAddOutcome={setAddOutcome}
          focus={focus}
          addInputRef={addInputRef}
          onGenerateFrom={generateFrom}
        />
        {view === 'settings' ? <SettingsView focusToken={focusToken} /> : null}
        {view === 'new' ? (
          <NewVideoView
            prefill={prefill}
            onShowTasks={() => setView('tasks')}
            onCreated={(task) => {
              setView('tasks');
              setFocus((f) => ({ taskId: task.id, seq: (f?.seq ?? 0) + 1 }));
            }}
          />
        ) : null}
      </div>
      {dropping ? (
        <div class="drop-hint" aria-hidden="true">
          {m.app.dropHint}
        </div>
      ) : null}
      <Notices />
    </div>
  );
}
