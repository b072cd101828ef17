// The one door into the main process: checks who is calling and what they sent before any
// handler runs. Errors carry a message for people; arguments are never echoed back (one of
// them may be the token).
import type { z } from 'zod';
import { CHANNELS, type InvokeChannel, type SendChannel } from '../../../preload/contract';
import type { InvokeHandlers, IpcSenderInfo, SendHandlers } from './handler-types';
import { invokeSchemas, sendSchemas } from './schemas';

export class IpcRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejectedError';
  }
}

export interface IpcRouter<S extends IpcSenderInfo> {
  readonly invokeChannels: readonly InvokeChannel[];
  readonly sendChannels: readonly SendChannel[];
  /** Runs an invoke channel's handler; rejects for a foreign sender or bad arguments. */
  invoke(channel: string, sender: S, args: unknown[]): Promise<unknown>;
  /** Runs a send channel's handler; returns false (and calls onRejected) when refused. */
  send(channel: string, sender: S, args: unknown[]): boolean;
}

function describeIssues(error: z.ZodError): string {
  // Path and problem only: zod's messages do not include the received value.
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : '';
      return `${path}${issue.message}`;
    })
    .join('; ');
}

const isInvokeChannel = (c: string): c is InvokeChannel =>
  (Object.values(CHANNELS.invoke) as string[]).includes(c);
const isSendChannel = (c: string): c is SendChannel =>
  (Object.values(CHANNELS.send) as string[]).includes(c);

export function createIpcRouter<S extends IpcSenderInfo>(options: {
  handlers: InvokeHandlers;
  send?: SendHandlers<S>;
  isTrustedSender(sender: S): boolean;
  /** Told about every refused call (for a log line; never given the arguments). */
  onRejected?(channel: string, reason: string): void;
}): IpcRouter<S> {
  const { handlers, isTrustedSender } = options;
  const refuse = (channel: string, reason: string): IpcRejectedError => {
    options.onRejected?.(channel, reason);
    return new IpcRejectedError(reason);
  };
  const check = (channel: string, sender: S): string | null =>
    isTrustedSender(sender) ? null : `Refused ${channel}: the caller is not the Pika Tray window.`;

  return {
    invokeChannels: Object.values(CHANNELS.invoke),
    sendChannels: Object.values(CHANNELS.send),
    async invoke(channel, sender, args) {
      if (!isInvokeChannel(channel)) throw refuse(channel, `Unknown channel ${channel}.`);
      const denied = check(channel, sender);
      if (denied) throw refuse(channel, denied);
      const parsed = invokeSchemas[channel].safeParse(args);
      if (!parsed.success) {
        throw refuse(channel, `Invalid arguments for ${channel}: ${describeIssues(parsed.error)}`);
      }
      const handler = handlers[channel] as (...a: unknown[]) => unknown;
      return await handler(...(parsed.data as unknown[]));
    },
    send(channel, sender, args) {
      if (!isSendChannel(channel) || !options.send) {
        refuse(channel, `Unknown channel ${channel}.`);
        return false;
      }
      const denied = check(channel, sender);
      if (denied) {
        refuse(channel, denied);
        return false;
      }
      const parsed = sendSchemas[channel].safeParse(args);
      if (!parsed.success) {
        refuse(channel, `Invalid arguments for ${channel}: ${describeIssues(parsed.error)}`);
        return false;
      }
      const handler = options.send[channel] as (sender: S, ...a: unknown[]) => void;
      handler(sender, ...(parsed.data as unknown[]));
      return true;
    },
  };
}
