import { continueAsNew, getExternalWorkflowHandle, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { calendarSignal } from '../domain/messages';
import type { Activities } from '../activities';

const { loadCalendar, openCaseIds } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const PAGE = 200;

/**
 * Delivers the holiday calendar in force to every open case, which recomputes its due dates. Durable:
 * an edit reaches every case even if the API stops mid-way. Started once per calendar version.
 */
export async function calendarBroadcastWorkflow(from: { after?: string; delivered?: number } = {}): Promise<number> {
  const calendar = await loadCalendar();
  let { after, delivered = 0 } = from;
  for (;;) {
    const ids = await openCaseIds({ after, limit: PAGE });
    if (ids.length === 0) return delivered;
    // A case that closed since the page was read needs no calendar.
    await Promise.all(ids.map((id) => getExternalWorkflowHandle(id).signal(calendarSignal, calendar).catch(() => undefined)));
    delivered += ids.length;
    after = ids.at(-1);
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > 10_000) {
      await continueAsNew<typeof calendarBroadcastWorkflow>({ after, delivered });
    }
  }
}
