/** Reads headers from a fetch `Headers`, a plain record or node's IncomingHttpHeaders alike. */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export type HeaderReader = (name: string) => string | undefined;

export function headerReader(source: HeaderSource): HeaderReader {
  if (typeof (source as Headers).get === 'function') {
    const headers = source as Headers;
    return (name) => headers.get(name) ?? undefined;
  }
  const lowered = new Map<string, string>();
  for (const [name, value] of Object.entries(
    source as Record<string, string | readonly string[] | undefined>,
  )) {
    if (value === undefined) {
      continue;
    }
    // A repeated header arrives as a list; joined like fetch joins it, it can never pass a strict parse.
    lowered.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
  }
  return (name) => lowered.get(name.toLowerCase());
}
