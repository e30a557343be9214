/**
 * Invites → agenda. Content scripts should import the module they need (`links`, `text`) rather than
 * this barrel: it also pulls in ical.js (via `ics`) and zod (via `types`).
 */
export * from './agenda';
export * from './ics';
export * from './links';
export * from './text';
export * from './types';
export { isValidZone, resolveZoneName, zonedTimeToUtc, zoneOffsetMinutes } from './zone';
