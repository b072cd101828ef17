// `pika-tray credit [--json]`: asks the gateway once what the token has left and prints the
// limit, what was used and what remains. A gateway that does not offer it is exit 1 with a
// clear message; a rejected token is exit 3, as for every command.
import { textOf } from '../../core/text/text-error';
import { PikaApiError } from '../../core/api/errors';
import stringWidth from 'string-width';
import { formatUsd } from '../../core/credit/credit-text';
import { fetchCredit } from '../../core/credit/fetch-credit';
import type { CliContext } from '../command';
import { EXIT, exitCodeOf } from '../exit-codes';
import { creditHelp } from '../help-pages';
import { UsageError, parseCommandArgs } from '../options';

const CREDIT_OPTIONS = { json: { type: 'boolean' } } as const;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, CREDIT_OPTIONS, ctx.text);
  if (values['help']) {
    ctx.out(creditHelp(ctx.text));
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(ctx.text.t.usage.creditNoArgs(positionals[0]!));
  const t = ctx.text.t.credit;
  const m = ctx.text.t.main;
  const client = ctx.client(values);
  const host = new URL(client.baseUrl).host;
  let reading;
  try {
    reading = await fetchCredit(client);
  } catch (err) {
    if (!(err instanceof PikaApiError)) throw err;
    ctx.err(m.prefixed('credit', textOf(err, ctx.text.locale)));
    if (err.kind === 'token-rejected') ctx.err(ctx.text.t.get.tokenHint);
    return exitCodeOf(err);
  }
  if (!reading.offered) {
    // The reason names the gateway's route and answer: it stays in the core's English.
    ctx.err(m.prefixed('credit', t.notOffered(host, reading.reason)));
    return EXIT.failed;
  }
  const { limitUsd, usedUsd, remainingUsd, unlimited } = reading;
  if (values['json']) {
    ctx.out(JSON.stringify({ limitUsd, usedUsd, remainingUsd, unlimited }));
    return EXIT.ok;
  }
  const money = (usd: number | null, instead: string) => (usd === null ? instead : formatUsd(usd));
  const rows: [string, string][] = [
    [t.limit, unlimited ? t.unlimited : money(limitUsd, t.unknown)],
    [t.used, money(usedUsd, t.unknown)],
    [t.remaining, unlimited ? t.unlimited : money(remainingUsd, t.unknown)],
  ];
  // Padded in terminal columns: 剩余 is four columns wide, not two characters.
  const colon = ctx.text.locale === 'zh-Hans' ? '：' : ':';
  const heads = rows.map(([label, value]) => [`${label}${colon}`, value] as const);
  const width = Math.max(...heads.map(([head]) => stringWidth(head))) + 1;
  for (const [head, value] of heads)
    ctx.out(`${head}${' '.repeat(width - stringWidth(head))}${value}`);
  return EXIT.ok;
}
