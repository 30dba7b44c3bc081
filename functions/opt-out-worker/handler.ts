// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createOptOutWorkerHandler } from './create-opt-out-worker-handler.js';

export const handler = createOptOutWorkerHandler(createContext(readConfig()));
