/** Ratings, surveys and survey responses of the synthetic organisation (`../generate-org.ts`). */
import type { EmployeeAnswer, ManagerAnswer, Rating, Survey, SurveyResponse } from '../../../shared/schemas';
import { surveyIdFor } from '../../surveys/links';
import { PROFILES } from './profiles';
import { DAY, dayMs, iso, type Rng } from './rng';
import type { OrgSettings, Roster } from './roster';
import type { Draft, Talks } from './sessions';
import { COMMENTS } from './texts';

export function buildRatings(r: Rng, roster: Roster, talks: Talks): Rating[] {
  const { rnd, chance } = r;
  const { cycles, todayMs, employees, level } = roster;
  const { own } = talks;
  // Ratings: a level per person that drifts with how much of their own items they completed.
  const ratings: Rating[] = [];
  const round = (x: number) => Math.min(5, Math.max(1, Math.round(x * 2) / 2));
  employees.forEach((emp, e) => {
    let r = level[e]!;
    for (const c of cycles) {
      if (emp.leftOn && emp.leftOn <= c.endsOn) break;
      if (dayMs(c.endsOn) > todayMs) break;
      if (chance(0.95)) ratings.push({ employeeId: emp.id, cycleId: c.id, rating: r });
      const [due, done] = own.get(`${emp.id}|${c.id}`) ?? [0, 0];
      const completion = due ? done / due : 0.5;
      r = round(r + (completion - 0.55) * 1.4 + (rnd() - 0.5) * 1.1 + (r <= 2 ? 0.3 : 0));
    }
  });
  return ratings;
}

export function buildSurveys(
  o: OrgSettings,
  r: Rng,
  roster: Roster,
  talks: Talks,
): { surveys: Survey[]; surveyResponses: SurveyResponse[] } {
  const { int, pick, chance, uuid } = r;
  const { todayMs, departments, deptOf } = roster;
  const { chosen } = talks;
  // Surveys for recorded sessions (ids as server/surveys issues them), and answers.
  const surveys: Survey[] = [];
  const surveyDraft: Draft[] = [];
  for (const d of chosen) {
    const s = d.s;
    if (s.status !== 'recorded' || s.deleted) continue;
    const sendAfter = Date.parse(s.endedAt ?? s.recordedAt!) + 7 * DAY;
    for (const kind of ['employee', 'manager'] as const) {
      surveys.push({
        id: surveyIdFor(s.id, kind),
        sessionId: s.id,
        kind,
        sendAfter: iso(sendAfter),
        expiresAt: iso(sendAfter + 30 * DAY),
        sentAt: sendAfter <= todayMs ? iso(sendAfter) : null,
        answeredAt: null,
        createdAt: s.recordedAt!,
      });
      surveyDraft.push(d);
    }
  }
  let answered: number[];
  if (o.responses !== undefined) {
    const order = surveys.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    answered = order.slice(0, Math.min(o.responses, order.length)).sort((a, b) => a - b);
  } else {
    answered = [];
    surveys.forEach((sv, i) => {
      if (Date.parse(sv.sendAfter) + 2 * DAY > todayMs) return;
      const profile = PROFILES[departments[deptOf[surveyDraft[i]!.e]!]!.profile];
      if (chance(sv.kind === 'employee' ? profile.responds : 0.8)) answered.push(i);
    });
  }
  const surveyResponses: SurveyResponse[] = [];
  for (const i of answered) {
    const sv = surveys[i]!;
    const d = surveyDraft[i]!;
    const mood = PROFILES[departments[deptOf[d.e]!]!.profile].mood;
    // A happy answer is 4–5, an unhappy one 1–3.
    const likert = (m = mood) => (chance(m) ? 4 + int(2) : 1 + int(3));
    sv.answeredAt = `${iso(Math.min(Date.parse(sv.sendAfter) + int(5) * DAY, todayMs)).slice(0, 10)}T00:00:00Z`;
    if (sv.kind === 'employee') {
      const nps = chance(mood) ? 8 + int(3) : chance(0.5) ? 7 + int(2) : int(7);
      const tone = nps >= 9 ? 'happy' : nps >= 7 ? 'mixed' : 'unhappy';
      const answers: EmployeeAnswer = {
        fair: likert(),
        clarity: likert(Math.min(1, mood + 0.1)),
        plan: likert(),
        respected: likert(Math.min(1, mood + 0.05)),
        nps,
        ...(chance(0.35) ? { comment: pick(COMMENTS[tone][d.lang]) } : {}),
      };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'employee',
        answers,
      });
    } else {
      const answers: ManagerAnswer = { consensus: likert(0.8), plan: likert(0.75), prepared: likert(0.7) };
      surveyResponses.push({
        id: uuid(),
        surveyId: sv.id,
        sessionId: sv.sessionId,
        kind: 'manager',
        answers,
      });
    }
  }

  return { surveys, surveyResponses };
}
