import { endsAtMidnight } from '../../domain/day-count';
import { locale, t } from './i18n';

// County offices keep China Standard Time, wherever the browser happens to be.
const TIME_ZONE = 'Asia/Shanghai';

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: TIME_ZONE }).format(new Date(iso));
}

/**
 * A due time as the law states it (DESIGN.md §7): a limit in days ends at 24:00 of its last day, not
 * at 00:00 of the next; an hour limit shows its minute. A provisional one says it may still move.
 */
export function dueTime(iso: string | null | undefined, provisional = false): string {
  if (!iso) return '—';
  const t0 = Date.parse(iso);
  const text = endsAtMidnight(t0)
    ? `${new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(new Date(t0 - 1))} 24:00`
    : dateTime(iso);
  return provisional ? `${text} ${t('clock.provisional')}` : text;
}

/** The last day of a limit (the day at whose 24:00 it ends), for letters and notices. */
export function dueDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t0 = Date.parse(iso);
  return date(new Date(endsAtMidnight(t0) ? t0 - 1 : t0).toISOString());
}

/** Whole days from `iso` to now (positive once it has passed). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.floor((now - new Date(iso).getTime()) / 86_400_000);
}

/** A value for `<input type="datetime-local">`: the time as the browser's clock shows it. */
export function localInputValue(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
