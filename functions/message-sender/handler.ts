// Lambda entry: one context per container, built from the environment.
import { readConfig } from '../composition/config.js';
import { createContext } from '../composition/context.js';
import { createMessageSenderHandler } from './create-message-sender-handler.js';

export const handler = createMessageSenderHandler(createContext(readConfig()));
