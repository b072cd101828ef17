// The two billing answers, checked with zod. Lenient where gateways differ harmlessly (extra
// fields, numbers sent as strings), strict on what the amounts are made of: an answer whose
// amounts are not finite numbers is an unknown shape, and the credit is not offered.
import { z } from 'zod';

const money = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number),
  ])
  .refine((n) => Number.isFinite(n), 'not a finite number');

export const subscriptionSchema = z.object({
  object: z.string().optional(),
  hard_limit_usd: money,
  soft_limit_usd: money.nullish(),
  system_hard_limit_usd: money.nullish(),
  // Added by some gateways of the family.
  used_usd: money.nullish(),
  balance_usd: money.nullish(),
});

/** total_usage is in hundredths of a dollar. */
export const usageSchema = z.object({
  object: z.string().optional(),
  total_usage: money,
});

export type Subscription = z.infer<typeof subscriptionSchema>;

/** The gateways' marker for a token with unlimited quota (compared as "at least"). */
export const UNLIMITED_USD = 100_000_000;

/** Where a schema refused the answer, in a few words for the log and the CLI. */
export function shapeProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 2)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'answer'}: ${i.message}`)
    .join('; ');
}
