// Every schema migration, in order. A new one gets the next number, its own file, and its own test.
import type { Migration } from '../migrate';
import { initial } from './001-initial';
import { riskEvents } from './002-risk-events';
import { history } from './003-history';
import { auditDetails } from './004-audit-details';
import { metricSnapshots } from './005-metric-snapshots';

export const migrations: readonly Migration[] = [initial, riskEvents, history, auditDetails, metricSnapshots];
