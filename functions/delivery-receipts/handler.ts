// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createDeliveryReceiptsHandler } from './create-delivery-receipts-handler.js';

export const handler = createDeliveryReceiptsHandler(createContext(readConfig()));
