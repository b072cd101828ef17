// Every Simplified Chinese catalog, entry by entry, read for English left over: the window's,
// main's (tray, notifications, dialogs), main's messages (errors, refusals), the command
// line's and its help. Functions are called with placeholder arguments, so the words around
// them are read too. What stays in Latin letters is only what Chinese software writes that
// way as well: names (Pika, model and effect names), protocol and file terms, option names.
import { describe, expect, it } from 'vitest';
import { zhHans as mainZh } from '../../main/core/text/zh-Hans';
import { messagesZh } from '../../main/core/text/messages/zh-Hans';
import { zhHans as cliZh } from '../../main/cli/i18n/zh-Hans';
import { MODELS, PIKAFFECTS } from '../../main/core/generate/generate-options';

const KEPT = [
  /pika-tray(?: [a-z]+)?|\bzh-Hans\b/g, // the command and its subcommands; a setting's value
  /https?:\/\/\S*|socks5h?:\/\/\S*|socks4a?|\b[\w.-]+\.(?:ya?ml|json|mp4|sh|desktop)\b/g,
  /--?[a-z][\w-]*/g, // option names
  /\b[A-Z][A-Z0-9_]{2,}\b/g, // environment variables, HTTP, API, JSON, URL…
  /\bPika Tray\b|\bPika\b|\bGitHub\b|\bClash\b|\bWebP\b|\bRetry-After\b|\bRateLimit\b/g,
  /\buser:pass\b|\blocalhost\b|\bCtrl-C\b|\bfeed\b|\bgeneric\b|\bEnglish\b/g,
  /\bAppImage\b|\bAppArmor\b|\bUbuntu\b|\bWayland\b|\bX11\b|\bKWallet\b|\bkwallet\d?\b/g,
  /\bgnome_libsecret\b|\bbasic_text\b|\bSnoreToast\b|\bnotify-send\b|\bD-Bus\b/gi,
  /\b(?:KiB|MiB|GiB|MB|GB|KB|kB|ms)\b/g,
];
const NAMES = [...PIKAFFECTS, ...MODELS];

/** Runs of two or more English words left once the kept terms are taken out. */
function englishIn(text: string): string[] {
  let rest = text;
  for (const name of NAMES) rest = rest.split(name).join(' ');
  for (const re of KEPT) rest = rest.replace(re, ' ');
  return [...rest.matchAll(/[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,})+/g)].map((m) => m[0]);
}

const ARG = '甲';

// The window's catalog belongs to the renderer's TypeScript project, which this Node test is
// not part of: it is loaded at run time, as plain data, rather than type-checked from here.
const WINDOW_CATALOG = '../../renderer/src/i18n/zh-Hans';
const windowZh: unknown = ((await import(WINDOW_CATALOG)) as { zhHans: unknown }).zhHans;

function leaves(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const text = fn(...Array.from({ length: fn.length }, () => ARG));
    if (typeof text === 'string') out.push([path, text]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  }
}

describe.each([
  ['the window', windowZh],
  ['main (tray, notifications, dialogs)', mainZh],
  ['main’s messages', messagesZh],
  ['the command line', cliZh],
])('%s: no English left in 简体中文', (_name, catalog) => {
  const entries: [string, string][] = [];
  leaves(catalog, '', entries);

  it('has entries to read', () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  it('every entry reads in Chinese', () => {
    const left = entries
      .map(([path, text]) => [path, englishIn(text)] as const)
      .filter(([, found]) => found.length > 0)
      .map(([path, found]) => `${path}: ${found.join(' | ')}`);
    expect(left).toEqual([]);
  });
});

describe('the reader itself', () => {
  it('finds English words and lets names, options and protocol terms be', () => {
    expect(englishIn('服务器拒绝了 the request。')).toEqual(['the request']);
    expect(
      englishIn('用 --max-rate 限制 API 请求；Pika Tray 下载 Levitate 视频（HTTP 429）'),
    ).toEqual([]);
  });
});
