import type { Catalog } from '../../../i18n';
import type { tokenEn } from '../en/token';

export const tokenZh = {
  empty: '令牌为空。',
  spaces: '令牌中含有空格或换行；请将它作为一个整体粘贴。',
  notAscii: '令牌中含有无法发送的字符（只允许可打印的 ASCII 字符）。',
  tooShort: (min) => `令牌太短（至少 ${min} 个字符）。`,
  tooLong: (max) => `令牌太长（最多 ${max} 个字符）。`,
  notChecked: '无法验证令牌（意外错误）。',
  refused: '服务器拒绝了此令牌（无效、已过期或额度已用完）。',
  forbidden: (why) => `服务器拒绝访问：${why}`,
  unreachable: (why) => `无法连接服务器：${why}`,
  noneSaved: '尚未保存令牌。',
  addFirst: '请先在“设置”中添加你的 Pika API 令牌。',
  notSent: (to) => `你保存的令牌没有发送到 ${to}。请为此服务器重新输入令牌，或在询问时确认发送。`,
  notSentFrom: (to, from) =>
    `你保存的令牌没有发送到 ${to}（它是为 ${from} 保存的）。请为此服务器重新输入令牌，或在询问时确认发送。`,
} satisfies Catalog<typeof tokenEn>;
