import type { Catalog } from '../../../i18n';
import type { apiEn } from '../en/api';

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} 毫秒`;
  return ms < 10_000 ? `${Number((ms / 1000).toFixed(1))} 秒` : `${Math.round(ms / 1000)} 秒`;
}

/** A space after a subject that ends in a Latin letter or digit (a task id) before CJK text. */
function sp(subject: string): string {
  return /[A-Za-z0-9]$/.test(subject) ? `${subject} ` : subject;
}

export const apiZh = {
  subjectTask: (id) => (id === '' ? '任务' : `任务 ${id}`),
  subjectGenerate: '生成请求',
  subjectCredit: '令牌额度',
  withServer: (summary, said) => `${summary}${said}`,
  noToken: '尚未设置 Pika API 令牌。请先填写令牌，然后重试。',
  invalidTaskId: '这不是有效的任务 ID（由字母、数字、“-”和“_”组成，6 到 128 个字符）。',
  tokenRejected: 'Pika API 拒绝了你的令牌（HTTP 401）。请检查或更换令牌。',
  outOfQuota: (status) => `你的 Pika API 账户额度已用完（HTTP ${status}）。请充值后重试。`,
  accessRefused: (status) =>
    `Pika API 拒绝访问（HTTP ${status}）：可能是账户、当前 IP 地址或该模型不被允许。`,
  rateLimited: '对 Pika API 的请求过于频繁（HTTP 429）。请稍等片刻再试。',
  rateLimitedWait: (ms) =>
    `对 Pika API 的请求过于频繁（HTTP 429）。请等待 ${Math.ceil(ms / 1000)} 秒后再试。`,
  noGenerateRoute: '服务器没有 /pika/generate 接口（HTTP 404）。请检查 API 基础 URL。',
  unknownTask: (subject, status) => `服务器上找不到${subject}（HTTP ${status}）。请检查任务 ID。`,
  notFoundPage: (subject) =>
    `服务器对${sp(subject)}返回了一个“未找到”网页（HTTP 404）。请检查任务 ID 和 API 基础 URL。`,
  serverProblem: (subject, status) =>
    `Pika API 处理${sp(subject)}时出错（HTTP ${status}）。这通常是暂时的，请稍后重试。`,
  refused: (subject, status) => `服务器拒绝了${subject}（HTTP ${status}）。`,
  refusedField: (subject, status, field) =>
    `服务器拒绝了${subject}（HTTP ${status}），问题出在字段“${field}”。`,
  redirected: (subject, status, host) =>
    `服务器把${sp(subject)}重定向${host === '' ? '' : `到 ${host}`}（HTTP ${status}）；令牌不会发送给重定向地址。请检查 API 基础 URL。`,
  unexpected: (status, subject) => `服务器对${sp(subject)}的回答出乎意料（HTTP ${status}）。`,
  tooLarge: (megabytes) =>
    `服务器的回答超过 ${megabytes} MB，不可能是任务查询的回答。请检查 API 基础 URL。`,
  emptyAnswer: (subject) => `服务器对${sp(subject)}返回了空回答。`,
  webPage: (subject) =>
    `服务器对${sp(subject)}返回的是网页，而不是 API 的 JSON 回答。请检查 API 基础 URL。`,
  notJson: (subject) => `服务器对${sp(subject)}的回答不是有效的 JSON。`,
  noTaskId: '生成请求的回答里没有可用的任务 ID。任务可能已经创建：再次生成前请先确认。',
  notATask: (issues) => `任务查询的回答不是一个任务（${issues}）。`,
  linkNotTrusted: (where) => `任务查询回答中的 ${where} 不是 http(s) 链接，因此未被采用。`,
  answerBegan: (summary, start) => `${summary}回答开头为：${start}`,
  mayBeCreated: (summary) => `${summary}任务可能已经创建：再次生成前请先确认。`,
  timedOut: (host, subject, ms) => `${host} 在 ${seconds(ms)}内没有回应${subject}（已超时）。`,
  couldNotGet: (subject, why) => `无法获取${subject}：${why}`,
  couldNotGetBecause: (subject, reason) => `无法获取${subject}：${reason}。`,
  dnsFailed: (host) => `找不到 ${host}（DNS 解析失败），请检查地址和网络连接`,
  connRefused: (host) => `${host} 拒绝了连接`,
  resetMidAnswer: (host) => `与 ${host} 的连接在回答途中被重置`,
  reset: (host) => `与 ${host} 的连接被重置`,
  connTimedOut: (host) => `连接 ${host} 超时`,
  unreachable: (host) => `当前网络无法访问 ${host}`,
  tlsFailed: (host, code) => `与 ${host} 的安全连接失败（${code}）`,
  connFailed: (host, code) => `连接 ${host} 失败${code === '' ? '' : `（${code}）`}`,
  proxyRefused: (proxy, code) =>
    `无法连接代理 ${proxy}${code === '' ? '' : `（${code}）`}：代理是否在运行，地址是否正确？`,
  proxyAuth: (proxy) =>
    `代理 ${proxy} 要求用户名和密码（HTTP 407），或拒绝了所给的用户名和密码。请把它们写进代理地址：http://用户名:密码@主机:端口。`,
  proxyCannotReach: (proxy, target, status) =>
    `代理 ${proxy} 无法访问 ${target}${status === 0 ? '' : `（HTTP ${status}）`}。`,
  proxyFailed: (proxy, target, detail) =>
    `代理 ${proxy} 连接 ${target} 失败${detail === '' ? '' : `：${detail}`}。`,
} satisfies Catalog<typeof apiEn>;
