/**
 * When the invite is: the time line found among the labelled or plain lines, and the start, end,
 * all-day flag and repeat rule it gives in a zone. Part of `../text.ts`.
 */
import { findUrls } from '../links';
import type { InviteInfo } from '../types';
import { isRealDate, localParts, toInstant, zonedTimeToUtc } from '../zone';
import { type DateHit, hasDateAndTime, MAX_WHEN_LENGTH, readWhen, to24, type When } from './dates';
import { type Field, isLabelLine, type Labelled, type Line } from './fields';

/** The time line: labelled (`时间：`, `When:`, `Start:` + `End:`), else the first line with a date and a time. */
export function findWhen(lines: Line[], first: (f: Field) => Labelled | undefined): When | undefined {
  let when: When | undefined;
  let whenText = '';
  const whenLabel = first('when') ?? first('start');
  if (whenLabel) {
    whenText = whenLabel.value;
    when = readWhen(whenText);
    // `时间：2026年12月1日 (周二)` with the times on the next line.
    const next = lines[whenLabel.line + 1];
    if (when.times.length === 0 && next && !isLabelLine(next.norm)) {
      const joined = readWhen(`${whenText} ${next.norm}`);
      if (joined.times.length > 0) {
        whenText = `${whenText} ${next.norm}`;
        when = joined;
      }
    }
    // The zone or the repeat rule on the line below (`(GMT+08:00) 中国标准时间 - 北京`, `每两周 (周二)`).
    const below = lines[whenLabel.line + 1];
    if (
      below &&
      !isLabelLine(below.norm) &&
      findUrls(below.norm).length === 0 &&
      below.norm.trim().length <= 80
    ) {
      const extra = readWhen(below.norm);
      if (extra.dates.length === 0 && extra.times.length === 0) {
        if (when.offset === undefined && when.zone === undefined) {
          if (extra.offset !== undefined) when.offset = extra.offset;
          if (extra.zone !== undefined) when.zone = extra.zone;
        }
        when.repeatDays ??= extra.repeatDays;
      }
    }
    const endLabel = first('end');
    if (endLabel && when.times.length === 1) {
      const endWhen = readWhen(endLabel.value);
      if (endWhen.times.length > 0) {
        whenText = `${whenText} - ${endLabel.value}`;
        when = readWhen(whenText);
      }
    }
  }
  if (!when || when.dates.length === 0) {
    const invitation = lines
      .map((l) => /^(?:updated\s+)?invitation:\s*.+?\s+@\s+(.+)$/i.exec(l.norm.slice(0, 500))?.[1])
      .find(Boolean);
    const candidates = [
      ...(invitation ? [invitation] : []),
      ...lines.map((l) => l.norm),
      ...lines.slice(0, -1).map((l, i) => `${l.norm} ${lines[i + 1]!.norm}`),
    ];
    let dateOnly: { w: When; t: string } | undefined;
    for (const c of candidates) {
      if (c.length > MAX_WHEN_LENGTH) continue;
      if (findUrls(c).length > 0 && !/\d{1,2}\s*[:点]/.test(c.replace(/https?:\/\/\S+/g, ''))) continue;
      const w = readWhen(c.replace(/https?:\/\/\S+/g, ' '));
      if (hasDateAndTime(w)) {
        when = w;
        whenText = c;
        break;
      }
      if (!dateOnly && w.dates.length > 0) dateOnly = { w, t: c };
      if (!when && w.invalidDate) when = w;
    }
    if ((!when || when.dates.length === 0) && dateOnly) {
      when = dateOnly.w;
      whenText = dateOnly.t;
    }
  }
  return when;
}

export type Instants = {
  start: string | undefined;
  end: string | undefined;
  allDay: boolean;
  recurrence: InviteInfo['recurrence'];
};

/** Start, end, all-day and recurrence of a time line, in `zone`, relative to `nowMs`. */
export function resolveInstants(when: When | undefined, zone: string, nowMs: number): Instants {
  let start: string | undefined;
  let end: string | undefined;
  let allDay = false;
  let recurrence: InviteInfo['recurrence'];
  if (when && when.dates.length > 0) {
    const nowLocal = localParts(nowMs, zone)!;
    const today = Date.UTC(nowLocal.year, nowLocal.month - 1, nowLocal.day);
    const dayOf = (d: DateHit): number | undefined => {
      if (d.rel !== undefined) return today + d.rel * 86_400_000;
      if (d.y !== undefined) return Date.UTC(d.y, d.m - 1, d.d);
      for (const y of [nowLocal.year - 1, nowLocal.year, nowLocal.year + 1]) {
        if (!isRealDate(y, d.m, d.d)) continue;
        const t = Date.UTC(y, d.m - 1, d.d);
        if (t >= today - 60 * 86_400_000 && t < today + 305 * 86_400_000) return t;
      }
      return undefined;
    };
    const firstDate = when.dates[0]!;
    const startDay = dayOf(firstDate);
    const firstTime = when.times[0];
    // A second date after the first time is the end's date; one before it bounds a repeating series.
    const endDateHit = firstTime ? when.dates.find((d) => d.at > firstTime.at) : undefined;
    const untilHit = firstTime ? when.dates.find((d) => d !== firstDate && d.at < firstTime.at) : undefined;
    if (startDay !== undefined) {
      const at = (day: number, h: number, mi: number) => {
        const base = new Date(day + (h === 24 ? 86_400_000 : 0));
        return zonedTimeToUtc(
          base.getUTCFullYear(),
          base.getUTCMonth() + 1,
          base.getUTCDate(),
          h % 24,
          mi,
          zone,
        );
      };
      if (!firstTime) {
        allDay = true;
        start = toInstant(startDay);
        const lastDay = when.dates[1] ? dayOf(when.dates[1]) : undefined;
        end = toInstant((lastDay !== undefined && lastDay >= startDay ? lastDay : startDay) + 86_400_000);
      } else {
        const endTime = when.times[1];
        let sh = firstTime.h;
        let eh = endTime?.h;
        if (endTime) {
          const endMer = endTime.mer;
          eh = to24(endTime.h, endMer ?? firstTime.mer);
          if (!firstTime.mer && endMer && endMer !== 'noon') {
            const same = to24(firstTime.h, endMer);
            sh = same * 60 + firstTime.mi <= eh * 60 + endTime.mi ? same : to24(firstTime.h, 'am');
          } else {
            sh = to24(firstTime.h, firstTime.mer);
          }
          if (!endMer && eh * 60 + endTime.mi <= sh * 60 + firstTime.mi && eh < 12 && eh + 12 > sh) eh += 12;
        } else {
          sh = to24(firstTime.h, firstTime.mer);
        }
        const startMs = at(startDay, sh, firstTime.mi);
        let endMs: number | undefined;
        if (endTime && eh !== undefined) {
          const endDay = endDateHit ? dayOf(endDateHit) : startDay;
          endMs = endDay !== undefined ? at(endDay, eh, endTime.mi) : undefined;
          if (endMs !== undefined && startMs !== undefined && endMs <= startMs) {
            endMs = endDateHit ? undefined : at(startDay + 86_400_000, eh, endTime.mi);
          }
        }
        start = toInstant(startMs);
        end = toInstant(endMs);
        if (start && end && end <= start) end = undefined;

        if (when.repeatDays && startMs !== undefined) {
          const untilDay = untilHit ? dayOf(untilHit) : undefined;
          const length = endMs !== undefined ? endMs - startMs : 0;
          let pickStart: number | undefined;
          for (let k = 0; k < 1_000; k++) {
            const day = startDay + k * when.repeatDays * 86_400_000;
            if (untilDay !== undefined && day > untilDay) break;
            const s = at(day, sh, firstTime.mi);
            if (s === undefined) break;
            if (s + Math.max(length, 1) > nowMs) {
              pickStart = s;
              break;
            }
          }
          pickStart ??= startMs;
          const freq =
            when.repeatDays === 1
              ? 'FREQ=DAILY'
              : when.repeatDays === 14
                ? 'FREQ=WEEKLY;INTERVAL=2'
                : 'FREQ=WEEKLY';
          const until =
            untilDay !== undefined
              ? `;UNTIL=${new Date(untilDay).toISOString().slice(0, 10).replace(/-/g, '')}`
              : '';
          const picked = toInstant(pickStart);
          if (picked) {
            start = picked;
            end = endMs !== undefined ? toInstant(pickStart + length) : undefined;
          }
          recurrence = { rule: `${freq}${until}`, ...(start ? { instanceStart: start } : {}) };
        }
      }
    }
  }
  return { start, end, allDay, recurrence };
}
