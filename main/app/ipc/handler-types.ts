// The shapes of the main-process side of the contract.
import type {
  InvokeChannel,
  InvokeChannels,
  SendChannel,
  SendChannels,
} from '../../../preload/contract';

export type InvokeHandler<C extends InvokeChannel> = (
  ...args: InvokeChannels[C]['args']
) => Promise<InvokeChannels[C]['result']> | InvokeChannels[C]['result'];

/** One handler per invoke channel; a missing one is a compile error. */
export type InvokeHandlers = { [C in InvokeChannel]: InvokeHandler<C> };

/** Send handlers also get the sender, e.g. to start a drag from its webContents. */
export type SendHandlers<S> = {
  [C in SendChannel]: (sender: S, ...args: SendChannels[C]) => void;
};

/** What the router knows about who called: enough to decide whether to trust it. */
export interface IpcSenderInfo {
  /** webContents.id of the sender. */
  webContentsId: number;
  /** URL of the frame that sent the message (null when Electron could not tell). */
  frameUrl: string | null;
  /** False for a message from a subframe (an iframe), which we never trust. */
  isMainFrame: boolean;
}
