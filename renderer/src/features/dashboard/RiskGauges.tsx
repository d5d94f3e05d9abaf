// Margin level as a gauge with the 150% (warning) and 120% (critical) marks, and exposure with concentration.
import { useShallow } from 'zustand/react/shallow';
import { Money } from '../../components/Money';
import { selectAccount, useView } from '../../state';

/** The gauge spans 0–300%: a level above shows full, and the marks sit at 150 and 120. */
const GAUGE_MAX = 300;
const pctOfGauge = (level: number) => Math.min(100, Math.max(0, (level / GAUGE_MAX) * 100));

export function marginTone(level: string | null): 'ok' | 'warning' | 'critical' {
  if (level === null) return 'ok';
  const value = Number(level);
  if (value <= 120) return 'critical';
  if (value <= 150) return 'warning';
  return 'ok';
}

export function RiskGauges({ accountId }: { accountId: string }) {
  const m = useView(
    useShallow((s) => {
      const metrics = selectAccount(accountId)(s)?.metrics;
      return {
        marginLevel: metrics?.marginLevel ?? null,
        usedMargin: metrics?.usedMargin ?? null,
        freeMargin: metrics?.freeMargin ?? null,
        grossExposure: metrics?.grossExposure ?? null,
        hhi: metrics?.hhi ?? null,
        largestPositionPct: metrics?.largestPositionPct ?? null,
      };
    }),
  );
  const tone = marginTone(m.marginLevel);
  const levelText = m.marginLevel === null ? 'no margin in use' : `${Number(m.marginLevel).toFixed(1)}%`;
  return (
    <div className="gauges">
      <div className={`gauge gauge-${tone}`} data-testid="margin-gauge">
        <div className="gauge-head">
          <span className="gauge-label">Margin level</span>
          <span className="num gauge-value" data-testid="margin-level">
            {levelText}
          </span>
        </div>
        <div
          className="gauge-track"
          role="meter"
          aria-label={`Margin level ${levelText}; warning at 150%, critical at 120%`}
          aria-valuemin={0}
          aria-valuemax={GAUGE_MAX}
          aria-valuenow={m.marginLevel === null ? GAUGE_MAX : Math.min(GAUGE_MAX, Number(m.marginLevel))}
        >
          <div
            className="gauge-fill"
            style={{ width: `${m.marginLevel === null ? 100 : pctOfGauge(Number(m.marginLevel))}%` }}
          />
          <span className="gauge-mark" style={{ left: `${pctOfGauge(150)}%` }} title="150%" />
          <span
            className="gauge-mark gauge-mark-critical"
            style={{ left: `${pctOfGauge(120)}%` }}
            title="120%"
          />
        </div>
        <div className="gauge-foot">
          <span>
            used <Money value={m.usedMargin} testId="metric-usedMargin" />
          </span>
          <span>
            free <Money value={m.freeMargin} testId="metric-freeMargin" />
          </span>
        </div>
      </div>
      <dl className="exposure">
        <div>
          <dt>Gross exposure</dt>
          <dd>
            <Money value={m.grossExposure} testId="metric-grossExposure" />
          </dd>
        </div>
        <div>
          <dt>Largest position</dt>
          <dd className="num" data-testid="metric-largestPositionPct">
            {m.largestPositionPct === null ? '—' : `${Number(m.largestPositionPct).toFixed(1)}%`}
          </dd>
        </div>
        <div>
          <dt>Concentration (HHI)</dt>
          <dd className="num" data-testid="metric-hhi">
            {m.hhi === null ? '—' : Number(m.hhi).toFixed(2)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
