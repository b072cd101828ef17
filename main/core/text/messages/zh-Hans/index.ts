// 简体中文 messages: every group and key of en/index.ts, checked by the type.
import type { Catalog } from '../../../i18n';
import type { MessagesCatalog } from '../en';
import { commonZh } from './common';
import { apiZh } from './api';
import { tasksZh } from './tasks';
import { downloadZh } from './download';
import { settingsZh } from './settings';
import { tokenZh } from './token';
import { networkZh } from './network';
import { taskInputZh } from './task-input';
import { generateZh } from './generate';
import { generateFormZh } from './generate-form';
import { generateFileZh } from './generate-file';
import { creditZh } from './credit';
import { appErrorsZh } from './app-errors';
import { updateZh } from './update';

export const messagesZh = {
  common: commonZh,
  api: apiZh,
  tasks: tasksZh,
  download: downloadZh,
  settings: settingsZh,
  token: tokenZh,
  network: networkZh,
  taskInput: taskInputZh,
  generate: generateZh,
  generateForm: generateFormZh,
  generateFile: generateFileZh,
  credit: creditZh,
  appErrors: appErrorsZh,
  update: updateZh,
} satisfies Catalog<MessagesCatalog>;
