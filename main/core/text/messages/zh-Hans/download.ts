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
  notAFile: (path) => `${path} 不是普通文件（是链接或设备？），未作改动。请删除它后重新下载。`,
  noFreeName: (name, dir) => `在 ${dir} 中找不到可用于 ${name} 的空闲文件名。`,
  announcedTooLarge: (bytes, limit) =>
    `视频服务器声明的大小为 ${bytes} 字节，超过了视频允许的上限 ${limit}，未保存任何内容。`,
  compressed: (encoding) =>
    `视频服务器在被要求不压缩的情况下仍发送了压缩（${encoding}）的视频，未保存任何内容。`,
  partNotAsked: '视频服务器发送了并未请求的文件片段。',
  emptyFile200: '视频服务器返回了空文件（HTTP 200，0 字节），未保存任何内容。',
  tooSlow: (kib, seconds) =>
    `视频服务器速度过慢（${seconds} 秒内不足 ${kib} KiB），下载已暂停，稍后将从断点继续。`,
  moreThanAnnounced: (total) => `视频服务器发送的数据超过了它声明的 ${total} 字节。`,
  moreThanLimit: (limit) =>
    `视频服务器在未声明大小的情况下发送了超过 ${limit} 的数据，下载已停止，未保存任何内容。`,
  partChanged: '下载过程中临时文件被改动（是否有其他下载正保存到同一文件夹？）。',
  partsDoNotFit: '视频服务器一直发送无法拼接的片段。',
  badScheme: (scheme) => `视频链接使用的是 ${scheme}，只能下载 http 和 https 链接。`,
  plainHttp: (host) =>
    `链接 ${host} 使用不加密的 http；只有本地网关才允许通过 http 获取视频和图片。`,
  internalAddress: (host, address) =>
    `服务器给出的链接指向 ${host}${host === address ? '' : `（${address}）`}，这是本机或内部网络中的地址；除非网关本身就在本地，否则 Pika Tray 不会从那里获取内容。`,
} satisfies Catalog<typeof downloadEn>;
