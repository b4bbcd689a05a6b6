// Written notices as official documents (DESIGN.md §7): each is issued from a case by the activity,
// numbered from the year's sequence, kept as an attachment, and read back here as a PDF: every
// element the law and GB/T 9704 require is checked in the extracted text and its position.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssueDocument, type IssueDocumentInput } from '../../activities/issue-document';
import { issuerOf, loadIssuerConfig, type Issuer } from '../../documents/issuer';
import { attendeeList, REVIEW_RIGHT, withoutReviewRight, type DocumentRequest } from '../../documents/notices';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { actor, inputs, registration } from '../support/fixtures';
import { readPdf, type PdfPage } from '../support/pdf-text';

const MM = 72 / 25.4;
let issuer: Issuer;
let api: ApiStack;
let desk: string;
let issue: ReturnType<typeof createIssueDocument>;

beforeAll(async () => {
  api = await startApiStack();
  desk = await api.login('desk');
  // The county as its master data names it (seeded for the demo), and this installation's 机关代字.
  const config = loadIssuerConfig({ DOCUMENT_CODE: '林民信' });
  issue = createIssueDocument(api.db, config);
  issuer = await issuerOf(api.db, config);
});
afterAll(async () => { await api?.stop(); });

async function register(overrides = {}): Promise<string> {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ receivedAt: '2026-10-09T09:30:00+08:00', ...overrides }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  return r.body.id;
}

const AT = '2026-12-04T10:00:00+08:00';
const input = (caseId: string, request: DocumentRequest, at = AT): IssueDocumentInput => ({
  caseId, key: `${caseId}:${request.kind}:${crypto.randomUUID()}`, at, actor: actor('desk', '李登记'), request,
});

/** Issues a notice, downloads it as the case's attachment and reads it. */
async function issued(caseId: string, request: DocumentRequest, at = AT): Promise<{ docNo: string; pages: PdfPage[]; text: string }> {
  const doc = await issue(input(caseId, request, at));
  expect(doc).not.toBeNull();
  const res = await fetch(`${api.url}/api/cases/${caseId}/attachments/${doc!.id}`, { headers: { authorization: `Bearer ${desk}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pages = await readPdf(new Uint8Array(await res.arrayBuffer()));
  return { docNo: doc!.docNo, pages, text: pages.map((p) => p.text).join('\n') };
}

/** A seeded body of the demo county. */
const bodyId = async (name: string) => (await api.db.body.findUniqueOrThrow({ where: { name } })).id;

const flat = (s: string) => s.replace(/\s+/g, '');
const runOf = (pages: PdfPage[], text: string) => pages.flatMap((p) => p.runs.map((r) => ({ ...r, page: p }))).find((r) => flat(r.text) === text);

/** GB/T 9704: A4, the type area 156 × 225 mm at 37 mm from the top and 28 mm from the left edge. */
function expectOfficialLayout(pages: PdfPage[], docNo: string, title: string, date: string) {
  for (const p of pages) {
    expect(p.width).toBeCloseTo(595.28, 0);
    expect(p.height).toBeCloseTo(841.89, 0);
    for (const r of p.runs) {
      expect(r.x).toBeGreaterThanOrEqual(28 * MM - 1);
      expect(r.x + r.width).toBeLessThanOrEqual((28 + 156) * MM + 1);
      expect(r.top).toBeGreaterThanOrEqual(37 * MM - 1);
    }
  }
  const first = pages[0]!;
  const centre = (28 + 78) * MM;
  // The issuer's mark heads the first page, centred and larger than the body; then the number, then the title.
  const mark = runOf(pages, flat(issuer.authority))!;
  expect(mark.page).toBe(first);
  expect(mark.x + mark.width / 2).toBeCloseTo(centre, -1);
  expect(mark.size).toBeGreaterThan(16);
  const no = runOf(pages, docNo)!;
  expect(no.x + no.width / 2).toBeCloseTo(centre, -1);
  expect(no.top).toBeGreaterThan(mark.top);
  const heading = runOf(pages, title)!;
  expect(heading.size).toBeCloseTo(22, 0);
  expect(heading.x + heading.width / 2).toBeCloseTo(centre, -1);
  expect(heading.top).toBeGreaterThan(no.top);
  // Signature and date at the end: the date four characters (of 156/28 mm) from the right edge, the signature centred over it.
  const last = pages.at(-1)!;
  const dated = runOf([last], date)!;
  expect(dated.x + dated.width).toBeCloseTo((28 + 156) * MM - 4 * (156 / 28) * MM, -1);
  const signed = last.runs.filter((r) => flat(r.text) === flat(issuer.authority)).at(-1)!;
  expect(signed.top).toBeLessThan(dated.top);
  expect(signed.x + signed.width / 2).toBeCloseTo(dated.x + dated.width / 2, 0);
  expect(last.text).toContain('（印章）');
  pages.forEach((p, i) => expect(p.text).toContain(`— ${i + 1} —`));
}

describe('written notices', () => {
  it('受理告知书: the county\'s bureau, its document number, the petitioner, the acceptance and the 60-day limit', async () => {
    const id = await register();
    const { docNo, pages, text } = await issued(id, { kind: 'acceptance', acceptedAt: '2026-10-12T09:00:00+08:00', replyDueAt: '2026-12-11T16:00:00.000Z' }); // 24:00 of 12-11, as the clocks give it
    expect(docNo).toMatch(/^林民信〔2026〕[1-9][0-9]*号$/);
    expectOfficialLayout(pages, docNo, '信访事项受理告知书', '2026年12月4日');
    const body = flat(text);
    expect(issuer.authority).toBe('示范县民政局');
    expect(body).toContain('示范县民政局');
    expect(body).toContain('张三：');
    expect(body).toContain('你于2026年10月9日以来访形式提出的关于“低保资格被取消”的信访事项');
    expect(body).toContain('已于2026年10月12日依法受理');
    expect(body).toContain('60日内办结');
    expect(body).toContain('至2026年12月11日届满');
    expect(body).toContain('经办人：李登记');
  });

  it('不予受理告知书 states the reason and its basis', async () => {
    const id = await register();
    const { docNo, pages, text } = await issued(id, { kind: 'rejection', ...inputs.reject });
    expectOfficialLayout(pages, docNo, '信访事项不予受理告知书', '2026年12月4日');
    expect(flat(text)).toContain('经审查，属于法院管辖。依据《信访工作条例》第三十一条，本机关决定不予受理。');
  });

  it('延期告知书 states the reason, the days and the new end of the limit', async () => {
    const id = await register();
    const { docNo, pages, text } = await issued(id, { kind: 'extension', reason: '需补充调查家庭收入', days: 30, replyDueAt: '2027-01-10T16:00:00.000Z' });
    expectOfficialLayout(pages, docNo, '信访事项延期办理告知书', '2026年12月4日');
    expect(flat(text)).toContain('因需补充调查家庭收入');
    expect(flat(text)).toContain('办理期限延长30日，至2027年1月10日届满');
  });

  it('转送函 goes to the receiving body, and for an accusation asks it to keep the accuser confidential', async () => {
    const id = await register({ kind: 'accusation', subject: '村干部优亲厚友' });
    const { docNo, pages, text } = await issued(id, { kind: 'transfer', bodyId: await bodyId('县纪委监委'), reason: '反映村干部违纪问题，属纪检监察机关职责' });
    expectOfficialLayout(pages, docNo, '信访事项转送函', '2026年12月4日');
    expect(flat(text)).toContain('县纪委监委：');
    expect(flat(text)).toContain('转送你单位依法处理');
    expect(flat(text)).toContain('请严格为检举控告人保密');
  });

  it('交办单 sets the receiving body\'s deadline', async () => {
    const id = await register();
    const { docNo, pages, text } = await issued(id, { kind: 'assignment', bodyId: await bodyId('县教育局'), reason: '属教育部门职责', dueAt: '2026-12-19T15:59:59Z' });
    expectOfficialLayout(pages, docNo, '信访事项交办单', '2026年12月4日');
    expect(flat(text)).toContain('交办你单位办理。请于2026年12月19日前办结');
    expect(flat(text)).not.toContain('请严格为检举控告人保密');
  });

  it('处理意见书: request, facts, decision, basis, the meeting with names and titles apart, and the review right once', async () => {
    const id = await register();
    const typed = '经研究，决定恢复你家低保待遇。如不服本意见，可在30日内申请复查。';
    const meeting = { ...inputs.reply.meeting, attendees: [{ name: '社会救助股 王复核', title: '社会救助股股长' }, { name: '城关镇经办人', title: '副镇长' }] };
    const { docNo, pages, text } = await issued(id, { kind: 'reply', ...inputs.reply, text: typed, meeting });
    expectOfficialLayout(pages, docNo, '信访事项处理意见书', '2026年12月4日');
    const body = flat(text);
    for (const part of ['一、信访请求', '请求恢复低保待遇', '二、查明的事实', '经查，家庭收入低于当地低保标准。', '三、处理意见', '恢复低保待遇', '经研究，决定恢复你家低保待遇。',
      '四、处理依据', '《社会救助暂行办法》第九条', '五、见面答复', '2026年11月20日，社会救助股王复核（社会救助股股长）、城关镇经办人（副镇长）在城关镇便民服务中心与你见面']) {
      expect(body).toContain(flat(part));
    }
    expect(body).not.toContain('社会救助股股长社会救助股');
    expect(body.split('请求复查').length - 1).toBe(1);
    expect(body).not.toContain('可在30日内申请复查');
    expect(body).toContain(flat(REVIEW_RIGHT));
  });

  it('numbers notices from one sequence per year, once per issuing step, and a new year starts at 1', async () => {
    const id = await register();
    const step = input(id, { kind: 'rejection', ...inputs.reject });
    const [a, again] = await Promise.all([issue(step), issue(step)]);
    expect(again).toEqual(a);
    expect(await api.db.caseDocument.count({ where: { key: step.key } })).toBe(1);
    expect(await api.db.attachment.count({ where: { id: a!.id } })).toBe(1);
    const b = await issue(input(id, { kind: 'rejection', ...inputs.reject }));
    const seq = (no: string) => Number(/〕([0-9]+)号/.exec(no)![1]);
    expect(seq(b!.docNo)).toBe(seq(a!.docNo) + 1);
    // 2099 is a year no other test issues in: its first notice is number 1.
    const next = await issue(input(id, { kind: 'rejection', ...inputs.reject }, '2099-01-01T00:30:00+08:00'));
    expect(next!.docNo).toBe('林民信〔2099〕1号');
  });

  it('a notice to an anonymous petitioner is not issued; a letter to a receiving body is', async () => {
    const id = await register({ petitioner: undefined, anonymous: true });
    expect(await issue(input(id, { kind: 'acceptance', acceptedAt: AT }))).toBeNull();
    const { text } = await issued(id, { kind: 'transfer', bodyId: await bodyId('县教育局'), reason: '属教育部门职责' });
    expect(flat(text)).toContain('匿名信访人');
  });
});

describe('the reply\'s text', () => {
  it('drops the sentences that state the review right, keeps every other', () => {
    expect(withoutReviewRight('决定恢复低保。如不服，可于三十日内请求复查。请按时领取。')).toBe('决定恢复低保。请按时领取。');
    expect(withoutReviewRight('复查结论维持原决定。')).toBe('复查结论维持原决定。');
  });

  it('lists attendees with their titles apart from their names', () => {
    expect(attendeeList([{ name: '王复核', title: '社会救助股股长' }, { name: '李四' }])).toBe('王复核（社会救助股股长）、李四');
  });
});

describe('a case\'s notices over HTTP', () => {
  it('lists them with their numbers, records their delivery, and keeps an accuser\'s from township users', async () => {
    const id = await register();
    const doc = (await issue(input(id, { kind: 'acceptance', acceptedAt: AT })))!;
    const listed = await api.request('GET', `/api/cases/${id}/documents`, { token: desk });
    expect(listed.body.items).toEqual([{
      id: doc.id, kind: 'acceptance', title: '信访事项受理告知书', docNo: doc.docNo, issuedAt: new Date(AT).toISOString(), delivery: null,
      href: `/api/cases/${id}/attachments/${doc.id}`,
    }]);
    const deliver = (body: unknown, token = desk, docId = doc.id) => api.request('POST', `/api/cases/${id}/documents/${docId}/delivery`, { token, body });
    const early = await deliver({ method: 'post', deliveredAt: '2026-12-01T10:00:00+08:00' });
    expect([early.status, early.body.error.fields[0].field]).toEqual([400, 'deliveredAt']);
    const future = await deliver({ method: 'post', deliveredAt: '2099-12-01T10:00:00+08:00' });
    expect([future.status, future.body.error.fields[0].field]).toEqual([400, 'deliveredAt']);
    const posted = await deliver({ method: 'post', deliveredAt: '2026-12-04T16:00:00+08:00' });
    expect(posted.status).toBe(200);
    expect(posted.body.delivery).toEqual({ method: 'post', deliveredAt: '2026-12-04T08:00:00.000Z' });
    expect((await deliver({ method: 'post', deliveredAt: '2026-12-04T16:00:00+08:00' }, await api.login('manager'))).status).toBe(403);
    expect((await deliver({ method: 'post', deliveredAt: '2026-12-04T16:00:00+08:00' }, desk, crypto.randomUUID())).status).toBe(404);

    const accusation = await register({ kind: 'accusation' });
    await issue(input(accusation, { kind: 'acceptance', acceptedAt: AT }));
    const officer = await api.login('town01');
    expect((await api.request('GET', `/api/cases/${accusation}/documents`, { token: officer })).body.items).toEqual([]);
    expect((await api.request('GET', `/api/cases/${accusation}/documents`, { token: desk })).body.items).toHaveLength(1);
    expect((await api.request('GET', `/api/cases/${id}/documents`, { token: await api.login('town02') })).status).toBe(404);
  });
});
