// The read-model columns that mirror a case workflow's state. The workflow computes them and sends
// them with each timeline event: a few dozen fields, where the whole case (whose investigation rounds
// and clock runs only grow) made a case sent back a few hundred times outgrow its history.
import { LEVELS } from './clocks';
import type { CaseView } from './messages';

/** An ISO time (Prisma writes it to a timestamp column as it is), or null to clear the column. */
type Time = string | null;

export interface CaseRow {
  stage: string;
  townshipCode: string;
  stageDueAt: Time;
  /** Only while registered: kept once the case moves on, to judge a closure without acceptance. */
  acceptanceDueAt?: Time;
  replyDueAt: Time;
  acceptedAt: Time;
  repliedAt: Time;
  closedAt: Time;
  outcome: string | null;
  investigationRounds: number;
  dueAt: Time;
  warnAt: Time;
  escalation: string | null;
  /** A running clock's due time is provisional: it counts days of a year without a published calendar. */
  dueProvisional: boolean;
  pausedSince: Time;
  pauseReason: string | null;
  extensionStatus: string | null;
  firstAidAt: Time;
  reviewWindow: string | null;
  reviewWindowEndsAt: Time;
  reviewPending: string | null;
  finalAt: Time;
  petitionerSatisfaction: string | null;
}

const time = (s?: string): Time => s ?? null;
const earliest = (values: (string | undefined)[]) => time(values.filter((v): v is string => Boolean(v)).sort()[0]);

/** Due and escalation columns, from the running clocks. */
function clockColumns(view: CaseView) {
  const running = view.clocks.filter((c) => !c.stoppedAt);
  const levels = running.map((c) => (c.level ? LEVELS.indexOf(c.level) : -1));
  const pause = view.pauses.at(-1);
  const paused = pause && !pause.to ? pause : undefined;
  return {
    dueAt: earliest(running.map((c) => c.dueAt)),
    warnAt: earliest(running.map((c) => c.warnAt)),
    escalation: LEVELS[Math.max(-1, ...levels)] ?? null,
    dueProvisional: running.some((c) => c.provisional === true),
    pausedSince: time(paused?.from),
    pauseReason: paused?.reason ?? null,
    extensionStatus: view.extensions.at(-1)?.status ?? null,
    firstAidAt: time(view.firstAid?.at),
  };
}

function reviewColumns(view: CaseView) {
  const r = view.review;
  return {
    reviewWindow: r.window?.level ?? null,
    reviewWindowEndsAt: time(r.window?.endsAt),
    reviewPending: r.requests.find((x) => !x.decidedAt)?.level ?? null,
    finalAt: time(r.finalAt),
    petitionerSatisfaction: view.satisfaction?.petitioner?.response ?? null,
  };
}

export function caseRow(view: CaseView): CaseRow {
  return {
    ...clockColumns(view),
    ...reviewColumns(view),
    stage: view.stage,
    townshipCode: view.township,
    stageDueAt: time(view.stageDueAt),
    ...(view.stage === 'registered' ? { acceptanceDueAt: time(view.stageDueAt) } : {}),
    replyDueAt: time(view.replyDueAt),
    acceptedAt: time(view.acceptedAt),
    repliedAt: time(view.repliedAt),
    closedAt: time(view.closedAt),
    outcome: view.outcome ?? null,
    investigationRounds: view.rounds.length,
  };
}
