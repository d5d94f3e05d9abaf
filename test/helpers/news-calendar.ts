// Builders for tests of the news calendar (docs/RULES.md section 12): the usual selection, releases as a `calendar`
// event lists them, and that event.
import type { EngineEvent } from '../../shared/domain/events';
import type { NewsCalendarSelection } from '../../shared/config/rules';
import { ev } from './engine';

/** High USD releases, 2 minutes before and after, flatten. */
export const highUsd: NewsCalendarSelection = {
  impacts: ['High'],
  currencies: ['USD'],
  minutesBefore: 2,
  minutesAfter: 2,
  flatten: true,
};

/** A release as a `calendar` event lists it (an ISO time). */
export type Release = { at: string; title: string; currency: string; impact: string };

export const newsRelease = (at: string, title: string, currency = 'USD', impact = 'High'): Release => ({
  at,
  title,
  currency,
  impact,
});

/** The calendar's list at `t`, replacing the one before. */
export const calendar = (t: string, ...events: Release[]): EngineEvent => ev({ type: 'calendar', t, events });
