// Every fuzzed surface, in the order they run.
import type { Surface } from '../harness/types';
import { configSurface } from './config';
import { httpSurface } from './http';
import { ipcSurface } from './ipc';
import { newsSurface } from './news';
import { projectXHubSurface } from './projectx-hub';
import { projectXRestSurface } from './projectx-rest';
import { replaySurface } from './replay';
import { tradovateSurface } from './tradovate';
import { websocketSurface } from './websocket';

export function allSurfaces(): Surface[] {
  return [
    httpSurface,
    websocketSurface,
    ipcSurface,
    configSurface,
    replaySurface,
    newsSurface,
    projectXHubSurface,
    projectXRestSurface,
    tradovateSurface,
  ];
}
