// 帮助文字的简体中文版；键与 help-en.ts 一一对应。选项名、命令名、环境变量和示例值保持原样。
import type { Catalog } from '../../core/i18n';
import type { HelpCatalog } from './help-en';

export const helpZh = {
  usage: (synopsis) => `用法：${synopsis}`,
  options: '选项：',
  commands: '命令：',
  shared: '所有命令通用的选项：',
  exitCodes: (codes) => `退出码：${codes}。`,
  exitSeparator: '；',
  exitSeparatorLong: '；',
  separator: '、',
  main: {
    synopsis: 'pika-tray <命令> [选项]',
    more: '运行 “pika-tray <命令> --help” 查看该命令的选项。',
  },
  summary: {
    get: '向 API 查询一次任务并显示结果',
    generate: '开始一次视频生成（计费），并输出其任务 ID',
    watch: '跟踪任务直到结束；发送通知；下载视频',
    credit: '显示 API 令牌的剩余额度（总额度、已用、剩余）',
  },
  sharedRows: {
    baseUrlHead: '--base-url <url>',
    baseUrl: (fallback) => `API 基础 URL（也可用环境变量 PIKA_BASE_URL；默认 ${fallback}）`,
    tokenHead: '--token <令牌>',
    token: 'API 令牌（建议改用环境变量 PIKA_TOKEN，以免令牌出现在进程列表中）',
    proxyHead: '--proxy <url>',
    proxy:
      '所有请求使用的代理：http://host:port、https://…、socks5://…，可带 user:pass@' +
      '（也可用环境变量 PIKA_PROXY）；设为 "direct" 则忽略所有代理变量。' +
      '默认读取 HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY',
    help: '显示帮助',
  },
  get: {
    synopsis: 'pika-tray get <任务> [--json] [--retries <n>]',
    intro:
      '向 Pika API 查询一次任务，显示其状态、进度、种子、时长、链接和错误。' +
      '<任务> 可以是任务 ID、feed 链接（…/pika/feed/<id>）或粘贴的 feed 返回内容。',
    json: '以 JSON 输出任务（应用内部使用的规范化格式）',
    retriesHead: '--retries <n>',
    retries: '遇到限流、服务器错误或网络错误时的重试次数（默认 3，最多 10）',
    unknownNote:
      '刚创建的任务可能在几秒内还查不到。与应用相同，get 只有连续 3 次收到“没有这个任务”' +
      '才认定任务不存在：它会在 1 秒和 2 秒后再次查询（并在 stderr 中说明），' +
      '因此一个不存在的 ID 大约需要 3 秒才以退出码 1 结束。',
    exit0: '已得到回答',
    exit1: '任务不存在，或服务器持续出错',
  },
  credit: {
    synopsis: 'pika-tray credit [--json]',
    intro:
      '向网关查询 API 令牌的额度：总额度、已用和剩余' +
      '（GET /v1/dashboard/billing/subscription 与 …/usage）。额度不限的令牌显示“无限制”。',
    json: '输出 {"limitUsd", "usedUsd", "remainingUsd", "unlimited"}（单位为美元；网关未提供的项为 null）',
    exit0: '已得到回答',
    exit1: '网关不提供额度信息（或持续出错）',
  },
  generate: {
    synopsis: 'pika-tray generate "<提示词>" [选项]',
    intro:
      '开始一次视频生成（由 Pika 计费），并输出其任务 ID。请求只发送一次，从不重试：' +
      '如果没有收到回答，结果未知，再次发送前请先查看你的任务。',
    model: 'Pika 模型（默认 2.0）',
    effectHead: '--effect 名称',
    effect: (names) => `Pikaffect 特效：${names}`,
    aspectHead: '--aspect 宽:高',
    aspect: (ratios) => `${ratios}（使用 --image 或 --extend 时忽略：画幅取自图片或视频）`,
    aspectDefault: (ratio) => `${ratio}（默认）`,
    frameRate: '帧率，每秒 8–24 帧（默认 24）',
    motion: '运动幅度 0–4（默认 1）',
    guidance: '提示词遵循程度 8–24，越大越贴近提示词（默认 12）',
    negativeHead: '--negative 文本',
    negative: '视频中应避免的内容（反向提示词）',
    imageHead: '--image 文件|URL',
    image: '以图片为起点：PNG/JPEG/WebP 文件（最大 10\u00a0MB）或 https 链接',
    extendHead: '--extend 任务|URL',
    extend: '延长一个已完成的视频：填写其任务 ID 或视频链接',
    json: '以 JSON 输出 {"id": ...}',
    watch:
      '跟踪新任务直到结束（同 "pika-tray watch"）；与 --json 同用时，任务 ID 之后逐行输出 JSON 事件',
    downloadDirHead: '--download-dir 目录',
    downloadDir: '与 --watch 同用：将视频保存到该目录',
    noNotify: '与 --watch 同用：不显示桌面通知',
    intervalHead: '--interval 秒数',
    interval: '与 --watch 同用：两次查询之间的最短间隔（默认 5）',
    watchTimeoutHead: '--watch-timeout 秒数',
    watchTimeout: '与 --watch 同用：等待超过该时长后停止（退出码 1）',
    timeoutHead: '--timeout 秒数',
    timeout: '等待服务器回答的时长（默认 30）；超时后不会重新发送请求',
    exit0: '已开始',
    exit1: '被拒绝，或结果未知（重新发送前请先检查）',
    exit2: '用法错误（未发送任何请求）',
  },
  watch: {
    synopsis: 'pika-tray watch <任务...> [选项]',
    intro:
      '跟踪 Pika 任务直到每个任务完成或失败，并显示进度。任务可以是任务 ID、' +
      '.../pika/feed/<id> 链接或 feed 返回内容（JSON）。',
    downloadDirHead: '--download-dir 目录',
    downloadDir: '将每个已完成任务的所有视频保存到该目录（目录必须已存在）。中断的下载下次会继续。',
    json: (types) =>
      `每个事件输出一行 JSON 对象 {"type", "taskId", …}，而不显示进度条；type 取值为 ${types}。`,
    noNotify: '任务完成或失败时不显示桌面通知。',
    timeoutHead: '--timeout 秒数',
    timeout: '等待超过该秒数后停止（若仍有任务在运行，退出码为 1）。',
    intervalHead: '--interval 秒数',
    interval: '同一任务两次查询之间的最短间隔（默认 5）。',
    maxIntervalHead: '--max-interval 秒数',
    maxInterval: '同一任务两次查询之间的最长间隔（默认 60）。',
    stalledAfterHead: '--stalled-after 秒数',
    stalledAfter: '任务运行超过该时长仍未结束时报告为停滞，并不再等待（默认 3600）。',
    maxRateHead: '--max-rate N',
    maxRate:
      '每分钟最多 N 个请求（默认不限）。请求速率本来就会根据网关自动调整：起初较宽松，' +
      '遇到 429 时降低（立即降到 Retry-After / RateLimit 响应头给出的值），' +
      '一切正常时再缓慢提高；本次运行只在内存中记住它。--max-rate 为其设上限；' +
      '每个运行中的任务仍至少每个 --max-interval 查询一次。',
    exit0: '所有任务都已完成（使用 --download-dir 时也都已保存）',
    exit1: '有任务失败、停滞或超时，或有下载失败',
    exit2: '参数或配置错误',
    exit3: 'API 令牌被拒绝，或账户被拒（额度、封禁、IP）',
    exit130: '被中断（Ctrl-C）：未下完的文件保留为 .part 文件，下次继续下载',
  },
  exit: {
    usage: '用法或配置错误',
    auth: '令牌被拒绝，或账户不被允许',
  },
} satisfies Catalog<HelpCatalog>;
