// The add box (and anything else that reads pasted task ids): why a piece is not a task id.
import { defineCatalog } from '../../../i18n';

export const taskInputEn = defineCatalog({
  notText: 'Expected text holding task ids.',
  tooLong: 'The text is too long to hold task ids (over 1 MB).',
  tooDeep: (levels: number) => `This JSON is nested too deeply (over ${levels} levels).`,
  jsonCutOff: 'This looks like a JSON answer but it is cut off; paste the whole answer.',
  /** `why` is JSON.parse's own words. */
  jsonUnreadable: (why: string) =>
    `This looks like a JSON answer but it could not be read (${why}).`,
  tokenLeftOut: 'An API token was left out: paste task ids, feed links or feed answers.',
  notTaskLink: 'This link does not point at a task: expected …/pika/feed/<task id>.',
  linkEndsEarly: 'The link ends before the task id.',
  emptyList: 'This JSON list is empty.',
  noId: 'This JSON holds no task "id".',
  notFeed: 'This JSON is not a feed answer or a task id.',
  idEmpty: 'The task id is empty.',
  idIsToken: 'This looks like an API token, not a task id; it was left out.',
  idSlashes: 'A task id cannot contain slashes or "..".',
  idEncoded: 'A task id cannot contain encoded characters (%).',
  idQuery: 'A task id cannot contain "?" or "#".',
  idCharacters:
    'A task id may hold only letters, digits, "-" and "_" (task ids are usually UUIDs).',
  idTooShort: (min: number) => `A task id has at least ${min} characters.`,
  idTooLong: (max: number) => `A task id has at most ${max} characters.`,
});
