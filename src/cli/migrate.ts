import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/database.js';
import { createLogger } from '../logger.js';

/** `npm run migrate`: applies pending migrations (the gateway also does this when it starts). */
const config = loadConfig();
const database = await openDatabase(config, createLogger(config.LOG_LEVEL));
await database.close();
