// A message as data: a catalog key and its arguments, turned into words only when a person
// reads it, in the language of that moment. Core code makes these (errors, refusals, polling
// failures); the window's handlers, the CLI and notifications render them, so a task's error
// stored yesterday reads in the language chosen today. Plain JSON: it is stored with tasks
// and checked when read back (`readMessageRef`).
import { formatter, type Locale, type PluralForms } from '../i18n';
import { messagesEn, type MessagesCatalog } from './messages/en';
import { messagesZh } from './messages/zh-Hans';

type Groups = MessagesCatalog;

/** "group.name" for every message in the English catalog. */
export type MessageKey = {
  [G in keyof Groups & string]: `${G}.${keyof Groups[G] & string}`;
}[keyof Groups & string];

type EntryOf<K> = K extends `${infer G}.${infer M}`
  ? G extends keyof Groups
    ? M extends keyof Groups[G]
      ? Groups[G][M]
      : never
    : never
  : never;

/** A text argument may itself be a message (a cause inside a summary). */
type ArgOf<P> = P extends string ? string | MessageRef : P;

/** What `say` takes after the key: the message's parameters, or a count for plural forms. */
export type MessageArgs<K extends MessageKey> =
  EntryOf<K> extends (...args: infer A) => string
    ? { [I in keyof A]: ArgOf<A[I]> }
    : EntryOf<K> extends string
      ? []
      : [count: number];

export type MessageArg = string | number | MessageRef;

export interface MessageRef {
  readonly key: MessageKey;
  readonly args: readonly MessageArg[];
}

const CATALOGS: Record<Locale, Groups> = { en: messagesEn, 'zh-Hans': messagesZh };

/** Names a message and its arguments; `renderMessage` turns it into words. */
export function say<K extends MessageKey>(key: K, ...args: MessageArgs<K>): MessageRef {
  return { key, args: args as readonly MessageArg[] };
}

type Entry = string | ((...args: unknown[]) => string) | PluralForms;

function entryOf(key: string, locale: Locale): Entry | undefined {
  const dot = key.indexOf('.');
  if (dot <= 0) return undefined;
  const group = key.slice(0, dot);
  const name = key.slice(dot + 1);
  const catalog = CATALOGS[locale] as unknown as Record<string, Record<string, Entry>>;
  if (!Object.hasOwn(catalog, group)) return undefined;
  const messages = catalog[group]!;
  return Object.hasOwn(messages, name) ? messages[name] : undefined;
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && entryOf(key, 'en') !== undefined;
}

/** The message in words of `locale`; arguments that are messages are rendered first. */
export function renderMessage(ref: MessageRef, locale: Locale): string {
  const entry = entryOf(ref.key, locale);
  const args = ref.args.map((a) => (typeof a === 'object' ? renderMessage(a, locale) : a));
  if (entry === undefined) return ref.key; // only reachable through a cast; keep it visible
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'function') return entry(...args);
  return formatter(locale).plural(Number(args[0]), entry);
}

const MAX_DEPTH = 4;
const MAX_ARGS = 8;
const MAX_TEXT = 4000;

/**
 * A message read back from disk or another process, or undefined when it is not one this
 * version knows (an older or newer key, a wrong shape): the caller keeps its stored text.
 */
export function readMessageRef(value: unknown, depth = 0): MessageRef | undefined {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  const { key, args } = value as { key?: unknown; args?: unknown };
  if (!isMessageKey(key) || !Array.isArray(args) || args.length > MAX_ARGS) return undefined;
  const out: MessageArg[] = [];
  for (const arg of args) {
    if (typeof arg === 'string') {
      if (arg.length > MAX_TEXT) return undefined;
      out.push(arg);
    } else if (typeof arg === 'number' && Number.isFinite(arg)) {
      out.push(arg);
    } else {
      const inner = readMessageRef(arg, depth + 1);
      if (!inner) return undefined;
      out.push(inner);
    }
  }
  return { key, args: out };
}
