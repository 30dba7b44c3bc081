// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createAlertDigestHandler } from './create-alert-digest-handler.js';

export const handler = createAlertDigestHandler(createContext(readConfig()));
