// Which language the command line speaks: the first non-empty of LC_ALL, LC_MESSAGES, LANG
// (the order setlocale reads them in for messages). zh_CN.UTF-8, zh_SG, zh… → 简体中文;
// C, POSIX, unset and every other language → English.
import { resolveLocale, type Locale } from '../../core/i18n';

export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  const raw = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find(
    (v) => v !== undefined && v.trim() !== '',
  );
  return raw === undefined ? 'en' : resolveLocale([raw]);
}
