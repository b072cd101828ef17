import type { Catalog } from '../../../i18n';
import type { generateFileEn } from '../en/generate-file';

export const generateFileZh = {
  notAFile: (path: string) => `${path} 不是文件。`,
  fileMissing: (path: string) => `${path} 不存在。`,
  fileUnreadable: (path: string, code: string) => `无法读取 ${path}（${code}）。`,
} satisfies Catalog<typeof generateFileEn>;
