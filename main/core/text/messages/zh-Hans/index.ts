// 简体中文 messages: every group and key of en/index.ts, checked by the type.
import type { Catalog } from '../../../i18n';
import type { MessagesCatalog } from '../en';
import { commonZh } from './common';
import { apiZh } from './api';
import { tasksZh } from './tasks';
import { downloadZh } from './download';

export const messagesZh = {
  common: commonZh,
  api: apiZh,
  tasks: tasksZh,
  download: downloadZh,
} satisfies Catalog<MessagesCatalog>;
