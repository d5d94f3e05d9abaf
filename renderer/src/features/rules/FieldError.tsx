// A field's validation error beside it in the rule editor (nothing without one): `id` for the control's
// aria-describedby.
export function FieldError({ id, testId, message }: { id?: string; testId: string; message: string | null }) {
  if (message === null) return null;
  return (
    <span id={id} className="field-error" role="alert" data-testid={testId}>
      {message}
    </span>
  );
}
