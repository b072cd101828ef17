import type { Catalog } from '../../../i18n';
import type { generateEn } from '../en/generate';

export const generateZh = {
  writePrompt: '请先填写提示词（或提供图片、视频）。',
  unknownOutcome:
    '服务器没有应答，视频可能已经开始生成（并已计费），也可能没有。重新发送前请先查看你的 Pika 任务列表。',
  nothingSent: (what) => `${what}（请求未发送。）`,
  notTracked: (id) => `服务器已开始任务 ${id}，但无法跟踪它。`,
  quotaRefusal: (host) => `未创建：你在 ${host} 的额度已用完。请充值后重试。`,
  quotaRefusalNoHost: '未创建：你在网关的额度已用完。请充值后重试。',
} satisfies Catalog<typeof generateEn>;
