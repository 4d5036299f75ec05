/**
 * Bounds of the execute interpreter: what keeps untrusted VKScript from taking the event loop or the
 * heap. Over a bound → 12 (compile) or 13 (runtime), never a hang or a crash.
 */
export const EXECUTE_LIMITS = {
  /** Characters of `code`. */
  maxCodeLength: 65_536,
  /** API calls per execute (VK's limit). */
  maxApiCalls: 25,
  /** Depth of the syntax tree (nested expressions, blocks): evaluation recurses this deep at most. */
  maxDepth: 100,
  /** Work units: every evaluated node, plus every element or character an operation copies. */
  maxSteps: 1_000_000,
  /** Characters of one string value. */
  maxStringLength: 100_000,
  /** Elements of one array value. */
  maxArrayLength: 100_000,
  /** Nesting of the returned value and of API parameters. */
  maxValueDepth: 32,
} as const;
