// Beside the equity chart: which trading day to look at (today live, or an earlier day from the store), and a
// way back to today.
import { useId } from 'react';

export const TODAY = 'today';

type EquityDayPickerProps = {
  /** TODAY or a trading day's label (YYYY-MM-DD, the date it ends). */
  day: string;
  /** Today's label, once the core has said it. */
  todayLabel: string | null;
  onChange: (day: string) => void;
};

export function EquityDayPicker({ day, todayLabel, onChange }: EquityDayPickerProps) {
  const id = useId();
  const value = day === TODAY ? (todayLabel ?? '') : day;
  return (
    <span className="chart-day">
      <label htmlFor={id} className="sr-only">
        Trading day of the equity chart
      </label>
      <input
        id={id}
        type="date"
        data-testid="equity-day"
        value={value}
        max={todayLabel ?? undefined}
        onChange={(event) => {
          const picked = event.target.value;
          onChange(picked === '' || picked === todayLabel ? TODAY : picked);
        }}
      />
      {day !== TODAY ? (
        <button
          type="button"
          className="btn btn-small btn-quiet"
          data-testid="equity-today"
          onClick={() => {
            onChange(TODAY);
          }}
        >
          Today
        </button>
      ) : null}
    </span>
  );
}
