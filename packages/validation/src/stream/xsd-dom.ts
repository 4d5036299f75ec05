/**
 * An XSD document read into a small tree (element names without their prefix, attributes, children,
 * line numbers) with the streaming scanner. Schemas are small; this is the only place a whole XML
 * document is held in memory. Only elements in the XML Schema namespace are kept.
 */
import { FormatError } from './format-error.js';
import { resolveXmlLimits } from './xml-limits.js';
import { XmlScanner } from './xml-scanner.js';

export const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';

export interface XsdNode {
  /** Local name: 'element', 'complexType'… */
  name: string;
  attributes: Map<string, string>;
  children: XsdNode[];
  line: number;
}

/** Parses the schema text; the root must be `<xs:schema>` in the XML Schema namespace. */
export function parseXsd(text: string): { root: XsdNode; namespaces: Map<string, string> } {
  const stack: XsdNode[] = [];
  let root: XsdNode | undefined;
  const namespaces = new Map<string, string>();
  let xsdPrefix: string | undefined;
  const scanner: XmlScanner = new XmlScanner(
    {
      open(name, attributes, count) {
        const own = new Map<string, string>();
        for (let i = 0; i < count; i++) {
          own.set(attributes[i * 2] as string, attributes[i * 2 + 1] as string);
        }
        if (root === undefined) {
          for (const [key, value] of own) {
            if (key === 'xmlns') {
              namespaces.set('', value);
            } else if (key.startsWith('xmlns:')) {
              namespaces.set(key.slice(6), value);
            }
          }
          const colon = name.indexOf(':');
          xsdPrefix = colon === -1 ? '' : name.slice(0, colon);
          if (namespaces.get(xsdPrefix) !== XSD_NAMESPACE || name.slice(colon + 1) !== 'schema') {
            throw new FormatError('XSD_INVALID', `the root must be <schema> in ${XSD_NAMESPACE}`, {
              line: scanner.line(),
            });
          }
        }
        const colon = name.indexOf(':');
        const prefix = colon === -1 ? '' : name.slice(0, colon);
        const node: XsdNode = {
          name: prefix === xsdPrefix ? name.slice(colon + 1) : `{foreign}${name}`,
          attributes: own,
          children: [],
          line: scanner.line(),
        };
        stack.at(-1)?.children.push(node);
        root ??= node;
        stack.push(node);
      },
      text() {
        // Documentation text is not needed.
      },
      close() {
        stack.pop();
      },
    },
    resolveXmlLimits({ maxDepth: 32 }),
  );
  scanner.write(text);
  scanner.end();
  return { root: root as XsdNode, namespaces };
}
