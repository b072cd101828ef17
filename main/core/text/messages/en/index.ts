// The English messages main builds for people and hands on as data (a MessageRef): errors
// shown in the window, the CLI and notifications. One file per topic; this file is the
// source of keys, and zh-Hans/index.ts must cover exactly these groups and keys.
import { commonEn } from './common';
import { apiEn } from './api';
import { tasksEn } from './tasks';
import { downloadEn } from './download';
import { settingsEn } from './settings';
import { tokenEn } from './token';
import { networkEn } from './network';
import { taskInputEn } from './task-input';
import { generateEn } from './generate';
import { generateFormEn } from './generate-form';
import { generateFileEn } from './generate-file';
import { creditEn } from './credit';
import { appErrorsEn } from './app-errors';
import { updateEn } from './update';

export const messagesEn = {
  common: commonEn,
  api: apiEn,
  tasks: tasksEn,
  download: downloadEn,
  settings: settingsEn,
  token: tokenEn,
  network: networkEn,
  taskInput: taskInputEn,
  generate: generateEn,
  generateForm: generateFormEn,
  generateFile: generateFileEn,
  credit: creditEn,
  appErrors: appErrorsEn,
  update: updateEn,
};

export type MessagesCatalog = typeof messagesEn;
