// The shapes the console reads, inferred from the API's own response schemas (types only: no zod
// reaches the browser).
import type { z } from 'zod';
import type { attachmentListSchema, attachmentSchema } from '../../api/attachments/schemas';
import type { bodyListSchema, bodySchema } from '../../api/bodies/schemas';
import type { calendarSchema } from '../../api/calendar/schemas';
import type { caseDetailSchema, caseListSchema, caseSummarySchema } from '../../api/cases/schemas';
import type { dashboardSchema } from '../../api/dashboard/schemas';
import type { countyResponse, importReportSchema, villageResponse } from '../../api/divisions/schemas';
import type { publicCaseSchema, publicNoticeListSchema } from '../../api/public/schemas';
import type { similarListSchema } from '../../api/similar-cases/schemas';
import type { statisticsSchema } from '../../api/statistics/schemas';
import type { accountListSchema, accountSchema } from '../../api/users/schemas';

export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseList = z.infer<typeof caseListSchema>;
export type TimelineEvent = CaseDetail['timeline'][number];
export type Attachment = z.infer<typeof attachmentSchema>;
export type AttachmentList = z.infer<typeof attachmentListSchema>;
export type SimilarList = z.infer<typeof similarListSchema>;
export interface Township { code: string; name: string }
export type County = NonNullable<z.infer<typeof countyResponse>>;
export type Village = z.infer<typeof villageResponse>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type Statistics = z.infer<typeof statisticsSchema>;
export type Account = z.infer<typeof accountSchema>;
export type AccountList = z.infer<typeof accountListSchema>;
export type PublicCase = z.infer<typeof publicCaseSchema>;
export type PublicNoticeList = z.infer<typeof publicNoticeListSchema>;
export type PublicNotice = PublicNoticeList['items'][number];
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardRow = Dashboard['rows'][number];
export type Calendar = z.infer<typeof calendarSchema>;
export type Body = z.infer<typeof bodySchema>;
export type BodyList = z.infer<typeof bodyListSchema>;
