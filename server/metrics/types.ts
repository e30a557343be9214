/**
 * Types of the HR metrics engine (DESIGN §6): what it reads, what it answers.
 *
 * The engine reads plain arrays of stored rows. Rows carrying `deleted: true` are sync tombstones
 * and are ignored everywhere (a tombstone keeps only its id and sync metadata).
 */
import type {
  ActionItem,
  Cycle,
  Employee,
  Rating,
  Session,
  Survey,
  SurveyResponse,
} from '../../shared/schemas';

/** A tombstone flag, as stored rows carry it (`StoredSession`, `StoredActionItem`). */
type MaybeDeleted = { deleted?: boolean | null };

export type MetricsEmployee = Employee & MaybeDeleted;
export type MetricsSession = Session & MaybeDeleted;
export type MetricsActionItem = ActionItem & MaybeDeleted;
export type MetricsSurvey = Survey & MaybeDeleted;
export type MetricsSurveyResponse = SurveyResponse & MaybeDeleted;
export type MetricsRating = Rating & MaybeDeleted;
export type MetricsCycle = Cycle & MaybeDeleted;

export interface MetricsInput {
  employees: readonly MetricsEmployee[];
  cycles: readonly MetricsCycle[];
  ratings: readonly MetricsRating[];
  sessions: readonly MetricsSession[];
  actionItems: readonly MetricsActionItem[];
  surveys: readonly MetricsSurvey[];
  surveyResponses: readonly MetricsSurveyResponse[];
}

export type GroupBy = 'department' | 'manager' | 'none';

export interface WarningThresholds {
  /** `low-satisfaction`: employee NPS below this … */
  lowSatisfactionNps: number;
  /** … or favourable `fair` share below this, in C and in the cycle before C. */
  lowSatisfactionFair: number;
  /** `high-appeals`: appealRate above this … */
  highAppealsRate: number;
  /** … with at least this many held reviews. */
  highAppealsMinReviews: number;
  /** `short-sessions`: shortShare above this … */
  shortSessionsShare: number;
  /** … with at least this many timed sessions. */
  shortSessionsMinSessions: number;
  /** `low-coverage`: review coverage below this once asOf is after C's end. */
  lowCoverageReviewRate: number;
  /** `attrition-low-performance`: attritionRate above this … */
  attritionRate: number;
  /** … and lowPerformerShare above this. */
  attritionLowPerformerShare: number;
  /** `support-not-delivered`: supportCommitments rate below this … */
  supportRate: number;
  /** … with at least this many due commitments. */
  supportMinDue: number;
}

export const DEFAULT_THRESHOLDS: Readonly<WarningThresholds> = Object.freeze({
  lowSatisfactionNps: 0,
  lowSatisfactionFair: 0.6,
  highAppealsRate: 0.1,
  highAppealsMinReviews: 5,
  shortSessionsShare: 0.3,
  shortSessionsMinSessions: 5,
  lowCoverageReviewRate: 0.8,
  attritionRate: 0.15,
  attritionLowPerformerShare: 0.2,
  supportRate: 0.5,
  supportMinDue: 3,
});

export const DEFAULT_MIN_GROUP = 5;

export interface MetricsParams {
  cycleId: string;
  /** `YYYY-MM-DD`; the engine never reads a clock. */
  asOf: string;
  groupBy: GroupBy;
  /** Smallest number of survey responses (and of team members) shown; default 5. */
  minGroup?: number;
  thresholds?: Partial<WarningThresholds>;
}

export type MetricsInputErrorCode = 'unknown_cycle' | 'invalid_params';

/** Thrown for a request the engine cannot answer; routes map `unknown_cycle` to 404, the rest to 400. */
export class MetricsInputError extends Error {
  readonly code: MetricsInputErrorCode;
  readonly details?: unknown;
  constructor(code: MetricsInputErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'MetricsInputError';
    this.code = code;
    this.details = details;
  }
}

// ---------------------------------------------------------------------------------------------
// Response

export interface KindCoverage {
  /** Employees of the population with ≥ 1 held session of this kind. */
  held: number;
  /** held / employees; null for an empty population. */
  rate: number | null;
}

export interface CoverageMetrics {
  plan: KindCoverage;
  coaching: KindCoverage;
  review: KindCoverage;
  /** Share of the population with a held session of each of the three kinds. */
  allThree: number | null;
}

export const HISTOGRAM_BUCKETS = ['0-15', '15-30', '30-45', '45-60', '60-90', '90+'] as const;
export type HistogramBucket = (typeof HISTOGRAM_BUCKETS)[number];

export interface DurationMetrics {
  /** Held sessions with both startedAt and endedAt (and endedAt ≥ startedAt). */
  sessions: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
  /** Share under 30 minutes. */
  shortShare: number | null;
  histogram: Record<HistogramBucket, number>;
}

export interface ProcessMetrics {
  /** Held sessions (the denominator of the four rates). */
  sessions: number;
  recordedWithin24h: number | null;
  prepared: number | null;
  invitedAhead: number | null;
  /** Mean of distinct checklist steps done / 12. */
  checklist: number | null;
  /**
   * Held sessions with the listening meter on (issue 18), and the share of them where the manager
   * spoke ≤ 60 % of the time; null when no held session had it on.
   */
  listening: ListeningMetrics | null;
}

export interface ListeningMetrics {
  sessions: number;
  balanced: number;
}

export interface ActionItemMetrics {
  total: number;
  due: number;
  done: number;
  overdue: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

export interface SupportMetrics {
  due: number;
  done: number;
  rate: number | null;
}

export interface DevelopmentMetrics {
  smartPlanShare: number | null;
  actionItems: ActionItemMetrics;
  supportCommitments: SupportMetrics;
}

export interface ConsensusMetrics {
  reviews: number;
  agreedRate: number | null;
  appealRate: number | null;
}

/** Why a group's employee-survey figures are hidden. */
export type SuppressionReason =
  /** The group's population is smaller than minGroup, however many responses it has. */
  | 'small-team'
  /** Fewer than minGroup responses. */
  | 'few-responses'
  /** Hidden only so that a suppressed group cannot be recovered as overall minus the visible ones. */
  | 'complementary';

export interface EmployeeSurveyMetrics {
  issued: number;
  responses: number;
  responseRate: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  fair: number | null;
  clarity: number | null;
  plan: number | null;
  respected: number | null;
  nps: number | null;
}

export interface ManagerSurveyMetrics {
  issued: number;
  responses: number;
  responseRate: number | null;
  consensus: number | null;
  plan: number | null;
  prepared: number | null;
}

export interface SurveyMetrics {
  employee: EmployeeSurveyMetrics;
  manager: ManagerSurveyMetrics;
}

export interface PerformanceMetrics {
  pairs: number;
  meanChange: number | null;
  lowPerformerUplift: number | null;
  /** Among pairs whose current rating ≥ 4, the share whose next rating ≥ the current; null when none. */
  highPerformerKept: number | null;
  completionCorrelation: number | null;
  attritionRate: number | null;
  lowPerformerShare: number | null;
}

export interface Group {
  key: string;
  employees: number;
  coverage: CoverageMetrics;
  duration: DurationMetrics;
  process: ProcessMetrics;
  development: DevelopmentMetrics;
  consensus: ConsensusMetrics;
  survey: SurveyMetrics;
  performance: PerformanceMetrics;
}

export type WarningKind =
  | 'low-satisfaction'
  | 'high-appeals'
  | 'short-sessions'
  | 'low-coverage'
  | 'attrition-low-performance'
  | 'support-not-delivered';

export interface MetricsWarning {
  kind: WarningKind;
  group: string;
  detail: Record<string, number | null>;
}

export interface PrivacyReport {
  /** See server/metrics/privacy.ts. */
  method: 'complementary-suppression';
  /** Groups hidden by their own size (small team or few responses). */
  suppressedGroups: string[];
  /** Visible-sized groups hidden as well so that subtraction reveals nothing. */
  complementaryGroups: string[];
}

export interface MetricsResponse {
  cycle: { id: string; name: string; startsOn: string; endsOn: string };
  asOf: string;
  groupBy: GroupBy;
  minGroup: number;
  groups: Group[];
  overall: Group;
  warnings: MetricsWarning[];
  privacy: PrivacyReport;
}

/** Key of the single group with groupBy=none, and of `overall`. */
export const ALL_KEY = 'all';
