import type { components } from './generated/schema.gen.js';

/** Every schema of the curated spec by name, e.g. `Schemas['EmployeeFullDto']`. */
export type Schemas = components['schemas'];
