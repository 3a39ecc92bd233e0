/** The customer timeline: events recorded per company, read newest first. */
export { listTimeline, recordEvent, type EventInput, type TimelineEvent, type TimelineQuery } from './store.ts';
