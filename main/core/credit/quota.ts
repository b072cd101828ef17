// Whether a refused generation was refused for quota (403 insufficient_user_quota, 402, or a
// 429 whose words say quota), as the client classified it.
import { isQuota } from '../api/classify';
import { PikaApiError } from '../api/errors';

export function isQuotaRefusal(error: unknown): error is PikaApiError {
  if (!(error instanceof PikaApiError) || error.kind !== 'forbidden') return false;
  return error.status === 402 || isQuota(error.code, undefined, error.serverMessage);
}
