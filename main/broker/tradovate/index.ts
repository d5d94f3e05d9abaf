// The Tradovate adapter: the trader's own API key, a user and a market-data WebSocket, see docs/brokers/TRADOVATE.md.
export { createTradovateAdapter } from './adapter';
export type { TradovateCredentials } from './auth';
export { fallbackDetail } from './market-data';
export { DEFAULT_TIMING } from './options';
export type { TradovateOptions, TradovateTiming, TradovateUrls } from './options';
export { createTradovateBroker, NO_TRADOVATE_CREDENTIALS } from './broker';
export type { TradovateBroker, TradovateBrokerOptions } from './broker';
export { ENVIRONMENT_URLS, tradovateEnvironment } from './environment';
