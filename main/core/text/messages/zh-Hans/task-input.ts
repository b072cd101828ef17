import type { Catalog } from '../../../i18n';
import type { taskInputEn } from '../en/task-input';

export const taskInputZh = {
  notText: '需要包含任务 ID 的文本。',
  tooLong: '文本太长（超过 1 MB），无法从中读取任务 ID。',
  tooDeep: (levels) => `此 JSON 嵌套过深（超过 ${levels} 层）。`,
  jsonCutOff: '这看起来是 JSON 响应，但内容不完整；请粘贴完整的响应。',
  jsonUnreadable: (why) => `这看起来是 JSON 响应，但无法读取（${why}）。`,
  tokenLeftOut: '已略过一个 API 令牌：请粘贴任务 ID、feed 链接或 feed 响应。',
  notTaskLink: '此链接没有指向任务：应为 …/pika/feed/<任务 ID>。',
  linkEndsEarly: '链接在任务 ID 之前就结束了。',
  emptyList: '此 JSON 列表为空。',
  noId: '此 JSON 中没有任务“id”。',
  notFeed: '此 JSON 既不是 feed 响应，也不是任务 ID。',
  idEmpty: '任务 ID 为空。',
  idIsToken: '这看起来是 API 令牌而不是任务 ID，已略过。',
  idSlashes: '任务 ID 不能包含斜杠或“..”。',
  idEncoded: '任务 ID 不能包含编码字符（%）。',
  idQuery: '任务 ID 不能包含“?”或“#”。',
  idCharacters: '任务 ID 只能包含字母、数字、“-”和“_”（任务 ID 通常是 UUID）。',
  idTooShort: (min) => `任务 ID 至少有 ${min} 个字符。`,
  idTooLong: (max) => `任务 ID 最多有 ${max} 个字符。`,
} satisfies Catalog<typeof taskInputEn>;
