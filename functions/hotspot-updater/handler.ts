// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createHotspotUpdaterHandler } from './create-hotspot-updater-handler.js';

export const handler = createHotspotUpdaterHandler(createContext(readConfig()));
