// 命令行的简体中文文字；键与 en.ts 一一对应（缺键、多键或参数不符都无法通过类型检查）。
import type { Catalog } from '../../core/i18n';
import type { CliCatalog } from './en';

export const zhHans = {
  state: {
    queued: '排队中',
    running: '生成中',
    finished: '已完成',
    failed: '失败',
    stalled: '停滞',
  },
  main: {
    unknownCommand: (name, list) => `pika-tray：未知命令“${name}”。可用命令：${list}。`,
    runHelp: '运行 “pika-tray --help” 查看用法。',
    runCommandHelp: (name) => `运行 “pika-tray ${name} --help” 查看用法。`,
    unexpected: (name, why) => `pika-tray ${name}：意外错误：${why}`,
  },
  server: {
    said: (words) => `服务器返回：“${words}”`,
  },
  apiError: {
    'token-rejected': (status) => `API 令牌被拒绝${status}。`,
  },
  get: {
    task: '任务',
    prompt: '提示词',
    status: '状态',
    video: '视频',
    videoOf: (i, n) => `视频 ${i}/${n}`,
    noVideosYet: '（尚无视频）',
    serverStatus: (raw) => `（服务器状态为“${raw}”）`,
    seed: '种子',
    duration: '时长',
    videoUrl: '视频链接',
    shareUrl: '分享链接',
    poster: '封面',
    thumbnail: '缩略图',
    error: '错误',
    unknownAgain: (wait, n, of) =>
      `刚创建的任务可能在几秒内查不到：${wait}后再问一次（第 ${n}/${of} 次回答）…`,
    unknownTimes: (n) => `服务器连续 ${n} 次表示没有这个任务。`,
    gaveUp: (n) => `尝试 ${n} 次后放弃。`,
    retryingIn: (wait) => `${wait}后重试…`,
    tokenHint: '请将 PIKA_TOKEN 设为有效的 API 令牌（或使用 --token）。',
  },
  credit: {
    limit: '额度',
    used: '已用',
    remaining: '剩余',
    unlimited: '无限制',
    unknown: '未提供',
    notOffered: (host, reason) => `${host} 不提供令牌余额（${reason}）。`,
  },
  generate: {
    nothingSent: 'pika-tray generate：未发送任何请求：',
    refused: (option, why) => `pika-tray generate：被拒绝${option ? `（${option}）` : ''}：${why}`,
    nothingStarted: '没有开始任何生成。',
    unknownOutcome: 'pika-tray generate：结果未知——重新发送前请先检查。',
    unknownDetail:
      '没有收到回答，视频可能已经开始（并已计费），也可能没有。再次运行前请先查看你的 Pika 任务。',
    started: (id) => `已开始。跟踪进度：pika-tray watch ${id}`,
  },
  watch: {
    retrying: (why) => `重试中：${why}`,
    finishedLine: (prompt, videos) => `已完成 ${prompt}（${videos}）`,
    videos: { one: '# 个视频', other: '# 个视频' },
    failed: (error) => `失败：${error}`,
    stalledLine: (state, after) => `停滞：${after}后仍为“${state}”，不再等待`,
    stalledAfter: (after) => `${after}后停滞`,
    timedOutWhile: (state) => `超时（当时为“${state}”）`,
    timedOut: '超时',
    generationFailed: '生成失败。',
    saved: '已保存',
    alreadySaved: '此前已保存',
    downloadFailed: (videoId, error) => `视频 ${videoId} 下载失败：${error}`,
    barSaved: '↓ 已保存',
    barAlreadySaved: '= 此前已保存',
    barFailed: (error) => `↓ 失败：${error}`,
    perSecond: (size) => `${size}/秒`,
    savedPath: (path) => `已保存 ${path}`,
    notifyFailed: (why) => `pika-tray watch：无法显示通知（${why}）。`,
  },
} satisfies Catalog<CliCatalog>;
