// The API token: why a pasted token was refused, and what Settings -> Token -> Test found.
import { defineCatalog } from '../../../i18n';

export const tokenEn = defineCatalog({
  empty: 'The token is empty.',
  spaces: 'The token contains spaces or line breaks; paste it as one word.',
  notAscii: 'The token contains characters that cannot be sent (only printable ASCII is allowed).',
  tooShort: (min: number) => `The token is too short (at least ${min} characters).`,
  tooLong: (max: number) => `The token is too long (at most ${max} characters).`,
  notChecked: 'The token could not be checked (unexpected error).',
  refused: 'The server refused this token (invalid, expired or out of credit).',
  /** `why` is the server's own words (or our description when it sent none). */
  forbidden: (why: string) => `The server refused access: ${why}`,
  unreachable: (why: string) => `The server could not be reached: ${why}`,
  noneSaved: 'No token is saved yet.',
  addFirst: 'Add your Pika API token in Settings first.',
  notSent: (to: string) =>
    `Your saved token was not sent to ${to}. Enter the token again for this server, or confirm sending it when asked.`,
  notSentFrom: (to: string, from: string) =>
    `Your saved token was not sent to ${to} (it was saved for ${from}). Enter the token again for this server, or confirm sending it when asked.`,
});
