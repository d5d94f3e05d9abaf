// @vitest-environment jsdom
// The Rules screen's time group: trading-hours windows (days, start, end, the session's time zone beside them) and
// the flatten time; news blackout's own events (the release time read back in the session's zone) and the calendar
// selection (impacts, currencies, minutes, flatten, or none). The inherited list is shown until an edit makes the
// account's own copy; "Use inherited" drops it; every part's error stands beside it.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  click,
  emptyChoiceOf,
  errorOf,
  inputOf,
  ownRules,
  placeholderOf,
  openRules,
  type,
} from './rule-helpers';

afterEach(cleanup);

const layered = {
  session: { timezone: 'America/New_York' },
  presets: {
    desk: {
      rules: {
        tradingHours: {
          windows: [{ days: ['monday', 'tuesday'], start: '09:30', end: '16:00' }],
          flattenAt: '15:55',
        },
        newsBlackout: { calendar: { impacts: ['High'], currencies: ['USD'] } },
      },
    },
  },
  accounts: { [ACCOUNT]: { preset: 'desk', startingBalance: 50000 } },
};
const plain = { accounts: { [ACCOUNT]: { startingBalance: 50000 } } };

const open = (document: unknown = layered) => openRules(document);

const checked = (testId: string) => inputOf(testId).checked;
const window0 = 'rule-tradingHours-windows-0';

describe('trading hours', () => {
  it("shows the inherited windows and flatten time, the session's time zone beside the times", async () => {
    await open();
    expect(screen.getByTestId('rule-tradingHours-windows-source').textContent).toBe('inherited');
    expect(['monday', 'tuesday', 'wednesday'].map((d) => checked(`${window0}-days-${d}`))).toEqual([
      true,
      true,
      false,
    ]);
    expect(inputOf(`${window0}-start`).value).toBe('09:30');
    expect(inputOf(`${window0}-end`).value).toBe('16:00');
    expect(screen.getByTestId(`${window0}-timezone`).textContent).toBe('America/New_York');
    expect(placeholderOf('rule-tradingHours-flattenAt')).toBe('inherited: 15:55');
    expect(screen.getByTestId('rule-tradingHours').textContent).toContain('America/New_York');
  });

  it('edits a copy of the windows as the account’s own, adds and removes them, and goes back', async () => {
    const host = await open();
    type(`${window0}-start`, '08:30');
    expect(ownRules(host)['tradingHours']).toEqual({
      windows: [{ days: ['monday', 'tuesday'], start: '08:30', end: '16:00' }],
    });
    click('rule-tradingHours-windows-add');
    click('rule-tradingHours-windows-1-days-sunday');
    click('rule-tradingHours-windows-1-days-friday');
    type('rule-tradingHours-windows-1-start', '17:00');
    type('rule-tradingHours-windows-1-end', '16:00');
    click(`${window0}-remove`);
    type('rule-tradingHours-flattenAt', '14:55');
    expect(ownRules(host)['tradingHours']).toEqual({
      windows: [
        { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'sunday'], start: '17:00', end: '16:00' },
      ],
      flattenAt: '14:55',
    });
    click('rule-tradingHours-flattenAt-none');
    expect(ownRules(host)['tradingHours']).toMatchObject({ flattenAt: null });
    expect(placeholderOf('rule-tradingHours-flattenAt')).toBe('no flatten time');
    click('rule-tradingHours-windows-inherit');
    click('rule-tradingHours-flattenAt-none');
    expect(ownRules(host)).toEqual({});
    expect(screen.getByTestId('rule-tradingHours-windows-source').textContent).toBe('inherited');
  });

  it("shows a window's errors beside its days, start and end", async () => {
    await open();
    type(`${window0}-end`, '09:30');
    expect(errorOf(`${window0}-end`)).toBe('must differ from start, got "09:30"');
    type(`${window0}-start`, '9:30');
    expect(errorOf(`${window0}-start`)).toBe('must be a 24-hour time HH:mm such as 17:00, got "9:30"');
    click(`${window0}-days-monday`);
    click(`${window0}-days-tuesday`);
    expect(errorOf(`${window0}-days`)).toBe('needs at least one day');
    click('rule-tradingHours-windows-inherit');
    click(`${window0}-remove`);
    expect(errorOf('rule-tradingHours-windows')).toBe('needs at least one window');
    expect(screen.queryByTestId('rule-errors')).toBeNull();
  });
});

describe('news blackout', () => {
  it('shows the inherited calendar selection, and writes "no calendar" as null', async () => {
    const host = await open();
    expect(screen.getByTestId('rule-newsBlackout-calendar-source').textContent).toBe('inherited');
    expect(checked('rule-newsBlackout-calendar-impacts-High')).toBe(true);
    expect(checked('rule-newsBlackout-calendar-impacts-Medium')).toBe(false);
    expect(screen.getByTestId('rule-newsBlackout-calendar-currencies-USD').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(placeholderOf('rule-newsBlackout-calendar-minutesBefore')).toBe('default: 2');
    expect(emptyChoiceOf('rule-newsBlackout-calendar-flatten')).toBe('default: no');
    click('rule-newsBlackout-calendar-none');
    expect(ownRules(host)['newsBlackout']).toEqual({ calendar: null });
    expect(screen.getByTestId('rule-newsBlackout-calendar').textContent).toContain(
      'No calendar: only your own events make windows.',
    );
    click('rule-newsBlackout-calendar-inherit');
    expect(ownRules(host)).toEqual({});
  });

  it('edits the calendar selection: impacts, currencies typed or pressed, minutes, flatten', async () => {
    const host = await open();
    click('rule-newsBlackout-calendar-impacts-Medium');
    type('rule-newsBlackout-calendar-currencies-input', 'eur');
    click('rule-newsBlackout-calendar-currencies-add');
    click('rule-newsBlackout-calendar-currencies-GBP');
    type('rule-newsBlackout-calendar-minutesBefore', '5');
    type('rule-newsBlackout-calendar-flatten', 'true');
    expect(ownRules(host)['newsBlackout']).toEqual({
      calendar: {
        impacts: ['High', 'Medium'],
        currencies: ['USD', 'EUR', 'GBP'],
        minutesBefore: 5,
        minutesAfter: 2,
        flatten: true,
      },
    });
    type('rule-newsBlackout-calendar-currencies-input', 'us');
    click('rule-newsBlackout-calendar-currencies-add');
    expect(errorOf('rule-newsBlackout-calendar-currencies')).toBe(
      'item 4: must be a 3-letter currency code in capitals, such as USD, got "US"',
    );
    click('rule-newsBlackout-calendar-impacts-High');
    click('rule-newsBlackout-calendar-impacts-Medium');
    expect(errorOf('rule-newsBlackout-calendar-impacts')).toBe('needs at least one impact, such as High');
  });

  it('adds its own events, reads a release time back in the session’s zone, and shows their errors', async () => {
    const host = await open();
    click('rule-newsBlackout-events-add');
    const event = 'rule-newsBlackout-events-0';
    expect(errorOf(`${event}-at`)).toBe('is required');
    expect(placeholderOf(`${event}-minutesBefore`)).toBe('default: 2');
    expect(emptyChoiceOf(`${event}-flatten`)).toBe('default: no');
    // A date and time field: what is no date and time stays empty, so the event still needs one.
    type(`${event}-at`, 'next tuesday');
    expect(errorOf(`${event}-at`)).toBe('is required');
    // Typed in the session's zone (New York), kept with New York's offset that day, read back with its weekday.
    type(`${event}-at`, '2026-05-08T09:30');
    expect(errorOf(`${event}-at`)).toBeNull();
    expect(inputOf(`${event}-at`).value).toBe('2026-05-08T09:30');
    expect(screen.getByTestId(`${event}-at-local`).textContent).toBe('Fri 8 May, 09:30 America/New_York');
    type(`${event}-minutesAfter`, '10');
    type(`${event}-flatten`, 'true');
    type(`${event}-name`, 'CPI');
    expect(ownRules(host)['newsBlackout']).toEqual({
      events: [{ at: '2026-05-08T09:30:00-04:00', minutesAfter: 10, flatten: true, name: 'CPI' }],
    });
    type(`${event}-minutesBefore`, '-1');
    expect(errorOf(`${event}-minutesBefore`)).toBe('must be a whole number, got "-1"');
    click(`${event}-remove`);
    click('rule-newsBlackout-events-inherit');
    expect(ownRules(host)).toEqual({});
  });

  it('says, beside the rule, that it needs events or a calendar', async () => {
    await open(plain);
    click('rule-newsBlackout-enabled');
    expect(errorOf('rule-newsBlackout')).toBe('needs events or a calendar selection (or both)');
    expect(screen.getByTestId('rule-newsBlackout-more').textContent).toBe(
      'More inherited: flatten (or alert) at each window, locked until it ends',
    );
  });
});
