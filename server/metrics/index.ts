/**
 * HR metrics (DESIGN §6): the public surface for routes and the dashboard.
 *
 * - computeMetrics(input, params) → MetricsResponse (the JSON route)
 * - metricsToCsv(response) → string (`&format=csv`)
 * - collectComments(input, params) → CommentsResponse (dashboard only, never the JSON route)
 *
 * All pure: the caller reads the store's collections and passes the arrays in, with asOf.
 */
export { type CommentGroup, type CommentsResponse, collectComments, MIN_COMMENT_RESPONSES } from './comments';
export { CSV_BOM, csvCell, metricsToCsv } from './csv';
export { computeMetrics } from './engine';
export * from './types';
