import { redactText } from '@goskit/core';
import { BadRequestError, SimulatorError } from './errors.js';
import type { EngineParts } from './handle-request.js';
import { json } from './responses.js';
import type { SimResponse } from './types.js';

/** The answer for anything a route or the engine threw: 400 for bad input/scenarios, else 500 with the seed. */
export function errorResponse(engine: EngineParts, error: unknown): SimResponse {
  if (error instanceof BadRequestError) {
    return json(
      { error: 'bad_request', field: error.field, rule: error.rule, message: redactText(error.message) },
      400,
    );
  }
  if (error instanceof SimulatorError && error.code === 'UNKNOWN_SCENARIO') {
    const scenarios = engine.faults.scenarios().map((s) => s.name);
    return json({ error: 'unknown_scenario', message: error.message, scenarios }, 400);
  }
  const message = error instanceof Error ? error.message : String(error);
  return json(
    { error: 'internal', message: redactText(message).slice(0, 500), seed: engine.runtime.seed },
    500,
  );
}
