import type { Catalog } from '../../../i18n';
import type { appErrorsEn } from '../en/app-errors';

export const appErrorsZh = {
  taskGone: '该任务已不在列表中。',
  videoGone: '该视频已不在列表中。',
  videoNotInTask: '该视频不属于此任务。',
  noLink: '此视频还没有链接。',
  openFailed: (why) => `无法打开视频：${why}`,
  dragFailed: (why) => `无法开始拖放：${why}`,
  notDownloaded: '该视频尚未下载。',
  stillDownloading: '该视频仍在下载中。',
  fileGone: '下载的文件已不存在（被移动或删除）。请重新下载。',
  folderGone: '下载文件夹已不存在。',
  outsideFolder: '该文件不在下载文件夹中，因此 Pika Tray 不会打开它。',
  notAFile: '下载的文件不是普通文件。',
  notReady: '该视频还不能下载。',
  badLink: '该链接不是有效的 URL。',
  httpsOnly: '只能打开 https:// 链接。',
  linkCredentials: '不会打开包含登录凭据的链接。',
  unknownChannel: (channel) => `未知通道 ${channel}。`,
  notTheWindow: (channel) => `已拒绝 ${channel}：调用方不是 Pika Tray 窗口。`,
  invalidArguments: (channel, issues) => `${channel} 的参数无效：${issues}`,
} satisfies Catalog<typeof appErrorsEn>;
