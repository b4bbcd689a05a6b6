// The web console: pages by address, each shown only to the users it serves.
import { QUEUE_STAGES } from '../../domain/stages';
import { start, type Page } from './app';
import type { Key } from './i18n';
import { bodiesPage } from './views/bodies';
import { calendarPage } from './views/calendar';
import { acknowledgementPage, replyLetterPage } from './views/documents';
import { caseListPage } from './views/case-list';
import { casePage } from './views/case-page';
import { dashboardPage } from './views/dashboard';
import { intakePage } from './views/intake';
import { loginPage } from './views/login';
import { passwordPage } from './views/password';
import { lookupPage, noticesPage } from './views/public';
import { statisticsPage } from './views/statistics';
import { usersPage } from './views/users';
import { divisionsPage } from './views/divisions';

const CASE_ID = '(c[0-9a-f]{32})';

const pages: Page[] = [
  { pattern: /^\/login$/, public: true, render: loginPage },
  { pattern: /^\/lookup$/, public: true, render: lookupPage },
  { pattern: /^\/notices$/, public: true, render: noticesPage },
  { pattern: /^\/password$/, render: passwordPage },
  { pattern: /^\/intake$/, render: intakePage },
  { pattern: /^\/cases$/, render: caseListPage({ title: 'nav.cases', filters: true }) },
  ...QUEUE_STAGES.map((s): Page => ({ pattern: new RegExp(`^/queue/${s}$`), render: caseListPage({ title: `queue.${s}` as Key, fixed: { stage: s, sort: 'due' } }) })),
  { pattern: /^\/queue\/extensions$/, render: caseListPage({ title: 'nav.extensions', fixed: { extension: 'requested', sort: 'due' } }) },
  { pattern: /^\/township$/, render: caseListPage({ title: 'nav.township', fixed: { sort: 'due' }, filters: true }) },
  { pattern: /^\/dashboard$/, render: dashboardPage },
  { pattern: /^\/statistics$/, render: statisticsPage },
  { pattern: /^\/users$/, render: usersPage },
  { pattern: /^\/divisions$/, render: divisionsPage },
  { pattern: /^\/calendar$/, render: calendarPage },
  { pattern: /^\/bodies$/, render: bodiesPage },
  { pattern: new RegExp(`^/cases/${CASE_ID}$`), render: casePage },
  { pattern: new RegExp(`^/cases/${CASE_ID}/ack$`), render: acknowledgementPage },
  { pattern: new RegExp(`^/cases/${CASE_ID}/letter$`), render: replyLetterPage },
];

start(pages);
