/**
 * What the metrics engine reads, gathered from the store in one read transaction (one consistent
 * snapshot). Rows are projected to the fields the engine uses: sync tombstones are left out,
 * and so is everything HR must never see or does not need — a session's `privateNotes`, `notes`
 * and `selfAssessment`, check-in notes, survey token hashes, owners, sequence numbers. Survey
 * responses keep their answers (the engine aggregates them; comments feed only the dashboard).
 */
import type { ReadTx, Store } from '../storage/types';
import type {
  MetricsActionItem,
  MetricsCycle,
  MetricsEmployee,
  MetricsInput,
  MetricsRating,
  MetricsSession,
  MetricsSurvey,
  MetricsSurveyResponse,
} from './types';

export async function readMetricsInput(tx: ReadTx): Promise<MetricsInput> {
  const [employees, cycles, ratings, sessions, actionItems, surveys, surveyResponses] = await Promise.all([
    tx.find('employees'),
    tx.find('cycles'),
    tx.find('ratings'),
    tx.find('sessions'),
    tx.find('actionItems'),
    tx.find('surveys'),
    tx.find('surveyResponses'),
  ]);
  return {
    employees: employees.map(
      (e): MetricsEmployee => ({
        id: e.id,
        name: e.name,
        email: e.email,
        department: e.department ?? null,
        managerEmail: e.managerEmail ?? null,
        status: e.status,
        leftOn: e.leftOn ?? null,
      }),
    ),
    cycles: cycles.map(
      (c): MetricsCycle => ({ id: c.id, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn }),
    ),
    ratings: ratings.map(
      (r): MetricsRating => ({ employeeId: r.employeeId, cycleId: r.cycleId, rating: r.rating }),
    ),
    sessions: sessions
      .filter((s) => !s.deleted)
      .map(
        (s): MetricsSession => ({
          id: s.id,
          employeeId: s.employeeId,
          cycleId: s.cycleId,
          kind: s.kind,
          status: s.status,
          invitedAt: s.invitedAt ?? null,
          startedAt: s.startedAt ?? null,
          endedAt: s.endedAt ?? null,
          recordedAt: s.recordedAt ?? null,
          mainGoal: s.mainGoal ?? null,
          agenda: s.agenda ? { questions: s.agenda.questions ?? null } : null,
          checklist: s.checklist ?? null,
          consensus: s.consensus ?? null,
          appealed: s.appealed ?? null,
          listening: s.listening ?? null,
        }),
      ),
    actionItems: actionItems
      .filter((a) => !a.deleted)
      .map(
        (a): MetricsActionItem => ({
          id: a.id,
          sessionId: a.sessionId,
          title: a.title,
          owner: a.owner,
          dueOn: a.dueOn ?? null,
          measure: a.measure ?? null,
          status: a.status,
          doneAt: a.doneAt ?? null,
        }),
      ),
    surveys: surveys.map(
      (s): MetricsSurvey => ({
        id: s.id,
        sessionId: s.sessionId,
        kind: s.kind,
        sendAfter: s.sendAfter,
        expiresAt: s.expiresAt,
        answeredAt: s.answeredAt ?? null,
        createdAt: s.createdAt,
      }),
    ),
    surveyResponses: surveyResponses as MetricsSurveyResponse[],
  };
}

/** The engine's input from one consistent read of the store. */
export function loadMetricsInput(store: Store): Promise<MetricsInput> {
  return store.read(readMetricsInput);
}
