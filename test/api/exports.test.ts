// CSV and XLSX exports over HTTP: the workbook opens with a spreadsheet library and matches the
// list; an export shows what a list shows, so an accuser's identity is in nobody's file, and a
// township user's copy also blanks an accuser named in free text.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../prisma/seed';
import { ownTownship, TOWNSHIP_A } from '../support/fixtures';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { DAY_MS, registerMix } from '../support/case-mix';
import { eventually } from '../support/eventually';

const TOWNSHIP = ownTownship('exports');
const officer = DEMO_USERS.find((u) => u.townshipCode === TOWNSHIP.code)!.username;
const ACCUSER = { name: '举报人王五', phone: '13912345678', idNumber: '41052119700101123X', address: '马坊村五组' };

let api: ApiStack;
let manager: string;
let townshipUser: string;

beforeAll(async () => {
  api = await startApiStack();
  [manager, townshipUser] = await Promise.all([api.login('manager'), api.login(officer)]);
  const at = (d: number) => new Date(Date.now() - d * DAY_MS).toISOString();
  await registerMix(api, [
    {
      registration: { township: TOWNSHIP.code, kind: 'accusation', petitioner: ACCUSER, subject: '举报村干部优亲厚友', request: `${ACCUSER.name}请求查处`, receivedAt: at(3) },
      actions: ['accept'],
    },
    { registration: { township: TOWNSHIP.code, subject: '=HYPERLINK("http://x","点击")', receivedAt: at(2) }, actions: ['accept', 'submit-investigation'] },
    { registration: { township: TOWNSHIP.code, anonymous: true, petitioner: undefined, kind: 'help', receivedAt: at(1) }, actions: [] },
    // Never accepted in 30 days: its acceptance clock has climbed to supervision (督办).
    { registration: { township: TOWNSHIP.code, kind: 'proposal', receivedAt: at(30) }, actions: [] },
  ]);
});
afterAll(async () => { await api?.stop(); });

async function download(path: string, token: string) {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

async function workbook(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A worksheet as header → value records, dates as they are stored. */
function records(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

const allText = (wb: ExcelJS.Workbook) => {
  const parts: string[] = [];
  wb.eachSheet((s) => s.eachRow((r) => parts.push(JSON.stringify(r.values))));
  return parts.join('\n');
};

describe('exports', () => {
  it('writes the case list as an XLSX that matches the list, in the same order', async () => {
    const r = await download(`/api/exports/cases?township=${TOWNSHIP.code}`, manager);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename=.*filename\*=UTF-8''%E4%BF%A1%E8%AE%BF%E6%A1%88%E4%BB%B6_\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = await workbook(r.data);
    const sheet = wb.getWorksheet('信访案件清单')!;
    const rows = records(sheet);
    const list = await api.request('GET', `/api/cases?township=${TOWNSHIP.code}&pageSize=100`, { token: manager });
    expect(rows.map((x) => x['案件编号'])).toEqual(list.body.items.map((i: { caseNo: string }) => i.caseNo));
    expect(rows.map((x) => x['信访类型'])).toEqual(['求助', '反映', '举报', '建议意见']);
    expect(rows.map((x) => x['办理阶段'])).toEqual(['待受理', '县级复查', '乡镇调查', '待受理']);
    expect(rows.every((x) => x['所属乡镇'] === TOWNSHIP.name)).toBe(true);
    expect(rows.map((x) => x['信访人'])).toEqual(['（匿名）', '张三', '（依规保密）', '张三']);
    // ID numbers are masked, as in lists; the accuser's is not there at all.
    expect(rows.map((x) => x['身份证号'])).toEqual([null, '410521********1234', null, '410521********1234']);
    expect(rows[2]!['诉求']).toBe(`${ACCUSER.name}请求查处`);
    // Dates are real date cells holding the China Standard Time wall clock.
    const received = new Date(list.body.items[0].receivedAt);
    expect((rows[0]!['收件时间'] as Date).getTime()).toBe(received.getTime() + 8 * 3600_000);
  });

  it('leaves the accuser out of every file a township user downloads', async () => {
    const xlsx = await download('/api/exports/cases', townshipUser);
    expect(xlsx.status).toBe(200);
    const wb = await workbook(xlsx.data);
    const rows = records(wb.getWorksheet('信访案件清单')!);
    expect(rows).toHaveLength(4);
    const accusation = rows.find((x) => x['信访类型'] === '举报')!;
    expect(accusation['信访人']).toBe('（依规保密）');
    expect(accusation['身份证号']).toBeNull();
    expect(accusation['诉求']).toBe('＊＊＊请求查处');
    const text = allText(wb);
    for (const secret of Object.values(ACCUSER)) expect(text).not.toContain(secret);
    expect(text).toContain('张三');

    const csv = await download('/api/exports/cases?format=csv&kind=accusation', townshipUser);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = csv.data.toString('utf8');
    for (const secret of Object.values(ACCUSER)) expect(body).not.toContain(secret);
    expect(body.split('\r\n')).toHaveLength(3);
    expect(body).toContain('（依规保密）');
  });

  it('writes CSV with a byte-order mark, Chinese headers, quoting and formula cells kept as text', async () => {
    const r = await download(`/api/exports/cases?format=csv&township=${TOWNSHIP.code}&kind=complaint`, manager);
    expect(r.status).toBe(200);
    expect([...r.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.data.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['案件编号', '收件时间', '信访类型', '来源渠道']);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
  });

  it('writes the statistics as a workbook whose figures match the statistics endpoint', async () => {
    // The supervision level is recorded by the case workflow's clock, just after registration.
    const stats = await eventually(() => api.request('GET', `/api/statistics?township=${TOWNSHIP.code}`, { token: manager }), (s) => s.body.supervised > 0, 'supervision');
    const r = await download(`/api/exports/statistics?township=${TOWNSHIP.code}`, manager);
    expect(r.status).toBe(200);
    const wb = await workbook(r.data);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '分类统计', '办理时长']);
    const overview = Object.fromEntries(records(wb.getWorksheet('概况')!).map((x) => [x['指标'], [x['数值'], x['分子'], x['分母']]]));
    expect(overview['案件总数']).toEqual([4, null, null]);
    expect(overview['答复率']).toEqual([0, 0, 2]);
    expect(stats.body.rates.reply).toEqual({ numerator: 0, denominator: 2, rate: 0 });
    expect([stats.body.overdue, stats.body.supervised]).toEqual([1, 1]);
    expect(overview['超期件数']).toEqual([1, null, null]);
    expect(overview['督办件数']).toEqual([1, null, null]);
    const kinds = records(wb.getWorksheet('分类统计')!).filter((x) => x['分类'] === '信访类型');
    expect(kinds.map((x) => [x['项目'], x['件数']])).toEqual([['咨询', 0], ['求助', 1], ['反映', 1], ['举报', 1], ['建议意见', 1]]);

    const csv = await download(`/api/exports/statistics?format=csv&township=${TOWNSHIP.code}`, manager);
    expect(csv.data.toString('utf8')).toContain('\r\n\r\n分类,项目,件数\r\n');
  });

  it('refuses bad export parameters, naming the field', async () => {
    const r = await api.request('GET', '/api/exports/cases?format=pdf', { token: manager });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].field).toBe('query.format');
    const paged = await api.request('GET', '/api/exports/cases?page=2', { token: manager });
    expect(paged.status).toBe(400);
    expect((await api.request('GET', '/api/exports/statistics')).status).toBe(401);
    const other = await api.request('GET', `/api/exports/statistics?township=${TOWNSHIP_A}`, { token: townshipUser });
    expect(other.status).toBe(403);
  });
});
