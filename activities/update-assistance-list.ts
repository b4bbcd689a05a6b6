import type { Db } from '../db/client';
import { LISTED_DECISIONS } from '../domain/notice';
import type { Assistance } from '../domain/notice-messages';

export interface AssistanceListChange {
  noticeId: string;
  category: string;
  township: string;
  household: { name: string; village: string };
  decision: Assistance;
  effectiveAt: string;
}

export function createUpdateAssistanceList(db: Db) {
  /**
   * Brings the long-term public list (长期公示) in line with a decision that has taken effect:
   * granted or kept households are listed with their amount, removed or denied ones are not.
   * Setting a state rather than adding to it makes a retry harmless.
   */
  return async function updateAssistanceList(c: AssistanceListChange): Promise<void> {
    const key = { category: c.category, townshipCode: c.township, village: c.household.village, householdName: c.household.name };
    if (!LISTED_DECISIONS.includes(c.decision.decision)) {
      await db.assistanceListEntry.deleteMany({ where: key });
      return;
    }
    const entry = { amount: c.decision.amount!, since: new Date(c.effectiveAt), noticeId: c.noticeId };
    await db.assistanceListEntry.upsert({
      where: { category_townshipCode_village_householdName: key },
      create: { ...key, ...entry },
      update: entry,
    });
  };
}
