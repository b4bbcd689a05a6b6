import { z } from 'zod';

const day = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

/** Any day of the week to report; the report covers that day's Monday-to-Sunday week. */
export const weekParams = z.object({ week: day });
export const triggerBody = z.object({ week: day.optional() }).strict();

const reportSummary = z.object({
  weekStart: z.string(), weekEnd: z.string(), label: z.string(), generatedAt: z.string(), trigger: z.string(),
  mailedAt: z.string().nullable(), received: z.number(), closed: z.number(), overdue: z.number(),
});

export const reportListSchema = z.object({ items: z.array(reportSummary) });
export const reportSchema = reportSummary.extend({ content: z.record(z.string(), z.unknown()), html: z.string() });
export const triggeredSchema = z.object({ workflowId: z.string(), weekStart: z.string(), report: z.string() });
