// The English messages main builds for people and hands on as data (a MessageRef): errors
// shown in the window, the CLI and notifications. One file per topic; this file is the
// source of keys, and zh-Hans/index.ts must cover exactly these groups and keys.
import { commonEn } from './common';
import { generateFileEn } from './generate-file';
import { generateFormEn } from './generate-form';

export const messagesEn = {
  common: commonEn,
  generateForm: generateFormEn,
  generateFile: generateFileEn,
};

export type MessagesCatalog = typeof messagesEn;
