// The config written to `<data dir>/config.yaml` on first start: the simulator's 50K account under a typical
// prop-firm preset, with the other rules shown as comments to copy from.

export const defaultConfigYaml = `# Warden rules and settings (docs/RULES.md sections 6 and 8).
# Numbers may be written as numbers or as decimal strings ("1000.50"). Unknown keys are errors.
# Check this file with: warden check-config <this file>

session:
  timezone: America/Chicago # IANA name; the trading day is labelled by the date it ends
  dayStart: "17:00" # local wall time at which a trading day starts
  weekStartDay: sunday

markPrice: last # last | mid | conservative (bid for longs, ask for shorts)

quoteSanity:
  maxJumpPct: 5 # a quote moving the mark more than this is held until a second quote confirms it
  confirmQuotes: 2 # price-driven breaches latch after this many breaching quotes in a row

alerts:
  hysteresisPct: 5 # a level steps down only this far (% of the limit) below its threshold

# Named sets of rules that accounts can share.
presets:
  prop50k:
    rules:
      dailyLoss: { amount: 1000, basis: net } # flatten and halt for the day at -1000 (net of fees, open P&L included)
      trailingDrawdown: { amount: 2000, mode: endOfDay, lockThresholdAt: 50000 } # stops trailing at 50000
      maxContracts: { total: 5 } # micros count by their weight

# Rules every account gets; a preset and then the account itself override them key by key.
defaults:
  rules: {}
  # Examples (every rule also accepts enabled, warnAt, criticalAt, action, lock, lockState):
  #   stopRequired: { graceSeconds: 10, mode: close } # close a position left without a full stop
  #   staleData: { maxQuoteAgeSeconds: 10 } # critical alert when an open position's quotes go stale
  #   marginLevel: { warning: 150, critical: 120, liquidate: 100 }
  #   tradeFrequency: { perHour: 10, cooldownMinutes: 15 }
  #   tradingHours: { windows: [{ days: [monday, tuesday, wednesday, thursday, friday], start: "08:30", end: "15:00" }], flattenAt: "15:05" }
  #   newsBlackout: # a news calendar selection (the feed of WARDEN_NEWS_URL), manual events, or both
  #     calendar: { impacts: [High], currencies: [USD], minutesBefore: 2, minutesAfter: 2, flatten: true } # flatten 2 min before each High USD release, halted until 2 min after
  #     events: [{ at: "2026-06-05T08:30:00-05:00", minutesBefore: 2, minutesAfter: 2, flatten: true, name: NFP }]
  #   symbolBlock: { symbols: [CL] }

accounts:
  SIM-50K: # the simulator's account
    preset: prop50k
    startingBalance: 50000
    rules:
      # Three losing trades in a row: halted 30 minutes, doubled on each repeat the same day (at most 4x).
      consecutiveLosses: { max: 3, cooldownMinutes: 30, escalate: true }
`;
