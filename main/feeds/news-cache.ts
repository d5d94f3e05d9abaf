// The news calendar's last good copy in the data folder (`news-calendar.json`): the feed's text as fetched, with
// where and when it was fetched, so a start without the network still knows the week's releases.
import { readFile, rename, writeFile } from 'node:fs/promises';

export type CachedCopy = { source: string; fetchedAt: number; body: string };

/** The copy kept, or null when there is none or it cannot be read (`problem` says why, for the log). */
export async function readNewsCache(file: string): Promise<{ copy: CachedCopy | null; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return missing ? { copy: null } : { copy: null, problem: (error as Error).message };
  }
  try {
    const stored = JSON.parse(text) as Record<string, unknown>;
    const fetchedAt = typeof stored['fetchedAt'] === 'string' ? Date.parse(stored['fetchedAt']) : Number.NaN;
    const { source, body } = stored;
    if (typeof source !== 'string' || typeof body !== 'string' || Number.isNaN(fetchedAt))
      return { copy: null, problem: 'not a news calendar copy' };
    return { copy: { source, fetchedAt, body } };
  } catch (error) {
    return { copy: null, problem: `not JSON (${(error as Error).message})` };
  }
}

/** Written whole, then renamed over the old copy: a crash leaves one or the other. */
export async function writeNewsCache(file: string, copy: CachedCopy): Promise<void> {
  const temp = `${file}.tmp`;
  const text = JSON.stringify({
    source: copy.source,
    fetchedAt: new Date(copy.fetchedAt).toISOString(),
    body: copy.body,
  });
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
