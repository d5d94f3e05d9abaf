// The demo robot's switch: on or off as the trader sets it, and trading only while the market runs.
import type { Logger } from '../../platform/logger';
import type { DemoTrader } from './demo-trader';

export type DemoSwitch = {
  readonly on: boolean;
  set(enabled: boolean): void;
  /** The market started: the robot trades if it is switched on. */
  resume(): void;
  /** The market stopped: the robot stops, its switch stays as it was. */
  pause(): void;
};

export function createDemoSwitch(deps: {
  trader: DemoTrader;
  logger: Logger;
  on: boolean;
  marketRunning(): boolean;
}): DemoSwitch {
  const { trader, logger } = deps;
  let on = deps.on;
  return {
    get on() {
      return on;
    },
    set(enabled) {
      on = enabled;
      logger.info(enabled ? 'demo trading on' : 'demo trading off');
      if (enabled && deps.marketRunning()) trader.start();
      else trader.stop();
    },
    resume() {
      if (on) trader.start();
    },
    pause() {
      trader.stop();
    },
  };
}
