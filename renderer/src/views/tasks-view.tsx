// The main view: add box, filters and search, and the windowed list of task cards.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AddTasksResult, TaskLayout, TrackedTask } from '../../../preload/contract';
import { useBridge } from '../bridge';
import { AddBox, type AddOutcome } from '../components/add-box';
import type { CardActions } from '../components/card-actions';
import { FilterBar } from '../components/filter-bar';
import { Menu, type MenuItem, type MenuState } from '../components/menu';
import { LayoutToggle } from '../components/layout-toggle';
import { TaskCard } from '../components/task-card';
import { GRID, TaskTile } from '../components/task-tile';
import { VirtualList } from '../components/virtual-list';
import { useCardActions } from '../hooks/use-card-actions';
import { useNotices } from '../hooks/use-notices';
import { useNow } from '../hooks/use-now';
import { usePendingRemoval } from '../hooks/use-pending-removal';
import { useTasks } from '../hooks/use-task-store';
import {
  countByFilter,
  filterTasks,
  matchesFilter,
  matchesQuery,
  type TaskFilter,
} from '../lib/task-filter';
import { cardHeight } from '../lib/task-view';
import type { TaskStore } from '../store/task-store';
import { useT } from '../i18n/i18n';

export interface FocusRequest {
  taskId: string;
  /** Bumped on every request, so asking twice for the same task still scrolls. */
  seq: number;
}

const keyOf = (t: TrackedTask) => t.id;
/** The grid windows by rows of two tasks; a row is known by its first task. */
type GridRow = readonly TrackedTask[];
const rowKey = (row: GridRow) => row[0]!.id;
const rowHeight = () => GRID.row;
function pairs(tasks: readonly TrackedTask[]): GridRow[] {
  const rows: GridRow[] = [];
  for (let i = 0; i < tasks.length; i += 2) rows.push(tasks.slice(i, i + 2));
  return rows;
}

export function TasksView({
  active,
  store,
  loaded,
  loadError,
  onReload,
  add,
  addOutcome,
  onAddOutcome,
  focus,
  addInputRef,
  onGenerateFrom,
}: {
  /** False while another view is shown (the view stays mounted, hidden). */
  active: boolean;
  store: TaskStore;
  loaded: boolean;
  loadError: string | null;
  onReload: () => void;
  add: (text: string) => Promise<AddTasksResult>;
  addOutcome: AddOutcome | null;
  onAddOutcome: (o: AddOutcome | null) => void;
  focus: FocusRequest | null;
  addInputRef: { current: HTMLTextAreaElement | null };
  onGenerateFrom: CardActions['generateFrom'];
}) {
  const { m } = useT();
  const bridge = useBridge();
  const notices = useNotices();
  const tasks = useTasks(store);
  const now = useNow();
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [query, setQuery] = useState('');
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [scrollTo, setScrollTo] = useState<{ key: string } | null>(null);
  const { hidden, remove } = usePendingRemoval(bridge, notices);
  const [layout, setLayout] = useState<TaskLayout>('list');
  useEffect(() => {
    bridge.settings
      .get()
      .then((view) => setLayout(view.settings.taskLayout ?? 'list'))
      .catch(() => undefined);
  }, [bridge]);
  const chooseLayout = useCallback(
    (next: TaskLayout) => {
      setLayout(next);
      // Remembered in Settings; a refusal leaves this window's choice as it is.
      bridge.settings.update({ taskLayout: next }).catch(() => undefined);
    },
    [bridge],
  );
  const openMenu = useCallback(
    (anchor: HTMLElement, items: MenuItem[]) => setMenu({ anchor, items }),
    [],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const actions = useCardActions(bridge, notices, remove, openMenu, onGenerateFrom);

  const visible = useMemo(
    () => filterTasks(tasks, filter, query, hidden),
    [tasks, filter, query, hidden],
  );
  const counts = useMemo(() => countByFilter(tasks, hidden), [tasks, hidden]);

  // Finished and failed tasks the user has now seen stop counting on the tray badge.
  const askedSeen = useRef(new Set<string>());
  useEffect(() => {
    const mark = () => {
      if (!active || document.visibilityState !== 'visible') return;
      const ids = store
        .tasks()
        .filter((t) => !t.seen && (t.state === 'finished' || t.state === 'failed'))
        .map((t) => t.id)
        .filter((id) => !askedSeen.current.has(id));
      if (!ids.length) return;
      for (const id of ids) askedSeen.current.add(id);
      bridge.tasks.markSeen(ids).catch(() => {
        for (const id of ids) askedSeen.current.delete(id);
      });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [tasks, bridge, store, active]);

  // 'app:focus-task': show the task even when the filter or search hides it, then point at it.
  // Active is left too: a task there can leave it any moment, and the focus request for a
  // video that just finished (its notification clicked) can arrive before the update saying so.
  useEffect(() => {
    if (!focus) return;
    const task = store.get(focus.taskId);
    if (!task) return;
    if (filter === 'active' || !matchesFilter(task, filter)) setFilter('all');
    if (!matchesQuery(task, query)) setQuery('');
    setScrollTo({ key: focus.taskId });
    setHighlight(focus.taskId);
    const timer = setTimeout(() => setHighlight(null), 2500);
    return () => clearTimeout(timer);
    // Only a new request acts; filter and query are read, not watched.
  }, [focus, store]);

  const render = useCallback(
    (t: TrackedTask) => (
      <TaskCard task={t} actions={actions} now={now} highlighted={t.id === highlight} />
    ),
    [actions, now, highlight],
  );
  const rows = useMemo(() => (layout === 'grid' ? pairs(visible) : []), [layout, visible]);
  const gridScrollTo = useMemo(() => {
    if (!scrollTo) return null;
    const i = visible.findIndex((t) => t.id === scrollTo.key);
    return i < 0 ? null : { key: visible[i - (i % 2)]!.id };
  }, [scrollTo, visible]);
  const renderRow = useCallback(
    (row: GridRow) => (
      <div class="grid-row">
        {row.map((t) => (
          <TaskTile
            key={t.id}
            task={t}
            actions={actions}
            now={now}
            highlighted={t.id === highlight}
          />
        ))}
      </div>
    ),
    [actions, now, highlight],
  );

  let body;
  if (loadError) {
    body = (
      <div class="empty" role="alert">
        <p>{m.tasks.loadFailed(loadError)}</p>
        <button type="button" class="btn" onClick={onReload}>
          {m.tasks.tryAgain}
        </button>
      </div>
    );
  } else if (!loaded) {
    body = <div class="empty muted">{m.tasks.loading}</div>;
  } else if (counts.all === 0) {
    body = (
      <div class="empty">
        <p class="empty-title">{m.tasks.emptyTitle}</p>
        <p class="muted">{m.tasks.emptyBody}</p>
      </div>
    );
  } else if (visible.length === 0) {
    body = (
      <div class="empty">
        <p class="muted">{query ? m.tasks.noMatch(filter, query) : m.tasks.none(filter)}</p>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            setFilter('all');
            setQuery('');
          }}
        >
          {m.tasks.showAll}
        </button>
      </div>
    );
  } else if (layout === 'grid') {
    body = (
      <VirtualList
        items={rows}
        height={rowHeight}
        keyOf={rowKey}
        render={renderRow}
        scrollTo={gridScrollTo}
        label={m.tasks.list}
      />
    );
  } else {
    body = (
      <VirtualList
        items={visible}
        height={cardHeight}
        keyOf={keyOf}
        render={render}
        scrollTo={scrollTo}
        label={m.tasks.list}
      />
    );
  }

  return (
    <section class="tasks-view" hidden={!active}>
      <AddBox add={add} outcome={addOutcome} onOutcome={onAddOutcome} inputRef={addInputRef} />
      {counts.all > 0 ? (
        <FilterBar
          filter={filter}
          counts={counts}
          query={query}
          onFilter={setFilter}
          onQuery={setQuery}
        >
          <LayoutToggle layout={layout} onLayout={chooseLayout} />
        </FilterBar>
      ) : null}
      {body}
      {menu ? <Menu state={menu} onClose={closeMenu} /> : null}
    </section>
  );
}
