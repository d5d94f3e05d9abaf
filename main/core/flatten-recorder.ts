// Records each enforcement action (a flatten; a close, reduce, cancel or protective stop) and every broker
// command it sent, with its answer and time, in the store's risk_responses audit table.
import { decimalsAsStrings } from '../../shared/domain/money';
import type { ActionRecorder } from '../enforce/actions';
import type { FlattenRecorder, FlattenStep } from '../enforce/flatten';
import type { JsonValue, Responses } from '../store';

function stepsJson(steps: FlattenStep[]): JsonValue {
  return steps.map((step) => ({
    at: new Date(step.at).toISOString(),
    // A command holds only strings, numbers and decimals, so its plain form is JSON.
    command: decimalsAsStrings(step.command) as Record<string, JsonValue>,
    ok: step.ok,
    ...(step.error === undefined ? {} : { error: step.error }),
  }));
}

export function createFlattenRecorder(responses: Responses): FlattenRecorder {
  return {
    begin: (account, reason, at) =>
      responses.begin({ account, action: 'flatten', reason, requestedAt: at, detail: [] }),
    progress: (id, steps) => {
      responses.progress(id, stepsJson(steps));
    },
    finish: (id, report, steps, at) => {
      responses.finish(id, {
        finishedAt: at,
        outcome: report.flat ? 'flat' : 'failed',
        detail: { steps: stepsJson(steps), report: { ...report } },
      });
    },
  };
}

export function createActionRecorder(responses: Responses): ActionRecorder {
  return {
    begin: (account, action, reason, at) =>
      responses.begin({ account, action, reason, requestedAt: at, detail: [] }),
    finish: (id, steps, at) => {
      responses.finish(id, {
        finishedAt: at,
        outcome: steps.every((step) => step.ok) ? 'done' : 'refused',
        detail: { steps: stepsJson(steps) },
      });
    },
  };
}
