import type { Catalog } from '../../../i18n';
import type { tasksEn } from '../en/tasks';

export const tasksZh = {
  requestFailed: '请求失败。',
  couldNotAsk: (detail) => `无法查询任务：${detail}`,
  unknownGaveUp: (id, times) =>
    `未知的任务 ID ${id}：服务器连续 ${times} 次表示没有这个任务。请检查 ID；点“重新检查”可再试一次。`,
  interrupted: '应用关闭时下载被中断。',
} satisfies Catalog<typeof tasksEn>;
