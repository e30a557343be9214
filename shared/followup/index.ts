/**
 * Follow-up (DESIGN §2 steps 11–12, issue 9): reminders, "since last time", the employee
 * one-pager and the manager's week. Pure functions of records and a clock, used by the extension
 * (offline, on the manager's own data) and by the service's routes.
 */
export * from './carry-over';
export * from './messages';
export * from './reminders';
export * from './summary';
export * from './talks';
export * from './time';
export * from './weekly';
