import { z } from 'zod';

/** Bodies the control API accepts. Every 400 names the first offending field. */
export const seedBody = z
  .object({ seed: z.union([z.string().min(1).max(200), z.number().finite()]) })
  .strict();

export const resetBody = z
  .object({ seed: z.union([z.string().min(1).max(200), z.number().finite()]).optional() })
  .strict();

export const enableBody = z.object({ portals: z.array(z.string().min(1)).optional() }).strict();

export const advanceBody = z
  .object({ duration: z.union([z.string().min(1).max(100), z.number().finite().nonnegative()]) })
  .strict();

export const setClockBody = z
  .object({ time: z.union([z.string().min(1).max(100), z.number().finite()]) })
  .strict();

const statusCode = z.number().int().min(100).max(599);

export const journalPatternBody = z
  .object({
    portal: z.string().optional(),
    operation: z.string().optional(),
    method: z.string().optional(),
    path: z.string().optional(),
    /** Regular-expression source matched against the path inside the portal. */
    pathRegex: z.string().optional(),
    status: statusCode.optional(),
    since: z.union([z.string(), z.number()]).optional(),
  })
  .strict();

export const verifyBody = z
  .object({
    times: z.union([
      z.number().int().nonnegative(),
      z
        .object({
          atLeast: z.number().int().nonnegative().optional(),
          atMost: z.number().int().nonnegative().optional(),
        })
        .strict(),
    ]),
    pattern: journalPatternBody.default({}),
  })
  .strict();

const effect = z
  .object({
    status: statusCode.optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
    delayMs: z.number().finite().nonnegative().optional(),
    fault: z.enum(['network-error', 'connection-reset']).optional(),
    truncate: z.union([z.literal(true), z.number().int().nonnegative()]).optional(),
    contentType: z.string().optional(),
    emptyBody: z.literal(true).optional(),
    corruptBody: z.literal(true).optional(),
  })
  .strict();

export const ruleBody = z
  .object({
    id: z.string().min(1).max(100).optional(),
    portal: z.string().optional(),
    operation: z.string().optional(),
    method: z.string().optional(),
    path: z.string().optional(),
    probability: z.number().min(0).max(1).optional(),
    firstN: z.number().int().positive().optional(),
    effect,
  })
  .strict();

/** `PUT /scenarios/{name}`: a scenario of your own is a list of rules (the engine checks names and targets). */
export const scenarioBody = z
  .object({
    description: z.string().max(500).optional(),
    rules: z.array(ruleBody).min(1).max(100),
  })
  .strict();

export type RuleBody = z.infer<typeof ruleBody>;
export type JournalPatternBody = z.infer<typeof journalPatternBody>;

/** One line naming the field, e.g. "body.duration: Invalid input". */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) {
    return { field: 'body', message: 'invalid body' };
  }
  const field = ['body', ...issue.path.map(String)].join('.');
  return { field, message: `${field}: ${issue.message}` };
}
