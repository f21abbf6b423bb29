// What a job kind is declared with: the zod schema of its payload, and the typed union derived from it. Imports no handler and no port, so core/ports.ts may use the derived types.
import { z } from 'zod';

/** Each kind of a feature, with the schema of its payload. */
export type JobPayloads = Record<string, z.ZodType>;

/** The jobs of a feature as a typed union: one member per kind, with that kind's payload. */
export type JobUnion<S extends JobPayloads> = { [K in keyof S & string]: { kind: K; payload: z.output<S[K]> } }[keyof S & string];

/**
 * A row id in a payload. Payloads hold numbers; a numeric string, which reading the payload has always
 * accepted, is taken as its number so that rows stored earlier still run.
 */
export const storedId = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).pipe(z.number().int().positive());
