import type { Catalog } from '../../../i18n';
import type { updateEn } from '../en/update';

export const updateZh = {
  feedNotYaml: (why: string) => `更新源不是有效的 YAML：${why}`,
  configNotYaml: (why: string) => `app-update.yml 不是有效的 YAML：${why}`,
  noFeedConfigured: 'app-update.yml 中没有配置 GitHub 或通用（generic）更新源。',
  feedMalformed: (detail: string) => `更新源格式有误（${detail}）。`,
  feedHttp: (status: number) => `更新源返回了 HTTP ${status}。`,
  feedUnreachable: (why: string) => `无法连接更新源（${why}）。`,
  noAnswerWithin: (seconds: number) => `${seconds} 秒内没有响应`,
} satisfies Catalog<typeof updateEn>;
