/** Reminders in the background: the notified ids, so that a reminder is never shown twice. */
import { readKey } from '../store/storage';
import { FOLLOWUP_KEYS, type NotifiedLog } from './followup-state';
import { LOG_KEEP_MS, LOG_MAX } from './reminders-base';

/** The notified ids; the first version stored a plain list, taken over as notified now. */
export async function readNotifiedLog(now = new Date()): Promise<NotifiedLog> {
  const raw = await readKey<unknown>(FOLLOWUP_KEYS.notified, null);
  if (Array.isArray(raw)) {
    const at = now.toISOString();
    return { ids: Object.fromEntries(raw.filter((x) => typeof x === 'string').map((id) => [id, { at }])) };
  }
  if (
    raw &&
    typeof raw === 'object' &&
    (raw as NotifiedLog).ids &&
    typeof (raw as NotifiedLog).ids === 'object'
  )
    return raw as NotifiedLog;
  return { ids: {} };
}

/** Keep the ids still active, and the others for `LOG_KEEP_MS`; at most `LOG_MAX`, newest first. */
export function pruneLog(log: NotifiedLog, active: ReadonlySet<string>, nowMs: number): NotifiedLog {
  const kept = Object.entries(log.ids).filter(
    ([id, v]) => active.has(id) || nowMs - Date.parse(v.at) < LOG_KEEP_MS,
  );
  kept.sort((a, b) => Number(active.has(b[0])) - Number(active.has(a[0])) || b[1].at.localeCompare(a[1].at));
  return { ids: Object.fromEntries(kept.slice(0, LOG_MAX)) };
}
