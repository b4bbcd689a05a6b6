import { z } from 'zod';
import { STAGES } from '../../domain/case';

const counts = { dueSoon: z.number(), overdue: z.number(), underSupervision: z.number() };

export const dashboardSchema = z.object({
  asOf: z.string(),
  totals: z.object(counts),
  rows: z.array(z.object({ township: z.object({ code: z.string(), name: z.string() }), stage: z.enum(STAGES), ...counts })),
});
