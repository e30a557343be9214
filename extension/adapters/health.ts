/**
 * Site health: per host, when its adapter last did its job and when it last missed, and which step
 * missed (`anchor`, `title`, `time`, `attendees`, `meeting-link`). Host names, times and step names
 * only: no page content, no names, no addresses. Kept in `tandem:siteHealth`, shown on the options
 * page, copied into a bug report by the manager; never sent anywhere.
 *
 * Pure functions on plain data (the background stores, the options page renders).
 */
import type { HealthStep } from './messages';

export type SiteKind = 'calendar' | 'meeting';

export interface SiteHealth {
  kind: SiteKind;
  /** ISO UTC of the last report in which the adapter did its job. */
  lastSuccessAt?: string;
  /** Soft misses of that success (e.g. no attendees shown). */
  lastSuccessMissed?: HealthStep[];
  /** ISO UTC of the last miss. */
  lastFailureAt?: string;
  lastFailureMissed?: HealthStep[];
  /** Misses since the last success. */
  failuresSinceSuccess: number;
}

export type SiteHealthMap = Record<string, SiteHealth>;

export const HEALTH_STEPS: readonly HealthStep[] = ['anchor', 'title', 'time', 'attendees', 'meeting-link'];

/** At most this many hosts are kept (the least recently reported go first). */
export const MAX_HOSTS = 50;

const last = (h: SiteHealth) => [h.lastSuccessAt ?? '', h.lastFailureAt ?? ''].sort().at(-1) ?? '';

/** `map` with one report for `host` applied. */
export function applyHealth(
  map: SiteHealthMap,
  host: string,
  kind: SiteKind,
  report: { ok: boolean; missed: readonly HealthStep[] },
  at: string,
): SiteHealthMap {
  const prev: SiteHealth = map[host] ?? { kind, failuresSinceSuccess: 0 };
  const missed = HEALTH_STEPS.filter((s) => report.missed.includes(s));
  const next: SiteHealth = report.ok
    ? { ...prev, kind, lastSuccessAt: at, lastSuccessMissed: missed, failuresSinceSuccess: 0 }
    : {
        ...prev,
        kind,
        lastFailureAt: at,
        lastFailureMissed: missed.length ? missed : ['anchor'],
        failuresSinceSuccess: prev.failuresSinceSuccess + 1,
      };
  const out: SiteHealthMap = { ...map, [host]: next };
  const hosts = Object.keys(out);
  if (hosts.length > MAX_HOSTS) {
    hosts.sort((a, b) => last(out[a]!).localeCompare(last(out[b]!)));
    for (const h of hosts.slice(0, hosts.length - MAX_HOSTS)) delete out[h];
  }
  return out;
}

/** Whether the host's latest report was a miss. */
export const isFailing = (h: SiteHealth) => !!h.lastFailureAt && (h.lastSuccessAt ?? '') < h.lastFailureAt;

/** Plain text for a bug report: one line per host, hosts sorted. */
export function healthReport(
  map: SiteHealthMap,
  meta: { version: string; browser: string; at: string },
): string {
  const lines = [`Tandem ${meta.version} site health (${meta.browser}), ${meta.at}`];
  const hosts = Object.keys(map).sort();
  if (!hosts.length) lines.push('(no site reports yet)');
  for (const host of hosts) {
    const h = map[host]!;
    const ok = h.lastSuccessAt
      ? `last ok ${h.lastSuccessAt}${h.lastSuccessMissed?.length ? ` (without ${h.lastSuccessMissed.join(', ')})` : ''}`
      : 'never ok';
    const bad = h.lastFailureAt
      ? `last miss ${h.lastFailureAt}: ${(h.lastFailureMissed ?? []).join(', ')} (${h.failuresSinceSuccess} since last ok)`
      : 'no miss';
    lines.push(`${isFailing(h) ? '!' : ' '} ${host} [${h.kind}]: ${ok}; ${bad}`);
  }
  return `${lines.join('\n')}\n`;
}
