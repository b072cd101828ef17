import { describe, expect, it } from 'vitest';
import { PikaApiError } from '../api/errors';
import { generateFailureOf, UNKNOWN_OUTCOME } from './generate-outcome';
import { renderMessage, say } from '../text/message-ref';
import { textOf } from '../text/text-error';
import { createPikaClient } from '../api/client';
import { freePort } from '../../../test/support/free-port';

describe('generateFailureOf', () => {
  it('a refusal did not start anything and keeps the blamed field', () => {
    const error = new PikaApiError({
      kind: 'bad-request',
      status: 400,
      message: 'The server refused the request: motion must be between 0 and 4.',
      field: 'options.parameters.motion',
    });
    expect(generateFailureOf(error)).toEqual({
      outcome: 'rejected',
      kind: 'bad-request',
      message: 'The server refused the request: motion must be between 0 and 4.',
      field: 'options.parameters.motion',
    });
  });

  it.each(['token-rejected', 'forbidden', 'rate-limited'] as const)('%s is a refusal', (kind) => {
    expect(generateFailureOf(new PikaApiError({ kind, message: 'no' })).outcome).toBe('rejected');
  });

  it('a connection never made sent nothing', () => {
    const error = new PikaApiError({
      kind: 'network',
      code: 'ECONNREFUSED',
      message:
        'Could not get the generate request: 127.0.0.1:9 refused the connection. The task may still have been created: check before generating again.',
    });
    const failure = generateFailureOf(error);
    expect(failure).toMatchObject({
      outcome: 'not-sent',
      message:
        'Could not get the generate request: 127.0.0.1:9 refused the connection. Nothing was sent.',
    });
    expect(failure.ref?.key).toBe('generate.nothingSent');
  });

  it.each([
    new PikaApiError({ kind: 'network', code: 'timeout', message: 'timed out' }),
    new PikaApiError({ kind: 'network', code: 'ECONNRESET', message: 'reset' }),
    new PikaApiError({ kind: 'server', status: 504, message: 'gateway timeout' }),
    new PikaApiError({ kind: 'bad-response', message: 'not JSON' }),
    new Error('anything else'),
  ])('anything that may have reached the server is unknown (%s)', (error) => {
    const failure = generateFailureOf(error);
    expect(failure).toMatchObject({ outcome: 'unknown', message: UNKNOWN_OUTCOME });
    expect(textOf(failure, 'zh-Hans')).toBe(
      renderMessage(say('generate.unknownOutcome'), 'zh-Hans'),
    );
  });

  it('a connection never made through the real client: its cause in the reader language, never "may have been created"', async () => {
    const client = createPikaClient({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      getToken: () => 'sk-test',
    });
    const error = await client.generate({ promptText: 'x' }).catch((e: unknown) => e);
    const failure = generateFailureOf(error);
    expect(failure.outcome).toBe('not-sent');
    expect(failure.message).toMatch(/refused the connection\. Nothing was sent\.$/);
    const zh = textOf(failure, 'zh-Hans');
    expect(zh).toContain('拒绝了连接');
    expect(zh).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/); // no English sentence left
    expect(zh).not.toContain(renderMessage(say('api.mayBeCreated', ''), 'zh-Hans'));
  });
});
