import type { Catalog } from '../../../i18n';
import type { settingsEn } from '../en/settings';

export const settingsZh = {
  pollFloorSec: '最短轮询间隔（秒）',
  pollCapSec: '最长轮询间隔（秒）',
  stalledAfterMin: '视为停滞的时长（分钟）',
  pollMaxPerMin: '每分钟最多请求数（0 表示不限制）',
  outOfRange: (label, min, max) => `${label}必须在 ${min} 到 ${max} 之间。`,
  lowCredit: (max) => `余额不足提醒必须在 $0（关闭）到 $${max} 之间。`,
  folderNotAbsolute: '下载文件夹必须是完整（绝对）路径。',
  folderEmpty: '下载文件夹为空。',
  folderDevice: '下载文件夹不能是设备路径（\\\\?\\ 或 \\\\.\\）。',
  folderShare: '下载文件夹不能是网络共享（\\\\host\\share）：请选择本地文件夹。',
  folderDriveRoot: '下载文件夹不能是磁盘的根目录：请选择其中的某个文件夹。',
  folderRoot: '下载文件夹不能是文件系统的根目录：请选择一个文件夹。',
  folderChooseOnly: '下载文件夹只能通过“选择…”按钮更改。',
  networkMode: '请选择“系统代理”“不使用代理”或“手动”。',
  proxyUrlMissing: '请填写代理 URL，例如 http://127.0.0.1:7890。',
  proxyUrlInvalid: '代理 URL 无效。',
  baseUrlInvalid: 'API 基础 URL 无效。',
  taskLayout: '任务布局必须是“list”或“grid”。',
  language: '语言必须是“system”“en”或“zh-Hans”。',
  capBelowFloor: '最长轮询间隔不能短于最短轮询间隔。',
  loginItemFailed: (why) => `无法更改“登录时启动”：${why}`,
  loginItemStillOn: '“登录时启动”仍处于开启状态：请在系统设置中关闭。',
  loginItemNotOn: '未能开启“登录时启动”（系统可能需要你在其设置中批准）。',
} satisfies Catalog<typeof settingsEn>;
