// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createApiHandler } from './create-api-handler.js';

export const handler = createApiHandler(createContext(readConfig()));
