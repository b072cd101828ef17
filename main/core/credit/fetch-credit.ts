// Reads the token's credit from the gateway's two OpenAI-style billing routes, through the
// API client's own request path (token, timeout, no redirects) and its error classification:
//   GET /v1/dashboard/billing/subscription  -> hard_limit_usd (+ used_usd, balance_usd)
//   GET /v1/dashboard/billing/usage?start_date=<ms>&end_date=<ms>  -> total_usage (cents)
// A gateway without them (404, a web page, an unknown shape) "does not offer" credit: that
// is an answer, not an error. A 401 is the token refused, as on the feed; 5xx, 429 and the
// network are PikaApiErrors the caller may try again later.
import { httpError } from '../api/classify';
import type { RouteAnswer } from '../api/client';
import { readServerMessage } from '../api/server-message';
import { shapeProblem, subscriptionSchema, UNLIMITED_USD, usageSchema } from './credit-schema';
import { CREDIT_TEXT } from './credit-text';
import type { CreditReading } from './types';

export const SUBSCRIPTION_PATH = '/v1/dashboard/billing/subscription';
export const USAGE_PATH = '/v1/dashboard/billing/usage';
/** The usage window: the token's whole life, as far as gateways keep it (about 100 days). */
export const USAGE_WINDOW_MS = 100 * 24 * 3600_000;

/** Anything that can GET a route of the gateway: the API client. */
export interface RouteSource {
  getRoute(path: string, opts?: { signal?: AbortSignal }): Promise<RouteAnswer>;
}

type Json = { ok: true; json: unknown } | { ok: false; reason: string };

/** Statuses that mean "no such route here" rather than "something went wrong". */
const NOT_OFFERED_STATUS = new Set([400, 404, 405, 410, 501]);

async function getJson(
  source: RouteSource,
  path: string,
  signal: AbortSignal | undefined,
): Promise<Json> {
  const answer = await source.getRoute(path, signal ? { signal } : undefined);
  const { status, text, headers, ctx } = answer;
  const says = readServerMessage(text);
  if (status >= 300 && status < 400) return { ok: false, reason: CREDIT_TEXT.notOffered.redirect };
  if (NOT_OFFERED_STATUS.has(status))
    return { ok: false, reason: CREDIT_TEXT.notOffered.status(status) };
  if (status < 200 || status >= 300) throw httpError(status, text, headers, ctx);
  if (says.html) return { ok: false, reason: CREDIT_TEXT.notOffered.webPage };
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: CREDIT_TEXT.notOffered.notJson };
  }
  if (errorEnvelopeOf(json)) {
    // A 200 carrying an error: out of quota counts as such; anything else means no credit here.
    const error = httpError(status, text, headers, ctx);
    if (error.kind === 'forbidden') throw error;
    return { ok: false, reason: CREDIT_TEXT.notOffered.refused(says.message) };
  }
  return { ok: true, json };
}

function errorEnvelopeOf(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const obj = json as Record<string, unknown>;
  if ('hard_limit_usd' in obj || 'total_usage' in obj) return false;
  return (obj['error'] !== undefined && obj['error'] !== null) || obj['success'] === false;
}

/** Reads the credit once. Throws PikaApiError for a refused token, the network, 5xx or 429. */
export async function fetchCredit(
  source: RouteSource,
  options: { now?: number; signal?: AbortSignal } = {},
): Promise<CreditReading> {
  const sub = await getJson(source, SUBSCRIPTION_PATH, options.signal);
  if (!sub.ok) return { offered: false, reason: sub.reason };
  const parsed = subscriptionSchema.safeParse(sub.json);
  if (!parsed.success)
    return { offered: false, reason: CREDIT_TEXT.notOffered.shape(shapeProblem(parsed.error)) };
  const s = parsed.data;
  const unlimited = s.hard_limit_usd >= UNLIMITED_USD;
  const limitUsd = unlimited ? null : s.hard_limit_usd;
  const balance = s.balance_usd ?? null;

  let usedUsd: number | null = s.used_usd ?? null;
  if (usedUsd === null && balance !== null && limitUsd !== null) usedUsd = limitUsd - balance;
  if (usedUsd === null) {
    const now = options.now ?? Date.now();
    const query = `?start_date=${now - USAGE_WINDOW_MS}&end_date=${now}`;
    const usage = await getJson(source, `${USAGE_PATH}${query}`, options.signal);
    const read = usage.ok ? usageSchema.safeParse(usage.json) : null;
    if (read?.success) usedUsd = read.data.total_usage / 100;
    else if (!unlimited && balance === null) {
      // A limit without what was used says nothing about what is left.
      const reason = usage.ok
        ? CREDIT_TEXT.notOffered.shape(shapeProblem(read!.error!))
        : usage.reason;
      return { offered: false, reason };
    }
  }
  const remainingUsd = unlimited
    ? null
    : balance !== null
      ? balance
      : limitUsd !== null && usedUsd !== null
        ? limitUsd - usedUsd
        : null;
  return {
    offered: true,
    limitUsd,
    usedUsd: usedUsd === null ? null : cents(usedUsd),
    remainingUsd: remainingUsd === null ? null : cents(remainingUsd),
    unlimited,
  };
}

/** Rounded to a hundredth of a cent: enough for any display, free of float noise. */
function cents(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}
