// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createSnapshotPublisherHandler } from './create-snapshot-publisher-handler.js';

export const handler = createSnapshotPublisherHandler(createContext(readConfig()));
