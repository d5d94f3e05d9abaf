// Config specs of the rules on trading activity (docs/RULES.md section 6): contract limits, trade frequency, loss
// streaks, required stops and per-position trailing stops. Counts are whole numbers; contract limits are decimals
// because micros weigh a fraction of a mini.
import { z } from 'zod';
import type { LockUntil } from './rules';
import type { RuleSpec } from './rule-spec';
import { count, decimal, flag, oneOf } from './values';

/** A contract limit: 0 allows none. */
const contracts = decimal({ min: '0' });

export const maxContracts: RuleSpec<'maxContracts'> = {
  params: {
    total: contracts,
    perSymbol: z.record(z.string().min(1), contracts),
    countWorkingOrders: flag,
  },
  required: [],
  defaults: { total: null, perSymbol: {}, countWorkingOrders: true },
  levels: false,
  complete: (rule) =>
    rule.total === null && Object.keys(rule.perSymbol).length === 0
      ? [{ path: ['total'], message: 'is required unless perSymbol gives at least one limit' }]
      : [],
};

/** No cooldown means no lock; otherwise the account is halted for the cooldown. */
const cooldownLock = (minutes: number): LockUntil => (minutes > 0 ? { minutes } : 'none');

export const tradeFrequency: RuleSpec<'tradeFrequency'> = {
  params: { perMinute: count(1), perHour: count(1), perDay: count(1), cooldownMinutes: count(0) },
  required: ['cooldownMinutes'],
  defaults: { perMinute: null, perHour: null, perDay: null },
  levels: false,
  complete: (rule) =>
    rule.perMinute === null && rule.perHour === null && rule.perDay === null
      ? [{ path: [], message: 'needs at least one window: perMinute, perHour or perDay' }]
      : [],
  lockDefault: (rule) => cooldownLock(rule.cooldownMinutes),
};

export const consecutiveLosses: RuleSpec<'consecutiveLosses'> = {
  params: { max: count(1), cooldownMinutes: count(1), escalate: flag, resetDaily: flag },
  required: ['max', 'cooldownMinutes'],
  defaults: { escalate: false, resetDaily: true },
  levels: false,
  lockDefault: (rule) => cooldownLock(rule.cooldownMinutes),
};

export const stopRequired: RuleSpec<'stopRequired'> = {
  params: { graceSeconds: count(0), mode: oneOf(['close', 'attachStop'] as const), stopTicks: count(1) },
  required: [],
  defaults: { graceSeconds: 10, mode: 'close', stopTicks: 8 },
  levels: false,
};

export const trailingStop: RuleSpec<'trailingStop'> = {
  params: { activateAfterTicks: count(0), trailTicks: count(1) },
  required: ['activateAfterTicks', 'trailTicks'],
  defaults: {},
  levels: false,
};
