// The alert log: each alert once, newest first, read back as it was given (a level change with its figures).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../shared/ipc/view';
import { useStores } from './temp-store';

const openTemp = useStores();

function alert(id: string, t: string, overrides: Partial<AlertView> = {}): AlertView {
  return {
    id,
    t,
    level: 'warning',
    account: 'ACC-1',
    title: 'Daily loss 80%',
    message: 'Down $800.00 of $1,000.00',
    notify: false,
    ...overrides,
  };
}

describe('alerts', () => {
  it('reads alerts back exactly, newest first, up to the limit', () => {
    const { store } = openTemp();
    const first = alert('a1', '2025-03-03T14:00:00.000Z');
    const second = alert('a2', '2025-03-03T14:05:00.250Z', {
      level: 'critical',
      account: null,
      title: 'Feed lost',
    });
    const third = alert('a3', '2025-03-03T14:10:00.000Z', { level: 'info' });
    for (const each of [first, third, second]) expect(store.alerts.add(each)).toBe(true);
    expect(store.alerts.recent(10)).toEqual([third, second, first]);
    expect(store.alerts.recent(2)).toEqual([third, second]);
  });

  it('orders alerts of the same millisecond by when they were added', () => {
    const { store } = openTemp();
    const t = '2025-03-03T14:00:00.000Z';
    for (const id of ['z', 'a', 'm']) store.alerts.add(alert(id, t));
    expect(store.alerts.recent(3).map((each) => each.id)).toEqual(['m', 'a', 'z']);
  });

  it('ignores an alert whose id is already recorded, keeping the first', () => {
    const { store } = openTemp();
    const original = alert('dup', '2025-03-03T14:00:00.000Z');
    expect(store.alerts.add(original)).toBe(true);
    expect(store.alerts.add({ ...original, message: 'changed' })).toBe(false);
    expect(store.alerts.recent(10)).toEqual([original]);
  });

  it('normalizes an offset time to UTC', () => {
    const { store } = openTemp();
    store.alerts.add(alert('tz', '2025-03-03T09:00:00-05:00'));
    expect(store.alerts.recent(1)[0]?.t).toBe('2025-03-03T14:00:00.000Z');
  });

  it('refuses an alert whose time is not a time', () => {
    const { store } = openTemp();
    expect(() => store.alerts.add(alert('bad', 'yesterday'))).toThrow(
      'alert bad: t is not an ISO-8601 time: "yesterday"',
    );
    expect(store.alerts.recent(10)).toEqual([]);
  });

  it('admits only known levels at the table itself', () => {
    const { file } = openTemp();
    const raw = new Database(file);
    const insert = raw.prepare(
      "INSERT INTO alerts (id, t, level, title, message) VALUES ('x', 1, 'loud', 'T', 'M')",
    );
    expect(() => insert.run()).toThrow(/CHECK constraint failed/);
    raw.close();
  });

  it('keeps a level change with its figures as exact text, beside alerts that have none', () => {
    const { store, file } = openTemp();
    const breach = alert('lc', '2025-03-03T14:00:00.000Z', {
      level: 'critical',
      title: 'dailyLoss breach',
      message: 'daily loss 326.4 reached 300.',
      figures: { rule: 'dailyLoss', level: 'breach', value: '326.40', limit: '300', threshold: '300.000' },
    });
    const plain = alert('pl', '2025-03-03T14:00:01.000Z', { level: 'info', title: 'Flatten complete' });
    store.alerts.add(breach);
    store.alerts.add(plain);
    expect(store.alerts.recent(10)).toEqual([plain, breach]);
    const raw = new Database(file, { readonly: true });
    expect(
      raw
        .prepare('SELECT rule, rule_level, metric_value, metric_limit, threshold FROM alerts ORDER BY t')
        .all(),
    ).toEqual([
      {
        rule: 'dailyLoss',
        rule_level: 'breach',
        metric_value: '326.40',
        metric_limit: '300',
        threshold: '300.000',
      },
      { rule: null, rule_level: null, metric_value: null, metric_limit: null, threshold: null },
    ]);
    raw.close();
  });
});
