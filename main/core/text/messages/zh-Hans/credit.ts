import type { Catalog } from '../../../i18n';
import type { creditEn } from '../en/credit';

export const creditZh = {
  noRoute: (status) => `网关没有余额查询接口（HTTP ${status}）`,
  redirect: '网关把余额查询接口重定向到了别处',
  webPage: '网关的余额查询接口返回的是网页',
  notJson: '网关的余额查询响应不是 JSON',
  shape: (problem) => `网关的余额查询响应格式未知（${problem}）`,
  refusedSaying: (said) => `网关拒绝了余额查询：“${said}”`,
  refused: '网关拒绝了余额查询',
} satisfies Catalog<typeof creditEn>;
