// Words that come from a rule the CLI shares with the app (base URL, proxy address, task ids,
// download folder, the New video form), for a reader of `locale`. Such a rule may hand over an
// error carrying a MessageRef (TextError), a bare MessageRef, a `{message, ref}` or plain
// English text; each is rendered in the reader's language where it can be.
import type { Locale } from '../../core/i18n';
import { readMessageRef, renderMessage } from '../../core/text/message-ref';
import { textOf } from '../../core/text/text-error';

export function coreText(value: unknown, locale: Locale): string {
  const ref = readMessageRef(value);
  return ref ? renderMessage(ref, locale) : textOf(value, locale);
}
