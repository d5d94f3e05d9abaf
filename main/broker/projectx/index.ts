// The ProjectX Gateway adapter (TopstepX): REST + two SignalR hubs, see docs/brokers/PROJECTX.md.
export { createProjectXBroker } from './adapter';
export type { ProjectXBroker } from './adapter';
export { NO_CREDENTIALS } from './credentials';
export { DEFAULT_API_URL, DEFAULT_RTC_URL, DEFAULT_TIMING, projectXEnvironment } from './options';
export type { ProjectXOptions, ProjectXTiming } from './options';
export type { Credentials } from './session';
