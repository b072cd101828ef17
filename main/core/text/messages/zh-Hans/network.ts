import type { Catalog } from '../../../i18n';
import type { networkEn } from '../en/network';

export const networkZh = {
  viaDirect: '直接连接',
  viaDirectNoSystemProxy: '直接连接（系统没有为它指定代理）',
  viaProxy: (proxy) => `通过代理 ${proxy}`,
  viaSystemProxy: (proxy) => `通过系统代理 ${proxy}`,
  reached: (host, via, status) => `网关 ${host} 已应答（${via}，HTTP ${status}）。`,
  unreachable: (host, via, why) => `无法连接 ${host}（${via}）：${why}`,
  noAnswer: (seconds) => `${seconds} 秒内没有应答`,
} satisfies Catalog<typeof networkEn>;
