import type { Catalog } from '../../../i18n';
import type { downloadEn } from '../en/download';

export const downloadZh = {
  diskFull: (fileName, dir) =>
    `磁盘已满：没有空间把 ${fileName} 保存到 ${dir}。请释放一些空间后重新下载。`,
  folderMissing: (dir) => `下载文件夹 ${dir} 不存在。请创建它或选择其他文件夹。`,
  notAFolder: (dir) => `下载位置 ${dir} 不是文件夹。请选择其他文件夹。`,
  notWritable: (dir) => `无法写入下载文件夹 ${dir}（权限不足）。请选择一个可写入的文件夹。`,
  couldNotSave: (fileName, dir, detail) => `无法把 ${fileName} 保存到 ${dir}：${detail}`,
  folderNotCreated: (dir, detail) => `无法创建下载文件夹 ${dir}：${detail}`,
  cancelled: '下载已取消。',
  stopped: '下载已停止。',
  badUrl: '视频链接不是有效的 URL。',
  redirectNowhere: (status) => `视频服务器发来了重定向（HTTP ${status}），却没有给出目标地址。`,
  tooManyRedirects: (count) => `视频链接重定向超过 ${count} 次。`,
  downgraded: '视频链接从 https 重定向到了不加密的 http，已拒绝下载。',
  timedOut: (what) => `视频服务器未能及时发送${what === 'data' ? '数据' : '回应'}。`,
  connFailed: (detail) => `与视频服务器的连接失败（${detail}）。`,
  httpStatus: (status) => `视频服务器返回 HTTP ${status}。`,
  emptyFile: '视频服务器返回了空文件（0 字节），未保存任何内容。',
  closedEarly: (bytes, total) => `连接在收到 ${bytes} / ${total} 字节后关闭。`,
  expired: (status, refreshed) =>
    `视频链接已过期（HTTP ${status}）${refreshed ? '，重新查询任务也没有得到可用的链接' : ''}。`,
  failedAfter: (attempts, last) => `尝试 ${attempts} 次后下载失败：${last}`,
  failed: (detail) => `下载失败：${detail}`,
} satisfies Catalog<typeof downloadEn>;
