/** The synthetic organisation of the demo and, scaled, the benchmark is valid and deterministic. */
import { describe, expect, it } from 'vitest';
import { generateOrg } from '../../server/demo/generate-org';
import { ActionItem, Cycle, Employee, Rating, Session, Survey, SurveyResponse } from '../../shared/schemas';

describe('generateOrg', () => {
  const org = generateOrg({
    seed: 3,
    employees: 200,
    departments: 5,
    sessions: 600,
    actionItems: 1500,
    responses: 500,
  });

  it('makes records the shared schemas accept', () => {
    const strip = <T extends { deleted?: boolean }>({ deleted: _, ...rest }: T) => rest;
    for (const e of org.employees) Employee.parse(e);
    for (const c of org.cycles) Cycle.parse(c);
    for (const r of org.ratings) Rating.parse(r);
    for (const s of org.sessions) Session.parse(strip(s));
    for (const a of org.actionItems) ActionItem.parse(strip(a));
    for (const v of org.surveys) Survey.parse(v);
    for (const r of org.surveyResponses) SurveyResponse.parse(r);
    expect(org.actionItems).toHaveLength(1500);
    expect(org.surveyResponses).toHaveLength(500);
  });

  it('is the same for the same seed', () => {
    const again = generateOrg({
      seed: 3,
      employees: 200,
      departments: 5,
      sessions: 600,
      actionItems: 1500,
      responses: 500,
    });
    expect(again).toEqual(org);
  });
});
