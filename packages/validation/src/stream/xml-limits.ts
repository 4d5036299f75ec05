/**
 * Bounds every streamed XML read enforces, so a hostile or broken file costs bounded memory and time:
 * nesting depth, one text node, one tag (name + attributes), one name, attributes per element.
 * Passing an object merges over the defaults.
 */
export interface XmlLimits {
  /** Deepest element nesting accepted. Default 64 (the export contract needs 7). */
  maxDepth: number;
  /** Longest text node, comment or CDATA section, in characters. Default 65 536. */
  maxTextLength: number;
  /** Longest start tag including its attributes, in characters. Default 65 536. */
  maxTagLength: number;
  /** Longest element or attribute name. Default 256. */
  maxNameLength: number;
  /** Most attributes on one element. Default 32. */
  maxAttributes: number;
  /** Longest attribute value, in characters. Default 8 192. */
  maxAttributeLength: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 64,
  maxTextLength: 65_536,
  maxTagLength: 65_536,
  maxNameLength: 256,
  maxAttributes: 32,
  maxAttributeLength: 8_192,
});

/** The defaults with the caller's overrides; every bound must be a positive integer. */
export function resolveXmlLimits(overrides: Partial<XmlLimits> | undefined): XmlLimits {
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`XML limit ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  return limits;
}
