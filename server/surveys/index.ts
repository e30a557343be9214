/** Post-conversation surveys (DESIGN §4, step 12): issuance, the manager's outbox, the public page. */
export { becomesRecorded, issueSurveys, type SurveyTiming, surveyTiming, surveyWindow } from './issue';
export { linkToken, readSurveyKeys, surveyIdFor } from './links';
export { dueSurveys, type OutboxItem, surveyOutboxRouter, surveyUrl } from './outbox';
export { SURVEY_BODY_LIMIT, surveyPageRouter } from './page';
