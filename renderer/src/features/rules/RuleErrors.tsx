// The draft's errors that no field shows beside itself (a rule as a whole, another account, the session).
export function RuleErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="rule-errors" data-testid="rule-errors" role="alert">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}
