// Tighten-only for a plan (docs/RULES.md sections 6 and 11): the plan's target and consistency limit reach the engine
// as the profitTarget and consistency rules' settings, which the rules' own table compares; what is left is the
// scaling ladder, a contract limit by the profit banked. More contracts at any profit loosens it.
import { Dec } from '../domain/money';
import type { PlanSettings } from './plan';

type Ladder = NonNullable<PlanSettings['scaling']>;

/** The contracts a ladder allows with `banked` profit (below its first tier, the first tier's). */
function allowedAt(ladder: Ladder, banked: Dec): number {
  let allowed = ladder[0]?.maxContracts ?? 0;
  for (const tier of ladder) if (new Dec(tier.from).lte(banked)) allowed = tier.maxContracts;
  return allowed;
}

/** Every way the new plan's scaling allows more contracts than the old one did; [] when it keeps or tightens it. */
export function planLoosened(before: PlanSettings | null, after: PlanSettings | null): string[] {
  const was = before?.scaling ?? null;
  if (was === null) return [];
  const now = after?.scaling ?? null;
  if (now === null) return ['plan.scaling: removed'];
  // Both ladders are steps that change only at a tier's `from`: comparing at every such point compares them all.
  const points = [...new Set([...was, ...now].map((tier) => new Dec(tier.from).toFixed()))].sort((a, b) =>
    new Dec(a).comparedTo(b),
  );
  const lines: string[] = [];
  // Below every tier (an account in loss) each allows its first tier's contracts.
  const under = new Dec(points[0] ?? '0').minus(1);
  const [oldUnder, freshUnder] = [allowedAt(was, under), allowedAt(now, under)];
  if (freshUnder > oldUnder)
    lines.push(`plan.scaling: ${freshUnder} contracts below the first tier (was ${oldUnder})`);
  for (const point of points) {
    const [old, fresh] = [allowedAt(was, new Dec(point)), allowedAt(now, new Dec(point))];
    if (fresh > old) lines.push(`plan.scaling: ${fresh} contracts from ${point} banked (was ${old})`);
  }
  return lines;
}
