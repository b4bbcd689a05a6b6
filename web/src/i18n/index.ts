// Translation: zh-CN by default, English on request; the choice is kept in this browser.
import { en } from './en';
import { zhCN } from './zh-CN';

export type Key = keyof typeof zhCN;
export type Messages = Record<Key, string>;
export type Locale = 'zh-CN' | 'en';

const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'jianjian.locale';

let current: Locale = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';

export function locale(): Locale {
  return current;
}

export function setLocale(l: Locale): void {
  current = l;
  localStorage.setItem(STORAGE_KEY, l);
  document.documentElement.lang = l;
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[current][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The label of a value in a vocabulary (`stage`, `kind`…); a value added later shows as itself. */
export function label(group: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const key = `${group}.${value}`;
  return key in zhCN ? t(key as Key) : value;
}

export function isKey(key: string): key is Key {
  return key in zhCN;
}

// The API's field messages are English; the common ones read in Chinese here.
const MISSING = /^Invalid input: expected \w+, received undefined$/;

const API_MESSAGES_ZH: Array<[RegExp, string]> = [
  [/^is required$/, '必填'],
  [MISSING, '必填'],
  [/^is required unless anonymous is true$/, '非匿名信访须填写信访人'],
  [/^must be left out when anonymous is true$/, '匿名信访不填写信访人'],
  [/^is required for forwarded petitions$/, '上级交办件须填写交办来源'],
  [/^must be a phone number of 5 to 20 digits$/, '应为5至20位电话号码'],
  [/^must be an 18-character resident ID number$/, '应为18位居民身份证号'],
  [/^must be an email address$/, '请填写正确的电子邮箱'],
  [/^must be an ISO 8601 date-time$/, '请填写正确的日期时间'],
  [/^must not be in the future$/, '不能晚于当前时间'],
  [/^must include attendees from both the county and the township$/, '县、乡两级都须有人参加'],
  [/^must be a township code/, '请选择乡镇'],
  [/^unknown township code/, '乡镇不存在'],
  [/^Too big: expected string to have <=(\d+) characters$/, '不能超过 $1 个字'],
  [/^Too small: expected array to have >=(\d+) items$/, '至少 $1 项'],
  [/^Invalid option/, '请从列表中选择'],
  [/^the file is larger than the limit of (\d+) MB$/, '文件超过 $1 MB 的上限'],
  [/^the file is empty$/, '文件是空的'],
  [/^must end with (.+) for (.+)$/, '文件扩展名应为 $1'],
  [/^must be one of: /, '不支持此文件类型'],
  [/^the file's content is not /, '文件内容与类型不符'],
  [/^is wrong$/, '不正确'],
  [/^must be a case number like /, '案件编号格式应为 XF2026-000123'],
  [/^must be at most (\d+) days$/, '不能超过 $1 天'],
  // Refusals of a step another user took first, on a page opened before.
  [/^"[\w-]+" is not allowed in stage /, '案件已进入其他阶段，不能再办理此操作；请刷新页面'],
  [/^the case is paused .*resume it first$/, '计时已暂停，请先恢复计时'],
  [/^the case is already paused$/, '计时已暂停'],
  [/^the case is not paused$/, '计时未暂停'],
  [/^the case is closed/, '案件已办结'],
  [/^an extension request is already waiting/, '已有延期申请等待审批'],
  [/^no extension request is waiting for a decision$/, '没有等待审批的延期申请'],
  [/^the reply clock was already extended/, '答复期限已经延期一次，依法不能再延期'],
  [/^the window for (\S+) opened at (.+) \(China Standard Time\); a request cannot be dated before it$/, '$1申请期限自 $2 起，申请时间不能早于此时'],
  [/^the window for (\S+) ended at (.+) \(China Standard Time\); the request is too late$/, '$1申请期限已于 $2 届满'],
  [/^a request cannot be dated in the future$/, '申请时间不能晚于现在'],
  [/^the matter is final/, '该事项已办理终结，不再受理'],
  [/^must be a whole number of days$/, '应为整数天数'],
  [/^Too small: expected number to be >=(\d+)$/, '不能小于 $1'],
  [/^must be a date YYYY-MM-DD$/, '请填写正确的日期'],
  [/^must be a day of (\d+)$/, '应为 $1 年内的日期'],
  [/ is listed twice$/, '日期重复'],
  [/ is a weekday; make-up working days are /, '调休上班日应为周六或周日'],
  [/ cannot be both a holiday and a working day$/, '不能既是节假日又是调休上班日'],
  [/^must be the 8-character query code$/, '查询码为8位字母或数字'],
  [/^must be at least (\d+) characters$/, '至少 $1 个字符'],
  [/^must mix at least three of/, '须包含小写字母、大写字母、数字、符号中的至少三类'],
  [/^must not contain a common password/, '不能包含常见密码或系统名称'],
  [/^must differ from the current password$/, '不能与当前密码相同'],
  [/^must not contain the username$/, '不能包含用户名'],
];

export function apiMessage(message: string): string {
  // zod's wording for a missing field is the same for every field: say it plainly in either language.
  if (current !== 'zh-CN') return MISSING.test(message) ? 'is required' : message;
  for (const [pattern, zh] of API_MESSAGES_ZH) {
    const m = pattern.exec(message);
    if (m) return zh.replace(/\$(\d)/g, (_s, i: string) => m[Number(i)] ?? '');
  }
  return message;
}
