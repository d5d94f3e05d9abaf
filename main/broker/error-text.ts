// What went wrong, as text for a log line or a trader's message, whatever was thrown.
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
