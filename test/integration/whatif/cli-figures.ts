// What the command line says about the generated month, to hold the what-if to: `warden export-events` prints the
// account's rows, `warden replay --enforce` on them gives the decisions (bucketed into trading days), and each
// day's net P&L with and without enforcement is the summary of a replay of the rows up to that day's end.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { WhatIfDay, WhatIfFiring } from '../../../shared/ipc/what-if';
import { main } from '../../../main/cli';
import { tradingDayOf, type SessionConfig } from '../../../main/engine';

/** Runs `warden ARGS` in this process and returns what it printed (failing the test on a non-zero exit). */
export async function warden(args: string[]): Promise<string> {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    expect(await main(args)).toBe(0);
  } finally {
    write.mockRestore();
  }
  return printed.join('');
}

type Line = Record<string, unknown> & { t?: string; type: string; account?: string };
const linesOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Line);

export type CliFigures = { days: WhatIfDay[]; exported: string };

/** The per-day figures for `account` from the CLI, for the days labelled `firstDay` or later that it traded. */
export async function cliFigures(o: {
  dir: string;
  configFile: string;
  account: string;
  session: SessionConfig;
  exportArgs: string[];
  firstDay: string;
}): Promise<CliFigures> {
  const exported = await warden(['export-events', ...o.exportArgs]);
  const rows = exported.split('\n').filter((line) => line.trim() !== '');
  const events = join(o.dir, 'exported.jsonl');
  writeFileSync(events, `${rows.join('\n')}\n`);
  const dayOf = (t: string) => tradingDayOf(Date.parse(t), o.session);
  const decisions = linesOf(await warden(['replay', '--config', o.configFile, '--enforce', events])).filter(
    (line) => line.type === 'decision' && line.account === o.account,
  );
  const traded = [
    ...new Set(
      linesOf(exported)
        .filter((line) => line.account === o.account && line.t !== undefined)
        .map((line) => dayOf(line.t ?? '').label),
    ),
  ].filter((label) => label >= o.firstDay);
  const days: WhatIfDay[] = [];
  for (const label of traded) {
    const end = tradingDayOf(Date.parse(`${label}T00:00:00Z`), o.session).end;
    const prefix = join(o.dir, `to-${label}.jsonl`);
    writeFileSync(prefix, `${rows.filter((row) => Date.parse(linesOf(row)[0]?.t ?? '') < end).join('\n')}\n`);
    const mine = decisions.filter((d) => dayOf(d.t ?? '').label === label);
    const firings = new Map<string, WhatIfFiring>();
    for (const d of mine) {
      const rule = String(d.rule);
      if (!firings.has(rule))
        firings.set(rule, { rule, level: d.level as WhatIfFiring['level'], at: String(d.t) });
    }
    days.push({
      day: label,
      actualNetPnl: await dailyNetPnl(o.configFile, prefix, o.account, []),
      whatIfNetPnl: await dailyNetPnl(o.configFile, prefix, o.account, ['--enforce']),
      breaches: mine.filter((d) => d.level === 'breach').length,
      flattens: mine.filter((d) => d.action === 'flatten' || d.action === 'closePosition').length,
      stoppedAt: mine.find((d) => d.lock !== undefined)?.t ?? null,
      firstFired: [...firings.values()],
    });
  }
  return { days, exported };
}

async function dailyNetPnl(
  config: string,
  events: string,
  account: string,
  flags: string[],
): Promise<string> {
  const summary = linesOf(await warden(['replay', '--config', config, ...flags, events])).find(
    (line) => line.type === 'summary' && line.account === account,
  );
  return String((summary?.metrics as { dailyNetPnl?: string } | undefined)?.dailyNetPnl);
}
