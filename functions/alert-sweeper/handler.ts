// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createAlertSweeperHandler } from './create-alert-sweeper-handler.js';

export const handler = createAlertSweeperHandler(createContext(readConfig()));
