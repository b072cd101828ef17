// The one door into the main process: checks who is calling and what they sent before any
// handler runs. Errors carry a message for people; arguments are never echoed back (one of
// them may be the token).
import type { z } from 'zod';
import { CHANNELS, type InvokeChannel, type SendChannel } from '../../../preload/contract';
import type { InvokeHandlers, IpcSenderInfo, SendHandlers } from './handler-types';
import { invokeSchemas, sendSchemas } from './schemas';
import type { Locale } from '../../core/i18n/locale';
import { readMessageRef, say, type MessageRef } from '../../core/text/message-ref';
import { TextError, textOf } from '../../core/text/text-error';

export class IpcRejectedError extends TextError {
  constructor(ref: MessageRef) {
    super(ref);
    this.name = 'IpcRejectedError';
  }
}

/**
 * The error the caller gets: one that carries a message as data is copied (same class and
 * fields) with its words in the window's language; Electron hands the renderer only the
 * name and message. The thrown error itself keeps its English message for logs.
 */
function localized(error: unknown, locale: Locale): unknown {
  if (locale === 'en' || !(error instanceof Error)) return error;
  if (readMessageRef((error as { ref?: unknown }).ref) === undefined) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(error));
  Object.defineProperty(copy, 'message', {
    value: textOf(error, locale),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return copy;
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
  /** Told about every refused call (for a log line, in English; never given the arguments). */
  onRejected?(channel: string, reason: string): void;
  /** The window's language now: errors with a message as data reach it in this language. */
  locale?(): Locale;
}): IpcRouter<S> {
  const { handlers, isTrustedSender } = options;
  const locale = (): Locale => options.locale?.() ?? 'en';
  const refuse = (channel: string, reason: MessageRef): IpcRejectedError => {
    const error = new IpcRejectedError(reason);
    options.onRejected?.(channel, error.message);
    return error;
  };
  const check = (channel: string, sender: S): MessageRef | null =>
    isTrustedSender(sender) ? null : say('appErrors.notTheWindow', channel);

  return {
    invokeChannels: Object.values(CHANNELS.invoke),
    sendChannels: Object.values(CHANNELS.send),
    async invoke(channel, sender, args) {
      if (!isInvokeChannel(channel)) {
        throw localized(refuse(channel, say('appErrors.unknownChannel', channel)), locale());
      }
      const denied = check(channel, sender);
      if (denied) throw localized(refuse(channel, denied), locale());
      const parsed = invokeSchemas[channel].safeParse(args);
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        throw localized(
          refuse(channel, say('appErrors.invalidArguments', channel, issues)),
          locale(),
        );
      }
      const handler = handlers[channel] as (...a: unknown[]) => unknown;
      try {
        return await handler(...(parsed.data as unknown[]));
      } catch (error) {
        throw localized(error, locale());
      }
    },
    send(channel, sender, args) {
      if (!isSendChannel(channel) || !options.send) {
        refuse(channel, say('appErrors.unknownChannel', channel));
        return false;
      }
      const denied = check(channel, sender);
      if (denied) {
        refuse(channel, denied);
        return false;
      }
      const parsed = sendSchemas[channel].safeParse(args);
      if (!parsed.success) {
        refuse(channel, say('appErrors.invalidArguments', channel, describeIssues(parsed.error)));
        return false;
      }
      const handler = options.send[channel] as (sender: S, ...a: unknown[]) => void;
      handler(sender, ...(parsed.data as unknown[]));
      return true;
    },
  };
}
