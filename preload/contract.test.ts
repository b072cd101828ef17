// The contract's completeness checks fail the build for a missing channel. The
// `@ts-expect-error` lines are the proof: tsc -b reports an unused directive if the line
// below it ever stops being an error, i.e. if the check goes vacuous.
import { describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '../main/app/ipc/handler-types';
import { invokeSchemas } from '../main/app/ipc/schemas';
import type { CHANNELS, Coverage, EventChannel, InvokeChannel, SendChannel } from './contract';

type Values<T> = T[keyof T];

describe('IPC contract completeness', () => {
  it('is true for the real CHANNELS table', () => {
    const ok: [
      Coverage<InvokeChannel, Values<typeof CHANNELS.invoke>>,
      Coverage<SendChannel, Values<typeof CHANNELS.send>>,
      Coverage<EventChannel, Values<typeof CHANNELS.event>>,
    ] = [true, true, true];
    expect(ok).toEqual([true, true, true]);
  });

  it('a channel left out of CHANNELS does not compile', () => {
    type WithoutGenerate = Omit<typeof CHANNELS.invoke, 'generate'>;
    // @ts-expect-error -- 'generate:create' is declared in InvokeChannels but not named
    const missing: true = {} as Coverage<InvokeChannel, Values<WithoutGenerate>>;
    expect(missing).toBeDefined();
  });

  it('a channel without a handler or a schema does not compile', () => {
    const { 'tasks:list': _handler, ...handlersWithoutList } = {} as InvokeHandlers;
    // @ts-expect-error -- the 'tasks:list' handler is missing
    const handlers: InvokeHandlers = handlersWithoutList;
    const { 'tasks:list': _schema, ...schemasWithoutList } = invokeSchemas;
    // @ts-expect-error -- the 'tasks:list' schema is missing
    const schemas: typeof invokeSchemas = schemasWithoutList;
    expect([handlers, schemas]).toHaveLength(2);
  });
});
