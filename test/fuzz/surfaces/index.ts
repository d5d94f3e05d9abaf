// Every fuzzed surface, in the order they run.
import type { Surface } from '../harness/types';
import { configSurface } from './config';
import { newsSurface } from './news';
import { projectXHubSurface } from './projectx-hub';
import { replaySurface } from './replay';

export function allSurfaces(): Surface[] {
  return [configSurface, replaySurface, newsSurface, projectXHubSurface];
}
