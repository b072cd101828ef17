// What a card can ask for. The tasks view builds one of these for every card; cards only call.
import type { FeedVideo, TrackedTask } from '../../../preload/contract';
import type { MenuItem } from './menu';

export interface CardActions {
  openVideo(task: TrackedTask, video: FeedVideo): void;
  download(task: TrackedTask, video: FeedVideo): void;
  reveal(task: TrackedTask, video: FeedVideo): void;
  copy(text: string, what: string): void;
  recheck(task: TrackedTask): void;
  remove(task: TrackedTask): void;
  startDrag(task: TrackedTask, video: FeedVideo): void;
  openMenu(anchor: HTMLElement, items: MenuItem[]): void;
  /** Opens "New video" started from this task: its prompt again, or extending a video. */
  generateFrom(task: TrackedTask, mode: 'again' | 'extend', videoId?: string): void;
}
