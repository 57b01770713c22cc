/**
 * Checks a trace or simulation answer against the response schema its route declares. The schemas are strict
 * objects throughout, so an answer with a property the API document does not describe fails, at any depth.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import { Simulation, TriggerEvaluationTrace } from '../../api/routes/rules/rules.schemas';

function expectMatches(schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, JSON.stringify(body)).toEqual([]);
}

/** `GET /tickets/{id}/trace`'s answer matches its declared schema. */
export function expectTraceAnswer(body: unknown): void {
  expectMatches(z.array(TriggerEvaluationTrace), body);
}

/** `POST /rules/simulate`'s answer matches its declared schema. */
export function expectSimulationAnswer(body: unknown): void {
  expectMatches(Simulation, body);
}
