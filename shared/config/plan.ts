// A prop-firm program's plan (docs/RULES.md section 11): its profit target, consistency limit, minimum trading days
// and scaling ladder, as written in a preset or an account (every key optional: the account's keys win per key).
import { z } from 'zod';
import { Dec } from '../domain/money';
import { amount, count, decimal, nonNegativeAmount } from './values';

const scalingTier = z.strictObject({
  /** Profit banked before the day (dayStartEquity − startingBalance) from which the tier applies. */
  from: nonNegativeAmount,
  maxContracts: count(1),
});

export const planSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must be non-empty text'),
    profitTarget: amount,
    consistencyPct: decimal({ above: '0', max: '100' }),
    minTradingDays: count(1),
    scaling: z
      .array(scalingTier)
      .min(1, 'needs at least one tier')
      .superRefine((tiers, ctx) => {
        // Two tiers from the same profit would leave the contracts allowed there to the order they were written in.
        tiers.forEach((tier, index) => {
          const first = tiers.findIndex((other) => new Dec(other.from).eq(tier.from));
          if (first < index) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'from'],
              message: `${tier.from} is already the from of scaling[${first}]`,
            });
          }
        });
      }),
  })
  .partial();

/** A plan as written in one place (a preset or an account). */
export type PlanBlock = z.output<typeof planSchema>;

/** One account's plan after the merge: every figure present or null (money and percentages as decimal strings). */
export type PlanSettings = {
  name: string | null;
  profitTarget: string | null;
  consistencyPct: string | null;
  minTradingDays: number | null;
  /** Tiers in ascending `from` order; null without scaling. */
  scaling: { from: string; maxContracts: number }[] | null;
};

/**
 * The plan of the blocks that apply (a preset's, then the account's), merged key by key with later blocks winning;
 * null when no block is written at all.
 */
export function mergePlans(blocks: readonly (PlanBlock | undefined)[]): PlanSettings | null {
  const written = blocks.filter((block) => block !== undefined);
  if (written.length === 0) return null;
  const merged = written.reduce<PlanBlock>((sum, block) => ({ ...sum, ...block }), {});
  return {
    name: merged.name ?? null,
    profitTarget: merged.profitTarget ?? null,
    consistencyPct: merged.consistencyPct ?? null,
    minTradingDays: merged.minTradingDays ?? null,
    scaling:
      merged.scaling === undefined
        ? null
        : [...merged.scaling].sort((a, b) => new Dec(a.from).comparedTo(b.from)).map((tier) => ({ ...tier })),
  };
}
