// The PikaApiError a call rejects with; fails the test if it resolves or throws anything else.
import { expect } from 'vitest';
import { PikaApiError } from '../../main/core/api/errors';

export async function caughtApiError(p: Promise<unknown>): Promise<PikaApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PikaApiError);
  return err as PikaApiError;
}
