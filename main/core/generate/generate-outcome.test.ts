import { describe, expect, it } from 'vitest';
import { PikaApiError } from '../api/errors';
import { generateFailureOf, UNKNOWN_OUTCOME } from './generate-outcome';

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
    expect(generateFailureOf(error)).toEqual({
      outcome: 'not-sent',
      message:
        'Could not get the generate request: 127.0.0.1:9 refused the connection. Nothing was sent.',
    });
  });

  it.each([
    new PikaApiError({ kind: 'network', code: 'timeout', message: 'timed out' }),
    new PikaApiError({ kind: 'network', code: 'ECONNRESET', message: 'reset' }),
    new PikaApiError({ kind: 'server', status: 504, message: 'gateway timeout' }),
    new PikaApiError({ kind: 'bad-response', message: 'not JSON' }),
    new Error('anything else'),
  ])('anything that may have reached the server is unknown (%s)', (error) => {
    expect(generateFailureOf(error)).toEqual({ outcome: 'unknown', message: UNKNOWN_OUTCOME });
  });
});
