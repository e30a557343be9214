/** Consensus (DESIGN §6) over held review sessions: agreed and appealed shares. */
import type { Session } from '../../shared/schemas';
import type { ConsensusMetrics } from './types';
import { rate } from './util';

export interface ConsensusAcc {
  reviews: number;
  agreed: number;
  appealed: number;
}

export function newConsensusAcc(): ConsensusAcc {
  return { reviews: 0, agreed: 0, appealed: 0 };
}

export function addReview(
  acc: ConsensusAcc,
  s: { consensus?: Session['consensus']; appealed?: boolean | null },
): void {
  acc.reviews++;
  if (s.consensus === 'agreed') acc.agreed++;
  if (s.appealed === true) acc.appealed++;
}

export function finishConsensus(acc: ConsensusAcc): ConsensusMetrics {
  return {
    reviews: acc.reviews,
    agreedRate: rate(acc.agreed, acc.reviews),
    appealRate: rate(acc.appealed, acc.reviews),
  };
}
