/** One group's accumulators across every measure family, and how they become a `Group`. */

import { type ConsensusAcc, finishConsensus, newConsensusAcc } from './consensus';
import { type CoverageAcc, finishCoverage, newCoverageAcc } from './coverage';
import { type DevelopmentAcc, finishDevelopment, newDevelopmentAcc } from './development';
import { type DurationAcc, finishDuration, mergeDuration, newDurationAcc } from './duration';
import { finishPerformance, mergePerformance, newPerformanceAcc, type PerformanceAcc } from './performance';
import { finishProcess, newProcessAcc, type ProcessAcc } from './process';
import {
  type EmployeeSurveyAcc,
  finishEmployeeSurvey,
  finishManagerSurvey,
  type ManagerSurveyAcc,
  newEmployeeSurveyAcc,
  newManagerSurveyAcc,
} from './survey';
import type { Group, SuppressionReason } from './types';
import { addCounts } from './util';

export interface GroupAcc {
  employees: number;
  coverage: CoverageAcc;
  duration: DurationAcc;
  process: ProcessAcc;
  development: DevelopmentAcc;
  consensus: ConsensusAcc;
  employeeSurvey: EmployeeSurveyAcc;
  managerSurvey: ManagerSurveyAcc;
  performance: PerformanceAcc;
}

export function newGroupAcc(): GroupAcc {
  return {
    employees: 0,
    coverage: newCoverageAcc(),
    duration: newDurationAcc(),
    process: newProcessAcc(),
    development: newDevelopmentAcc(),
    consensus: newConsensusAcc(),
    employeeSurvey: newEmployeeSurveyAcc(),
    managerSurvey: newManagerSurveyAcc(),
    performance: newPerformanceAcc(),
  };
}

export function mergeGroupAcc(into: GroupAcc, from: GroupAcc): void {
  into.employees += from.employees;
  addCounts(into.coverage, from.coverage);
  mergeDuration(into.duration, from.duration);
  addCounts(into.process, from.process);
  addCounts(into.development, from.development);
  addCounts(into.consensus, from.consensus);
  addCounts(into.employeeSurvey, from.employeeSurvey);
  addCounts(into.managerSurvey, from.managerSurvey);
  mergePerformance(into.performance, from.performance);
}

export function finishGroup(acc: GroupAcc, key: string, surveyReason: SuppressionReason | null): Group {
  return {
    key,
    employees: acc.employees,
    coverage: finishCoverage(acc.coverage, acc.employees),
    duration: finishDuration(acc.duration),
    process: finishProcess(acc.process),
    development: finishDevelopment(acc.development),
    consensus: finishConsensus(acc.consensus),
    survey: {
      employee: finishEmployeeSurvey(acc.employeeSurvey, surveyReason),
      manager: finishManagerSurvey(acc.managerSurvey),
    },
    performance: finishPerformance(acc.performance),
  };
}
