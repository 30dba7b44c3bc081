// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createRecomputeHandler } from './create-recompute-handler.js';

export const handler = createRecomputeHandler(createContext(readConfig()));
