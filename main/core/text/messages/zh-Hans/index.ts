// 简体中文 messages: every group and key of en/index.ts, checked by the type.
import type { Catalog } from '../../../i18n';
import type { MessagesCatalog } from '../en';
import { commonZh } from './common';
import { generateFileZh } from './generate-file';
import { generateFormZh } from './generate-form';

export const messagesZh = {
  common: commonZh,
  generateForm: generateFormZh,
  generateFile: generateFileZh,
} satisfies Catalog<MessagesCatalog>;
