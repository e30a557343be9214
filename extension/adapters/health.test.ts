import { describe, expect, it } from 'vitest';
import { applyHealth, healthReport, isFailing, MAX_HOSTS, type SiteHealthMap } from './health';

const T1 = '2026-03-10T09:00:00.000Z';
const T2 = '2026-03-10T10:00:00.000Z';
const T3 = '2026-03-10T11:00:00.000Z';

describe('site health', () => {
  it('keeps the last success and the last miss per host, with the steps missed', () => {
    let m: SiteHealthMap = {};
    m = applyHealth(m, 'calendar.google.com', 'calendar', { ok: true, missed: ['meeting-link'] }, T1);
    m = applyHealth(m, 'calendar.google.com', 'calendar', { ok: false, missed: ['time', 'anchor'] }, T2);
    m = applyHealth(m, 'calendar.google.com', 'calendar', { ok: false, missed: ['anchor'] }, T3);
    expect(m['calendar.google.com']).toEqual({
      kind: 'calendar',
      lastSuccessAt: T1,
      lastSuccessMissed: ['meeting-link'],
      lastFailureAt: T3,
      lastFailureMissed: ['anchor'],
      failuresSinceSuccess: 2,
    });
    expect(isFailing(m['calendar.google.com']!)).toBe(true);
    m = applyHealth(
      m,
      'calendar.google.com',
      'calendar',
      { ok: true, missed: [] },
      '2026-03-11T00:00:00.000Z',
    );
    expect(isFailing(m['calendar.google.com']!)).toBe(false);
    expect(m['calendar.google.com']!.failuresSinceSuccess).toBe(0);
  });

  it('orders steps canonically and names the anchor when a miss lists nothing', () => {
    const m = applyHealth({}, 'meet.google.com', 'meeting', { ok: false, missed: [] }, T1);
    expect(m['meet.google.com']!.lastFailureMissed).toEqual(['anchor']);
    const n = applyHealth({}, 'x', 'calendar', { ok: false, missed: ['meeting-link', 'title'] }, T1);
    expect(n.x!.lastFailureMissed).toEqual(['title', 'meeting-link']);
  });

  it('keeps at most MAX_HOSTS hosts, dropping the least recently reported', () => {
    let m: SiteHealthMap = {};
    for (let i = 0; i <= MAX_HOSTS; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      m = applyHealth(m, `h${i}.example`, 'meeting', { ok: true, missed: [] }, at);
    }
    expect(Object.keys(m)).toHaveLength(MAX_HOSTS);
    expect(m['h0.example']).toBeUndefined();
    expect(m[`h${MAX_HOSTS}.example`]).toBeDefined();
  });

  it('writes a plain report with hosts, times and steps only', () => {
    let m: SiteHealthMap = {};
    m = applyHealth(m, 'outlook.office.com', 'calendar', { ok: false, missed: ['anchor'] }, T2);
    m = applyHealth(m, 'app.zoom.us', 'meeting', { ok: true, missed: [] }, T1);
    const text = healthReport(m, { version: '1.2.3', browser: 'chrome', at: T3 });
    expect(text).toBe(
      [
        `Tandem 1.2.3 site health (chrome), ${T3}`,
        `  app.zoom.us [meeting]: last ok ${T1}; no miss`,
        `! outlook.office.com [calendar]: never ok; last miss ${T2}: anchor (1 since last ok)`,
        '',
      ].join('\n'),
    );
    expect(healthReport({}, { version: '1', browser: 'firefox', at: T1 })).toContain('no site reports yet');
  });
});
