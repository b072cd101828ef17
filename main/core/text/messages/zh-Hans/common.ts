import type { Catalog } from '../../../i18n';
import type { commonEn } from '../en/common';

export const commonZh = {
  serverSaid: (words: string) => `服务器返回：“${words}”`,
  because: (what: string, why: string) => `${what}：${why}`,
} satisfies Catalog<typeof commonEn>;
