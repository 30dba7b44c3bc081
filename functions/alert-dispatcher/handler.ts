// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createAlertDispatcherHandler } from './create-alert-dispatcher-handler.js';

export const handler = createAlertDispatcherHandler(createContext(readConfig()));
