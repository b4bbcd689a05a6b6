// The web console in a real browser against the real API, worker, PostgreSQL and Temporal: each
// role does its part of a case from registration to closure, and the error paths show.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { launchBrowser, loginAs, openConsole, pageErrors, screenshot } from '../support/browser';
import { HAPPY_PATH, inputs, ownTownship, registration, TOWNSHIP_A } from '../support/fixtures';
import { noticeInput, startNotice } from '../support/notice-fixtures';

let api: ApiStack;
let browser: Browser;
let desk: string;

beforeAll(async () => {
  [api, browser] = await Promise.all([startApiStack(), launchBrowser()]);
  desk = await api.login('desk');
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const register = async (overrides = {}) => {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration(overrides), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  return r.body as { id: string; caseNo: string; queryCode: string };
};

const offered = (page: Page, card = '#actions') => page.$$eval(`${card} [data-action]`, (els) => els.map((e) => e.getAttribute('data-action')));
const clockOffered = (page: Page) => offered(page, '#clock');

async function openCase(page: Page, id: string) {
  const url = `${api.url}/#/cases/${id}`;
  // Going to the address a tab already shows changes nothing; reloading shows the case as it is now.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector('#timeline');
}

/** Performs an action on the open case page and waits until the page shows the new stage. */
async function act(page: Page, action: string, fill: (form: string) => Promise<void>, stage: string) {
  await page.click(`#actions [data-action="${action}"]`);
  const form = `#action-${action}`;
  await page.waitForSelector(form);
  await fill(form);
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`.case-page[data-stage="${stage}"]`);
}

describe('the web console', () => {
  it('serves the console at the root, without outside resources', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const js = await fetch(`${api.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(1000);
    const page = await openConsole(browser, api.url);
    await page.waitForSelector('#login-form');
    expect(await page.textContent('h1')).toBe('工作人员登录');
    await page.context().close();
  });

  it('shows the API\'s field errors beside the fields of an invalid intake, and registers nothing', async () => {
    const before = await api.db.case.count();
    const page = await loginAs(browser, api.url, 'desk');
    await page.goto(`${api.url}/#/intake`);
    await page.waitForSelector('#intake-form');
    await page.fill('[name="petitioner.name"]', '李四');
    await page.fill('[name="petitioner.idNumber"]', '12345');
    await page.fill('[name="petitioner.email"]', 'lisi-at-example');
    await page.click('#intake-form button[type=submit]');
    await page.waitForSelector('.form-errors:not([hidden])');
    const error = (name: string) => page.textContent(`[data-error-for="${name}"]`);
    expect(await error('subject')).toBe('必填');
    expect(await error('facts')).toBe('必填');
    expect(await error('township')).toBe('必填');
    expect(await error('petitioner.idNumber')).toBe('应为18位居民身份证号');
    expect(await error('petitioner.email')).toBe('请填写正确的电子邮箱');
    expect(await page.getAttribute('[name=subject]', 'aria-invalid')).toBe('true');
    await screenshot(page, '02-intake-errors');
    expect(await api.db.case.count()).toBe(before);
    await page.context().close();
  });

  // Seven screens and three roles: generous on a loaded machine.
  it('takes a case from the desk through the township and the county to closure', { timeout: 120_000 }, async () => {
    const earlier = await register({ subject: '早前的低保反映', petitioner: { name: '王五', idNumber: '410521198503030033' } });

    // Desk: registers, sees the similar open case, prints the acknowledgement.
    const deskPage = await loginAs(browser, api.url, 'desk');
    await deskPage.goto(`${api.url}/#/intake`);
    await deskPage.waitForSelector('#intake-form');
    await deskPage.selectOption('[name=channel]', 'visit');
    await deskPage.selectOption('[name=kind]', 'complaint');
    await deskPage.selectOption('[name=category]', 'dibao');
    await deskPage.selectOption('[name=township]', TOWNSHIP_A);
    await deskPage.fill('[name=village]', '前进村');
    await deskPage.fill('[name=subject]', '低保被停发');
    await deskPage.fill('[name=facts]', '申请人反映其家庭低保今年被停发，家庭收入没有变化。');
    await deskPage.fill('[name=request]', '请求恢复低保待遇');
    await deskPage.fill('[name="petitioner.name"]', '王五');
    await deskPage.fill('[name="petitioner.phone"]', '13900000001');
    await deskPage.fill('[name="petitioner.idNumber"]', '410521198503030033');
    await deskPage.press('[name="petitioner.idNumber"]', 'Tab');
    await deskPage.waitForSelector('.similar:not([hidden])');
    expect(await deskPage.textContent('.similar')).toContain(earlier.caseNo);
    await screenshot(deskPage, '01-intake-similar-warning');
    await deskPage.click('#intake-form button[type=submit]');
    await deskPage.waitForSelector('#acknowledgement');
    const ack = (await deskPage.textContent('#acknowledgement'))!;
    const caseNo = /XF\d{4}-\d{6}/.exec(ack)![0];
    const row = await api.db.case.findUniqueOrThrow({ where: { caseNo } });
    const detail = await api.request('GET', `/api/cases/${row.id}`, { token: desk });
    expect(ack).toContain(detail.body.queryCode);
    await screenshot(deskPage, '03-acknowledgement');

    // Desk: the acceptance queue lists it; the case page offers the desk's three choices, and accepting moves it on.
    // Other tests' cases share the queue: search it by the case number, as the desk would.
    await deskPage.goto(`${api.url}/#/queue/registered`);
    await deskPage.fill('form.filters [name=q]', caseNo);
    await deskPage.press('form.filters [name=q]', 'Enter');
    await deskPage.waitForSelector(`a:text("${caseNo}")`);
    await screenshot(deskPage, '04-acceptance-queue');
    await openCase(deskPage, row.id);
    expect(await offered(deskPage)).toEqual(['accept', 'reject', 'forward']);
    // A page opened before someone else took the step: the refusal says so on the form.
    const stale = await loginAs(browser, api.url, 'desk');
    await openCase(stale, earlier.id);
    expect((await api.request('POST', `/api/cases/${earlier.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
    await stale.click('#actions [data-action="reject"]');
    await stale.fill('#action-reject [name=reason]', inputs.reject.reason);
    await stale.fill('#action-reject [name=basis]', inputs.reject.basis);
    await stale.click('#action-reject button[type=submit]');
    await stale.waitForSelector('#action-reject .form-errors:not([hidden])');
    expect(await stale.textContent('#action-reject .form-errors')).toContain('案件已进入其他阶段');
    await stale.context().close();
    await act(deskPage, 'accept', async (f) => { await deskPage.fill(`${f} [name=note]`, '属民政职责，予以受理'); }, 'investigation');
    expect(await offered(deskPage)).toEqual([]);
    expect(await deskPage.textContent('#actions')).toContain('当前阶段没有您可以办理的操作');

    // Township officer: the case is in the township's list; only the investigation is offered.
    const town = await loginAs(browser, api.url, 'town01');
    await town.waitForSelector('h1:text("本乡镇案件")');
    await town.goto(`${api.url}/#/township?q=${caseNo}`);
    await town.waitForSelector(`a:text("${caseNo}")`);
    await screenshot(town, '05-township-cases');
    await openCase(town, row.id);
    expect(await offered(town)).toEqual(['submit-investigation']);
    const submitInvestigation = (findings: string, file: string) => act(town, 'submit-investigation', async (f) => {
      await town.fill(`${f} [name=findings]`, findings);
      await town.check(`${f} [name=proposedOutcome][value=support]`);
      await town.setInputFiles(`${f} input[type=file]`, { name: file, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n${findings}\n%%EOF\n`) });
      await screenshot(town, '06-investigation-form');
    }, 'recheck');
    await submitInvestigation('入户调查：家庭人均收入低于当地低保标准。', '入户调查记录.pdf');
    expect(await town.textContent('#attachments')).toContain('入户调查记录.pdf');
    expect(await town.textContent('#timeline')).toContain('入户调查记录.pdf');
    const [file] = await Promise.all([town.waitForEvent('download'), town.click('#attachments button:text("入户调查记录.pdf")')]);
    expect(file.suggestedFilename()).toBe('入户调查记录.pdf');

    // County reviewer: the re-check queue; returns once with a reason.
    const reviewer = await loginAs(browser, api.url, 'reviewer');
    await reviewer.goto(`${api.url}/#/queue/recheck?q=${caseNo}`);
    await reviewer.waitForSelector(`a:text("${caseNo}")`);
    await screenshot(reviewer, '07-recheck-queue');
    await openCase(reviewer, row.id);
    expect(await offered(reviewer)).toEqual(['approve', 'return']);
    await act(reviewer, 'return', async (f) => { await reviewer.fill(`${f} [name=reason]`, '缺少邻里走访记录'); }, 'investigation');
    expect(await reviewer.textContent('#rounds')).toContain('缺少邻里走访记录');

    // Township again, then the reviewer approves and writes the joint reply.
    await openCase(town, row.id);
    await submitInvestigation('补充邻里走访：三户邻居证实家庭收入情况属实。', '邻里走访记录.pdf');
    await openCase(reviewer, row.id);
    await act(reviewer, 'approve', async (f) => { await reviewer.fill(`${f} [name=note]`, '调查属实'); }, 'reply');
    await act(reviewer, 'reply', async (f) => {
      expect(await reviewer.inputValue(`${f} [name=facts]`)).toContain('三户邻居');
      await reviewer.fill(`${f} [name=decision]`, '恢复低保待遇，补发停发期间低保金');
      await reviewer.fill(`${f} [name=basis]`, '《社会救助暂行办法》第九条');
      await reviewer.fill(`${f} [name=text]`, '经县乡共同调查核实，你家庭人均收入低于当地低保标准，符合低保条件。');
      await reviewer.fill(`${f} [name="meeting.place"]`, '城关镇便民服务中心');
      await reviewer.fill(`${f} [name="meeting.attendees.1.name"]`, '城关镇经办人');
      await screenshot(reviewer, '08-reply-form');
    }, 'follow_up');
    await reviewer.click('a:text("打印处理意见书")');
    await reviewer.waitForSelector('#reply-letter');
    const letter = (await reviewer.textContent('#reply-letter'))!;
    for (const part of ['处理意见书', '请求恢复低保待遇', '三户邻居', '恢复低保待遇，补发', '《社会救助暂行办法》第九条', '30日内', '复查']) expect(letter).toContain(part);
    await screenshot(reviewer, '09-written-reply');
    // On paper only the letter itself: no menu, no buttons.
    await reviewer.emulateMedia({ media: 'print' });
    expect(await reviewer.isVisible('header.top')).toBe(false);
    expect(await reviewer.isVisible('button:text("打印")')).toBe(false);
    expect(await reviewer.isVisible('#reply-letter')).toBe(true);
    await screenshot(reviewer, '09-written-reply-print');
    await reviewer.emulateMedia({ media: 'screen' });

    // Desk: the follow-up visit closes the case; the timeline tells the whole story.
    await openCase(deskPage, row.id);
    await act(deskPage, 'follow-up', async (f) => {
      await deskPage.check(`${f} [name=response][value=satisfied]`);
      await deskPage.fill(`${f} [name=note]`, '当面回访，表示满意');
    }, 'closed');
    const timeline = await deskPage.$$eval('#timeline li', (els) => els.map((e) => e.getAttribute('data-type')));
    expect(timeline.filter((x) => x !== 'attachment')).toEqual(
      ['registered', 'accept', 'submit-investigation', 'return', 'submit-investigation', 'approve', 'reply', 'follow-up']);
    expect(timeline.filter((x) => x === 'attachment')).toHaveLength(2);
    expect(await offered(deskPage)).toEqual([]);
    await screenshot(deskPage, '10-closed-case');
    for (const p of [deskPage, town, reviewer]) await p.context().close();
  });

  it('shows a manager the overdue case on the dashboard, by township and stage, and the overdue list behind it', async () => {
    const { code: township, name: townshipName } = ownTownship('console');
    // Received 20 days ago and never accepted: the 15-day acceptance limit has passed.
    const late = await register({ subject: '逾期未受理的求助', kind: 'help', township, receivedAt: new Date(Date.now() - 20 * 86400_000).toISOString() });
    const page = await loginAs(browser, api.url, 'manager');
    await page.waitForSelector('.dashboard');
    const row = `#board tr[data-township="${township}"][data-stage="registered"]`;
    expect(await page.textContent(`${row} td.overdue`)).toBe('1');
    expect(await page.textContent(`${row} td.dueSoon`)).toBe('0');
    const board = await api.request('GET', '/api/dashboard', { token: await api.login('manager') });
    expect(await page.textContent('#tile-overdue .n')).toBe(String(board.body.totals.overdue));
    expect(await page.$$('figure.chart rect.bar.late')).not.toHaveLength(0);
    expect(await page.textContent('.charts')).toContain(townshipName);
    // The longest late first.
    const lateness = await page.$$eval('#overdue-list .days-late', (els) => els.map((e) => Number(/\d+/.exec(e.textContent!)![0])));
    expect(lateness.length).toBeGreaterThan(0);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    await screenshot(page, '11-manager-dashboard');

    // The township's overdue count opens the overdue list of that township and stage.
    await page.click(`${row} td.overdue a`);
    await page.waitForSelector(`table.cases a:text("${late.caseNo}")`);
    // Days late are whole days since the limit's end (24:00 of its last day, moved past rest days).
    const { body: lateCase } = await api.request('GET', `/api/cases/${late.id}`, { token: await api.login('manager') });
    expect(await page.textContent('table.cases')).toContain(`超期 ${Math.floor((Date.now() - Date.parse(lateCase.dueAt)) / 86_400_000)} 天`);
    expect(await page.$$('table.cases tbody tr')).toHaveLength(1);
    expect(await page.inputValue('form.filters [name=township]')).toBe(township);
    expect(await page.isChecked('form.filters [name=overdue]')).toBe(true);
    await screenshot(page, '11-overdue-list');

    // Statistics: the same numbers the API gives, charted.
    const stats = await api.request('GET', '/api/statistics', { token: await api.login('manager') });
    await page.click('header nav a[href="#/statistics"]');
    await page.waitForSelector('.statistics');
    expect(await page.textContent('#stats-total .n')).toBe(String(stats.body.total));
    expect(await page.textContent('#stats-overdue .n')).toBe(String(stats.body.overdue));
    expect(await page.textContent('#stats-supervised .n')).toBe(String(stats.body.supervised));
    expect(await page.textContent('.charts')).toContain('求助');
    await screenshot(page, '12-statistics');
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=xlsx]')]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync(await workbook.path()).subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip
    await page.context().close();
  });

  it('takes an extension request on the case page to a manager, who approves it from the queue; pauses stop the stage actions', async () => {
    const c = await register({ subject: '需要延期的案件' });
    expect((await api.request('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
    const town = await loginAs(browser, api.url, 'town01');
    await openCase(town, c.id);
    expect(await clockOffered(town)).toEqual(['request-extension', 'pause']);

    // The assignee asks, by keyboard: the API's refusals land beside the fields, the first one focused.
    await town.click('#clock [data-action="request-extension"]');
    const form = '#action-request-extension';
    await town.fill(`${form} [name=days]`, '45');
    await town.click(`${form} button[type=submit]`);
    await town.waitForSelector(`${form} [data-error-for=days] div`);
    expect(await town.textContent(`${form} [data-error-for=days]`)).toBe('不能超过 30 天');
    expect(await town.textContent(`${form} [data-error-for=reason]`)).toBe('必填');
    expect(await town.evaluate('document.activeElement.name')).toBe('days');
    await screenshot(town, '18-extension-errors');
    await town.keyboard.press('Control+A');
    await town.keyboard.type('20');
    await town.keyboard.press('Tab');
    await town.keyboard.type('需组织听证，调查时间不足');
    await town.keyboard.press('Tab');
    await town.keyboard.press('Enter');
    await town.waitForSelector('#clock[data-extension="requested"]');
    // One request at a time: asking again is no longer offered.
    expect(await clockOffered(town)).toEqual(['pause']);

    // The manager finds it in the queue of requests and decides.
    const before = (await api.request('GET', `/api/cases/${c.id}`, { token: desk })).body.replyDueAt;
    const manager = await loginAs(browser, api.url, 'manager');
    await manager.click('header nav a[href="#/queue/extensions"]');
    await manager.fill('form.filters [name=q]', c.caseNo);
    await manager.press('form.filters [name=q]', 'Enter');
    await manager.waitForSelector(`a:text("${c.caseNo}")`);
    await screenshot(manager, '19-extensions-queue');
    await manager.click(`a:text("${c.caseNo}")`);
    await manager.waitForSelector('#clock');
    expect(await offered(manager)).toEqual([]);
    // Managers decide on extensions, and may pause any case.
    expect(await clockOffered(manager)).toEqual(['approve-extension', 'decline-extension', 'pause']);
    expect(await manager.textContent('#extension-request')).toContain('申请延期 20 天');
    expect(await manager.textContent('#extension-request')).toContain('需组织听证，调查时间不足');
    await manager.click('#clock [data-action="approve-extension"]');
    await manager.fill('#action-approve-extension [name=note]', '同意延期');
    await screenshot(manager, '20-extension-decision');
    await manager.click('#action-approve-extension button[type=submit]');
    await manager.waitForSelector('#clock[data-extension="approved"]');
    expect(await clockOffered(manager)).toEqual(['pause']);
    expect(await manager.textContent('#timeline')).toContain('批准延期');
    const after = (await api.request('GET', `/api/cases/${c.id}`, { token: desk })).body.replyDueAt;
    expect(Date.parse(after) - Date.parse(before)).toBe(20 * 86400_000);
    const queue = await api.request('GET', `/api/cases?extension=requested&q=${c.caseNo}`, { token: await api.login('manager') });
    expect(queue.body.total).toBe(0);

    // Paused for the petitioner's materials: no stage action is offered until the clock resumes.
    await openCase(town, c.id);
    expect(await offered(town)).toEqual(['submit-investigation']);
    await town.click('#clock [data-action="pause"]');
    await town.check('#action-pause [name=reason][value=materials]');
    await town.click('#action-pause button[type=submit]');
    await town.waitForSelector('#clock[data-paused="true"]');
    expect(await offered(town)).toEqual([]);
    expect(await town.textContent('#actions')).toContain('恢复计时后才能办理');
    expect(await clockOffered(town)).toEqual(['resume']);
    expect(await town.textContent('#clock')).toContain('等待信访人补充材料');
    await screenshot(town, '21-paused');
    // Escape closes a form and gives the focus back to its button.
    await town.click('#clock [data-action="resume"]');
    await town.keyboard.press('Escape');
    expect(await town.$('#action-resume')).toBeNull();
    expect(await town.evaluate('document.activeElement.dataset.action')).toBe('resume');
    await town.keyboard.press('Enter');
    await town.click('#action-resume button[type=submit]');
    await town.waitForSelector('#clock[data-paused="false"]');
    expect(await offered(town)).toEqual(['submit-investigation']);
    for (const p of [town, manager]) await p.context().close();
  });

  it('takes the petitioner\'s rating on the public page, and 复查 from the desk\'s request to the county\'s decision', async () => {
    const c = await register({ subject: '复查测试' });
    const tokens = { desk, reviewer: await api.login('reviewer'), town: await api.login('town01') };
    const by: Record<string, string> = { accept: tokens.desk, 'submit-investigation': tokens.town, approve: tokens.reviewer, reply: tokens.reviewer };
    for (const action of ['accept', 'submit-investigation', 'approve', 'reply'] as const) {
      expect((await api.request('POST', `/api/cases/${c.id}/actions/${action}`, { token: by[action], body: inputs[action] })).status, action).toBe(200);
    }

    // The petitioner rates the reply on the lookup page.
    const lookup = await openConsole(browser, `${api.url}/#/lookup`);
    await lookup.fill('[name=caseNo]', c.caseNo);
    await lookup.fill('[name=code]', c.queryCode);
    await lookup.click('#lookup-form button[type=submit]');
    await lookup.waitForSelector('#satisfaction-form');
    expect(await lookup.textContent('#lookup-result')).toContain('可向县信访窗口提出复查申请');
    await lookup.click('#satisfaction-form button[type=submit]');
    await lookup.waitForSelector('#satisfaction-form [data-error-for=response] div');
    await lookup.check('#satisfaction-form [name=response][value=unsatisfied]');
    await lookup.click('#satisfaction-form button[type=submit]');
    await lookup.waitForSelector('#lookup-result:not(:has(#satisfaction-form))');
    expect(await lookup.textContent('#lookup-result')).toContain('不满意');
    await screenshot(lookup, '24-public-rating');

    // The desk records the request for 复查; the county records the decision.
    const deskPage = await loginAs(browser, api.url, 'desk');
    await openCase(deskPage, c.id);
    expect(await offered(deskPage, '#review')).toEqual(['request-review']);
    expect(await deskPage.textContent('#review')).toContain('不满意');
    await deskPage.click('#review [data-action="request-review"]');
    await deskPage.fill('#action-request-review [name=reason]', '对答复意见不服');
    await deskPage.click('#action-request-review button[type=submit]');
    await deskPage.waitForSelector('#action-request-review [data-error-for=body] div');
    await deskPage.fill('#action-request-review [name=body]', '市民政局');
    // Dated before the reply: refused by the workflow, named at the date.
    await deskPage.fill('#action-request-review [name=requestedAt]', '2020-01-01T09:00');
    await deskPage.click('#action-request-review button[type=submit]');
    await deskPage.waitForSelector('#action-request-review [data-error-for=requestedAt] div');
    expect(await deskPage.textContent('#action-request-review [data-error-for=requestedAt]')).toMatch(/^复查申请期限自 .+ 起，申请时间不能早于此时$/);
    await screenshot(deskPage, '25-review-request');
    await deskPage.fill('#action-request-review [name=requestedAt]', '');
    await deskPage.click('#action-request-review button[type=submit]');
    await deskPage.waitForSelector('#review[data-pending="review"]');
    expect(await offered(deskPage, '#review')).toEqual([]);

    const reviewer = await loginAs(browser, api.url, 'reviewer');
    await openCase(reviewer, c.id);
    expect(await offered(reviewer, '#review')).toEqual(['decide-review']);
    await reviewer.click('#review [data-action="decide-review"]');
    await reviewer.check('#action-decide-review [name=result][value=upheld]');
    await reviewer.fill('#action-decide-review [name=opinion]', '经复查，维持原处理意见');
    await reviewer.click('#action-decide-review button[type=submit]');
    await reviewer.waitForSelector('#review[data-window="re_review"]');
    expect(await reviewer.textContent('#timeline')).toContain('维持原处理意见');
    await screenshot(reviewer, '26-review-decided');
    for (const p of [lookup, deskPage, reviewer]) await p.context().close();
  });

  it('switches to English, with every label, heading and button translated', async () => {
    // A case taken to closure through the API, so its page shows every kind of entry; another one
    // paused with an extension waiting, so its page shows the clocks.
    const c = await register({ subject: '英文界面测试' });
    const tokens = { desk, reviewer: await api.login('reviewer'), town: await api.login('town01') };
    const by: Record<string, string> = { accept: tokens.desk, 'submit-investigation': tokens.town, approve: tokens.reviewer, reply: tokens.reviewer, 'follow-up': tokens.desk };
    for (const action of HAPPY_PATH) {
      const r = await api.request('POST', `/api/cases/${c.id}/actions/${action}`, { token: by[action], body: inputs[action] });
      expect(r.status, action).toBe(200);
    }
    const clocked = await register({ subject: '英文时限测试' });
    await register({ subject: '英文看板测试', receivedAt: new Date(Date.now() - 20 * 86400_000).toISOString() }); // overdue, for the dashboard
    // The township investigates, so it is the township that asks for time and pauses.
    for (const [action, body, token] of [['accept', inputs.accept, desk], ['request-extension', { days: 10, reason: '需听证' }, tokens.town], ['pause', { reason: 'hearing' }, tokens.town]] as const) {
      expect((await api.request('POST', `/api/cases/${clocked.id}/actions/${action}`, { token, body })).status, action).toBe(200);
    }
    // Labels the console writes itself; what users typed (subjects, names) may be Chinese.
    const chrome = 'label, h2, h3, th, dt, button, legend, header nav a, .badge, .case-head .due, .hint, figcaption, .tile, ul.legend, ol.timeline strong, #clock dd, #extension-request strong';
    const untranslated = (page: Page) => page.$$eval(chrome, (els) => els.map((e) => {
      const own = e.cloneNode(true) as typeof e;
      // Who did it (a person's name) and the townships to choose from are data, not labels.
      own.querySelectorAll('.meta, .actor, option').forEach((x: { remove(): void }) => x.remove());
      return own.textContent!.trim();
    }).filter((x) => /[\u4e00-\u9fff]/.test(x) && x !== '中文'));
    const views: Record<string, Array<[string, string]>> = {
      desk: [['#/intake', '#intake-form'], [`#/cases/${c.id}`, '#timeline'], [`#/cases/${c.id}/letter`, '#reply-letter'], ['#/cases', 'table.cases'],
        [`#/cases/${clocked.id}`, '#clock[data-paused="true"]']],
      manager: [['#/dashboard', '#board'], ['#/queue/extensions', 'table.cases'], [`#/cases/${clocked.id}`, '#extension-request'], ['#/statistics', '.statistics']],
      admin: [['#/calendar', '#calendar-form'], ['#/users', '#user-list']],
      town01: [['#/township', 'table.cases'], [`#/cases/${clocked.id}`, '#clock']],
      reviewer: [['#/queue/recheck', 'form.filters'], ['#/queue/reply', 'form.filters'], [`#/cases/${c.id}/letter`, '#reply-letter']],
    };
    for (const [user, pages] of Object.entries(views)) {
      const page = await loginAs(browser, api.url, user);
      await page.click('#lang');
      await page.waitForSelector('#lang:text("中文")');
      for (const [i, [hash, ready]] of pages.entries()) {
        await page.goto(`${api.url}/${hash}`);
        await page.waitForSelector(ready);
        expect(await untranslated(page), `${user} ${hash}`).toEqual([]);
        await screenshot(page, `13-english-${user}-${i + 1}`);
      }
      if (user === 'desk') {
        await page.goto(`${api.url}/#/cases/${c.id}`);
        await page.waitForSelector('#timeline');
        expect(await page.textContent('#timeline')).toContain('Follow-up visit');
        await page.goto(`${api.url}/#/cases/${clocked.id}`);
        await page.waitForSelector('#clock');
        expect(await page.textContent('#clock')).toContain('Holding a hearing');
        await page.click('#lang');
        await page.waitForSelector('header nav a:text("信访登记")');
      }
      await page.context().close();
    }
  });

  it('makes a user whose password an administrator set choose their own before anything else', async () => {
    const username = `u${crypto.randomUUID().slice(0, 8)}`;
    const created = await api.request('POST', '/api/users', {
      token: await api.login('admin'), body: { username, displayName: '新来的复核员', role: 'county_reviewer', password: 'First-Pass-123' },
    });
    expect(created.status).toBe(201);
    const page = await openConsole(browser, `${api.url}/#/login`);
    await page.fill('#login-username', username);
    await page.fill('#login-password', 'First-Pass-123');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#password-form');
    // Any other page leads back here until the password is changed.
    await page.goto(`${api.url}/#/queue/recheck`);
    await page.waitForSelector('#password-form');
    await page.fill('[name=currentPassword]', 'First-Pass-123');
    await page.fill('[name=newPassword]', 'Own-Secret-456');
    await page.fill('[name=confirm]', 'Own-Secret-457');
    await page.click('#password-form button[type=submit]');
    expect(await page.textContent('[data-error-for=confirm]')).toBe('两次输入的新密码不一致');
    await page.fill('[name=newPassword]', 'short');
    await page.fill('[name=confirm]', 'short');
    await page.click('#password-form button[type=submit]');
    await page.waitForSelector('[data-error-for=newPassword] div');
    expect(await page.textContent('[data-error-for=newPassword]')).toContain('至少 10 个字符');
    await screenshot(page, '15-password-change');
    await page.fill('[name=newPassword]', 'Own-Secret-456');
    await page.fill('[name=confirm]', 'Own-Secret-456');
    await page.click('#password-form button[type=submit]');
    await page.waitForSelector('h1:text("待复核")');
    expect((await api.request('POST', '/api/auth/login', { body: { username, password: 'Own-Secret-456' } })).status).toBe(200);
    await page.context().close();
  });

  it('lets the administrator create, deactivate and reset accounts, naming what is wrong', async () => {
    const page = await loginAs(browser, api.url, 'admin');
    await page.waitForSelector('#user-create');
    const username = `w${crypto.randomUUID().slice(0, 8)}`;
    await page.fill('#user-create [name=username]', username);
    await page.fill('#user-create [name=displayName]', '东风镇新经办人');
    await page.selectOption('#user-create [name=role]', 'township_officer');
    await page.selectOption('#user-create [name=townshipCode]', TOWNSHIP_A);
    await page.fill('#user-create [name=password]', 'weak');
    await page.click('#user-create button[type=submit]');
    await page.waitForSelector('#user-create [data-error-for=password] div');
    expect(await page.textContent('#user-create [data-error-for=password]')).toContain('至少 10 个字符');
    await page.fill('#user-create [name=password]', 'First-Pass-123');
    await page.click('#user-create button[type=submit]');
    const row = `#user-list tr[data-username="${username}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(row)).toContain('须修改密码');
    const account = await api.db.user.findUniqueOrThrow({ where: { username } });
    expect([account.role, account.townshipCode]).toEqual(['township_officer', TOWNSHIP_A]);
    await screenshot(page, '16-users');
    await page.click(`${row} [data-user-action=active]`);
    await page.waitForSelector(`${row}.inactive`);
    expect((await api.db.user.findUniqueOrThrow({ where: { username } })).active).toBe(false);
    const before = (await api.db.user.findUniqueOrThrow({ where: { username } })).passwordHash;
    await page.click(`${row} [data-user-action=password]`);
    await page.fill('.inline-form [name=password]', 'Second-Pass-456');
    await page.click('.inline-form button[type=submit]');
    await page.waitForSelector('.flash');
    expect((await api.db.user.findUniqueOrThrow({ where: { username } })).passwordHash).not.toBe(before);
    // The API refuses to let the administrator lock themselves out; the page says so.
    await page.click('#user-list tr[data-username="admin"] [data-user-action=active]');
    await page.waitForSelector('.flash.error');
    expect((await api.db.user.findUniqueOrThrow({ where: { username: 'admin' } })).active).toBe(true);
    await page.context().close();
  });

  it('opens the petitioner\'s lookup without a login, with the next step and the field errors', async () => {
    const page = await openConsole(browser, `${api.url}/#/lookup`);
    await page.waitForSelector('#lookup-form');
    const c = await register({ subject: '查询测试' });
    await page.fill('[name=caseNo]', '12345');
    await page.fill('[name=code]', c.queryCode);
    await page.click('#lookup-form button[type=submit]');
    await page.waitForSelector('[data-error-for=caseNo] div');
    expect(await page.textContent('[data-error-for=caseNo]')).toBe('案件编号格式应为 XF2026-000123');
    await page.fill('[name=caseNo]', c.caseNo);
    await page.fill('[name=code]', 'ZZZZZZZZ');
    await page.click('#lookup-form button[type=submit]');
    await page.waitForSelector('#lookup-result p.notice');
    await page.fill('[name=code]', c.queryCode.toLowerCase());
    await page.click('#lookup-form button[type=submit]');
    await page.waitForSelector('#lookup-result section');
    const shown = await page.textContent('#lookup-result');
    expect(shown).toContain(`案件编号${c.caseNo}`);
    expect(shown).toContain('办理阶段待受理');
    expect(shown).toContain('将书面告知是否受理');
    await screenshot(page, '14-public-lookup');
    await page.context().close();
  });

  it('shows the notice board without a login and takes an objection, anonymous if the objector wishes', async () => {
    const c = await register({ subject: '低保公示测试' });
    expect((await api.request('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
    const input = noticeInput(c.id, { proposed: { decision: 'grant', amount: 520 } });
    await startNotice(api.temporal, api.taskQueue, input);
    const { publicId } = await vi.waitFor(() => api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } }), { timeout: 20_000 });
    const page = await openConsole(browser, `${api.url}/#/notices`);
    const card = `[data-notice="${publicId}"]`;
    await page.waitForSelector(card);
    expect(await page.textContent(card)).toContain('每月 520 元');
    await page.click(`${card} [data-object]`);
    await page.click(`${card} form button[type=submit]`);
    await page.waitForSelector(`${card} [data-error-for=reason] div`);
    expect(await page.textContent(`${card} [data-error-for=reason]`)).toBe('必填');
    await page.fill(`${card} [name=reason]`, '该户家中有经营性车辆');
    await page.click(`${card} form button[type=submit]`);
    await page.waitForSelector(`${card} p.notice`);
    expect(await page.textContent(`${card} p.notice`)).toContain('第 1 号');
    await screenshot(page, '17-notice-board');
    await page.context().close();
  });

  it('lets the administrator edit a year of the holiday calendar, naming the wrong dates', async () => {
    const page = await loginAs(browser, api.url, 'admin');
    await page.click('header nav a[href="#/calendar"]');
    await page.waitForSelector('#calendar-form');
    const shipped = (await api.request('GET', '/api/calendar', { token: await api.login('admin') })).body;
    const thisYear = shipped.years.find((y: { year: number }) => y.year === new Date().getFullYear());
    expect(await page.$$('#holidays-rows .calendar-row')).toHaveLength(thisYear.holidays.length);
    await screenshot(page, '22-calendar');

    // A year far ahead, so no open case's due date moves.
    await page.goto(`${api.url}/#/calendar?year=2099`);
    await page.waitForSelector('#calendar-form h2:text("2099 年")');
    expect(await page.$$('#calendar-form .calendar-row')).toHaveLength(0);
    await page.click('[data-add=holidays]');
    await page.fill('[name="holidays.0.date"]', '2099-10-01');
    await page.fill('[name="holidays.0.name"]', '国庆节');
    await page.click('[data-add=workdays]');
    await page.fill('[name="workdays.0"]', '2099-10-05'); // a Monday
    await page.click('#calendar-form button[type=submit]');
    await page.waitForSelector('[data-error-for="workdays.0"] div');
    expect(await page.textContent('[data-error-for="workdays.0"]')).toBe('调休上班日应为周六或周日');
    await screenshot(page, '23-calendar-errors');
    await page.fill('[name="workdays.0"]', '2099-10-10'); // a Saturday
    await page.click('#calendar-form button[type=submit]');
    await page.waitForSelector('.flash');
    expect(await page.textContent('.flash')).toContain('已保存 2099 年日历');
    const saved = (await api.request('GET', '/api/calendar', { token: await api.login('admin') })).body;
    expect(saved.years.find((y: { year: number }) => y.year === 2099)).toEqual(
      { year: 2099, holidays: [{ date: '2099-10-01', name: '国庆节' }], workdays: ['2099-10-10'], provisional: true });
    expect(await page.inputValue('[name="holidays.0.name"]')).toBe('国庆节');
    // Every open case hears of the new version before the next test file starts.
    await api.temporal.workflow.getHandle(`calendar-broadcast-${saved.version}`).result();
    await page.context().close();
  });

  it('had no script errors in any page', () => {
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });
});
