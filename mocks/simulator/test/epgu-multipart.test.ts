import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EpguRejection } from '../src/portals/epgu/errors.js';
import { boundaryOf, isZip, parseMultipart } from '../src/portals/epgu/multipart.js';
import { multipart } from './epgu-support.js';

const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/);
// Contents are biased towards the bytes that matter to a boundary scanner: CR, LF and '-'.
const content = fc
  .uint8Array({ maxLength: 300 })
  .map((bytes) => bytes.map((byte) => [0x0d, 0x0a, 0x2d, byte][byte % 4] as number));

describe('EPGU multipart parser', () => {
  it('round-trips any parts FormData-style bodies carry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, value: content, filename: fc.option(name, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.stringMatching(/^[A-Za-z0-9'()+_,.=?-]{1,60}$/),
        (parts, boundary) => {
          // A boundary that occurs in the content would be an invalid body; clients never do that.
          fc.pre(parts.every((part) => !Buffer.from(part.value).includes(Buffer.from(`--${boundary}`))));
          const { body, contentType } = multipart(
            parts.map((part) => ({
              name: part.name,
              value: part.value,
              ...(part.filename === undefined ? {} : { filename: part.filename }),
            })),
            boundary,
          );
          const parsed = parseMultipart(body, contentType);
          expect(parsed.map((part) => part.name)).toEqual(parts.map((part) => part.name));
          expect(parsed.map((part) => part.filename)).toEqual(parts.map((part) => part.filename));
          parsed.forEach((part, index) => {
            expect(Buffer.from(part.data).equals(Buffer.from(parts[index]?.value ?? []))).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws anything but a 400 rejection on garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('x', 'abc', '--'), (bytes, boundary) => {
        try {
          parseMultipart(bytes, `multipart/form-data; boundary=${boundary}`);
        } catch (error) {
          expect(error).toBeInstanceOf(EpguRejection);
          expect((error as EpguRejection).status).toBe(400);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads quoted boundaries, tolerates white space after a boundary, checks the zip signature', () => {
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    const body = new TextEncoder().encode(
      '--q \t\r\nContent-Disposition: form-data; name="x"\r\n\r\nhi\r\n--q--',
    );
    const [part] = parseMultipart(body, 'multipart/form-data; boundary=q');
    expect(new TextDecoder().decode(part?.data)).toBe('hi');
    expect(isZip(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0))).toBe(true);
    expect(isZip(Uint8Array.of(0x50, 0x4b, 0x05, 0x06))).toBe(false);
    expect(isZip(Uint8Array.of(0x50))).toBe(false);
  });
});
