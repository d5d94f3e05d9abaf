// The quiet line a table shows when it has nothing in it.
type EmptyStateProps = { text: string; testId?: string };

export function EmptyState({ text, testId }: EmptyStateProps) {
  return (
    <p className="empty" data-testid={testId}>
      {text}
    </p>
  );
}
