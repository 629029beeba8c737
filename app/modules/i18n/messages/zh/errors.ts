// Simplified Chinese: the error pages' words (messages/en/errors.ts).
import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  "errors.status": "错误 {status}",
  "errors.400.title": "该请求中有内容不正确",
  "errors.400.body": "请返回，检查您输入的内容后重试。",
  "errors.403.title": "您无权访问此页面",
  "errors.403.body": "如果您认为自己应有访问权限，请联系向您发送链接的人。",
  "errors.404.title": "找不到该页面",
  "errors.404.body": "链接可能已过期，或该页面属于其他账户。",
  "errors.429.title": "尝试次数过多",
  "errors.429.body": "请等待几分钟后重试。",
  "errors.500.title": "我们这边出了问题",
  "errors.500.body": "这并非您的操作所致，也没有发生重复扣款。请一分钟后重试；如果问题持续出现，请联系将您引导至此的商家。",
  "errors.home": "前往首页",
};
