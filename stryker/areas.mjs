/**
 * The critical areas under mutation testing (docs/decisions/035-mutation-testing.md): what each one
 * mutates, which tests may kill its mutants, the score it must keep, and the mutants it excludes.
 *
 * Adding a portal's auth and limit checks as an area: add an entry here (mutate = the files that
 * refuse requests, tests = the vitest root and the test files that exercise them), then
 * `stryker/<name>.config.mjs` (one line, like the others) and `stryker/tsconfig.<name>.json`,
 * run `pnpm mutation <name> --full` and commit `stryker/incremental/<name>.json`. CONTRIBUTING.md
 * ("Mutation testing") walks through it.
 *
 * `threshold` is the mutation score on covered code (killed / (killed + survived)), in per cent;
 * `pnpm mutation` and CI fail below it, and also when a mutant has no covering test at all.
 *
 * `exclusions` are node-level: a node of `file` whose source text is exactly `code` is not mutated,
 * nor anything inside it, and the report shows `reason`. Use them only for code that no test can
 * tell apart from its mutant (equivalent mutants) or that only words a message. Mutator-precise
 * exclusions in files an area owns are `// Stryker disable next-line <Mutator>: <reason>`
 * comments beside the code. Every `code` must still occur in its file (`pnpm mutation` checks).
 */

/** Node-level exclusions every area shares (see `stryker/exclusions-plugin.mjs`). */
export const SHARED_EXCLUSION_RULES = Object.freeze({
  errorMessages:
    'message-only: a text argument of `new …Error(code, text)`; tests assert the code and the named field, the wording may change freely',
});

export const AREAS = Object.freeze({
  validation: {
    title: 'Identifiers and checksums (@goskit/validation)',
    mutate: ['packages/validation/src/checksum/*.ts', 'packages/validation/src/identifiers/*.ts'],
    // Every test file but the stream ones (test/stream-*.test.ts check @goskit/validation/stream, which
    // this area does not mutate; listing them made each new stream test mark the report out of date).
    tests: {
      root: 'packages/validation',
      include: [
        'test/batch.test.ts',
        'test/contact.test.ts',
        'test/errors.test.ts',
        'test/generators.property.test.ts',
        'test/identifier-rules.test.ts',
        'test/identifiers.test.ts',
        'test/known-examples.test.ts',
        'test/mutations.property.test.ts',
        'test/school.test.ts',
        'test/uin.test.ts',
        'test/zod-schemas.test.ts',
      ],
    },
    threshold: 95,
    exclusions: [],
  },
  core: {
    title: 'Retry decisions, rate limiter, deadlines, token provider (@goskit/core)',
    mutate: [
      'packages/core/src/retry/*.ts',
      'packages/core/src/transport/decide-retry.ts',
      'packages/core/src/limiter/*.ts',
      'packages/core/src/transport/call-signal.ts',
      'packages/core/src/transport/engine/deadline-slots.ts',
      'packages/core/src/util/sleep.ts',
      'packages/core/src/auth/token-provider.ts',
    ],
    tests: { root: 'packages/core', include: ['test/**/*.test.ts'] },
    threshold: 95,
    exclusions: [
      {
        file: 'packages/core/src/transport/call-signal.ts',
        code: '{ once: true }',
        reason:
          'equivalent: an abort event fires once, and dispose() removes the listener whether or not it fired',
      },
      {
        file: 'packages/core/src/transport/engine/deadline-slots.ts',
        code: '{ once: true }',
        reason: 'equivalent: an abort event fires once; the listener only rejects an already settled promise',
      },
      {
        file: 'packages/core/src/transport/engine/deadline-slots.ts',
        code: 'if (this.#current.get(timeout) === slot) {\n          this.#current.delete(timeout);\n        }',
        reason:
          'equivalent: forgets a fired slot for memory only; a later attempt computes a later fireAt and opens a new slot either way',
      },
    ],
  },
  crypto: {
    title: 'ESIA client_secret and timestamps, legacy PKCS#7 secrets, JWT claims (@goskit/crypto)',
    // The files that accept or refuse a client_secret, a timestamp or a token's claims. verifyJwt,
    // JWS/JWE and the key resolvers are the `jose` area; the signed string and verifyClientSecret the
    // `esia-secret` area (docs/decisions/088): each is killed by one fast rule-test file, where this
    // area's tests sign with OpenSSL and would make a run with them take over an hour (decision 036).
    mutate: [
      'packages/crypto/src/esia/client-secret.ts',
      'packages/crypto/src/esia/pkcs7-client-secret.ts',
      'packages/crypto/src/esia/timestamp.ts',
      'packages/crypto/src/jose/validate-claims.ts',
    ],
    tests: {
      root: 'packages/crypto',
      include: [
        'test/esia-*.test.ts',
        'test/jose-verify-jwt.test.ts',
        'test/jose-claims-rules.test.ts',
        'test/cms-signed-data.test.ts',
      ],
    },
    threshold: 95,
    exclusions: [],
  },
  jose: {
    title: 'JOSE verification: token parts, JWS verification, key resolution, JWE fields (@goskit/crypto)',
    // The files that accept or refuse a token, a signature, a key or a JWE field. jose-errors.ts (the
    // map from jose's error codes) and json-request.ts (signing only) are exercised, not mutated.
    mutate: [
      'packages/crypto/src/jose/token-parts.ts',
      'packages/crypto/src/jose/verify-jwt.ts',
      'packages/crypto/src/jose/jws.ts',
      'packages/crypto/src/jose/key-resolvers.ts',
      'packages/crypto/src/jose/certificate-keys.ts',
      'packages/crypto/src/jose/gost-byte-order.ts',
      'packages/crypto/src/jose/gost-jwt.ts',
      'packages/crypto/src/jose/jwe-fields.ts',
    ],
    tests: { root: 'packages/crypto', include: ['test/jose-verify-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  'esia-secret': {
    title: "ESIA's signed string per flow and client_secret verification (@goskit/crypto)",
    mutate: ['packages/crypto/src/esia/signed-string.ts', 'packages/crypto/src/esia/verify-client-secret.ts'],
    tests: { root: 'packages/crypto', include: ['test/client-secret-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  esia: {
    title:
      "Simulator: ESIA timestamp, certificate, client_secret and client-registration checks; EPGU's caller checks",
    // The functions that refuse. The v2/ac and v3/te routes that apply them are the `esia-routes`
    // area (decision 089); the v1 routes, login and consent are exercised by other test files but
    // not mutated.
    mutate: [
      'mocks/simulator/src/portals/esia/checks.ts',
      'mocks/simulator/src/portals/esia/clients.ts',
      'mocks/simulator/src/portals/epgu/auth.ts',
    ],
    tests: {
      root: 'mocks/simulator',
      include: [
        'test/esia-check-rules.test.ts',
        'test/epgu-auth-rules.test.ts',
        'test/esia-refusal-rules.test.ts',
      ],
    },
    threshold: 95,
    exclusions: [],
  },
  'esia-routes': {
    title: 'Simulator: ESIA v2/ac and token endpoint parameter checks',
    // The routes around the `esia` area's checks: which answers are pages and which redirect, the
    // mandatory parameters, response_type and access_type, what the pending request stores
    // (scope_org, PKCE, consents), the token endpoint's grants, code reuse, refresh and
    // client_credentials. Killed by one in-process rule file; the flow and browser tests that also
    // pass through the routes are not in the area (decision 089; a run with them took over an hour,
    // decision 036).
    mutate: ['mocks/simulator/src/portals/esia/authorize.ts', 'mocks/simulator/src/portals/esia/token.ts'],
    tests: {
      root: 'mocks/simulator',
      include: ['test/esia-route-rules.test.ts'],
    },
    threshold: 95,
    exclusions: [],
  },
  vk: {
    title:
      'Simulator: the VK API token matrix (who a token is, which kinds may call a method) and per-token limits',
    mutate: ['mocks/simulator/src/portals/vk/tokens.ts', 'mocks/simulator/src/portals/vk/limits.ts'],
    tests: {
      root: 'mocks/simulator',
      include: ['test/vk-token-rules.test.ts', 'test/vk-methods.test.ts'],
    },
    threshold: 95,
    exclusions: [],
  },
  max: {
    title:
      'Simulator: the MAX bot token, who may act in a chat (membership, admin permissions), ids, query parameters and JSON bodies',
    mutate: [
      'mocks/simulator/src/portals/max/route.ts',
      'mocks/simulator/src/portals/max/access.ts',
      'mocks/simulator/src/portals/max/ids.ts',
    ],
    tests: {
      root: 'mocks/simulator',
      include: ['test/max-access-rules.test.ts', 'test/max-portal.test.ts'],
    },
    threshold: 95,
    exclusions: [],
  },
  paragraf: {
    title: 'Simulator: Параграф exchange accounts (SOAP header credentials, HTTP Basic) and the export query',
    mutate: [
      'mocks/simulator/src/portals/paragraf/credentials.ts',
      'mocks/simulator/src/portals/paragraf/export-query.ts',
    ],
    tests: {
      root: 'mocks/simulator',
      include: [
        'test/paragraf-credential-rules.test.ts',
        'test/paragraf-portal.test.ts',
        'test/paragraf-export.test.ts',
      ],
    },
    threshold: 95,
    exclusions: [],
  },
  gospochta: {
    title:
      'Госпочта protected packets: the packet header, Content-Digest, what the MAC covers, the key ring and its usage limit (@goskit/gospochta)',
    // The rules a packet is refused by. packet-codec.ts (the order of the checks, the replay record) is
    // exercised by test/packets.test.ts but not mutated: with its JWS and property tests the run was
    // estimated at 1.5 hours on the two-core machine (decision 037).
    mutate: [
      'packages/gospochta/src/packets/packet-header.ts',
      'packages/gospochta/src/packets/content-digest.ts',
      'packages/gospochta/src/packets/protected-header.ts',
      'packages/gospochta/src/packets/packet-keys.ts',
    ],
    tests: { root: 'packages/gospochta', include: ['test/packet-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  'gospochta-codec': {
    title:
      'Госпочта packet codec: its options, what the builders send, the receiver checks in order, the replay record (@goskit/gospochta)',
    // The codec that applies the `gospochta` area's rules: the order of the checks, the time window, the
    // body bound, JWS policy and the replay record. Killed by direct rule tests (one GOST signer made once);
    // packets.test.ts (property tests, RSA from openssl) stays out of the area to keep a run short.
    mutate: ['packages/gospochta/src/packets/packet-codec.ts'],
    tests: { root: 'packages/gospochta', include: ['test/packet-codec-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  vkid: {
    title:
      'Simulator: VK ID PKCE, trusted redirect URIs, the OAuth parameters of its POST endpoints and client registration',
    // The rules the authorize and token routes apply; the routes themselves are the `vkid-routes` area
    // (decision 090), so a change to a route leaves this report fresh.
    mutate: [
      'mocks/simulator/src/portals/vkid/pkce.ts',
      'mocks/simulator/src/portals/vkid/redirect-uri.ts',
      'mocks/simulator/src/portals/vkid/params.ts',
      'mocks/simulator/src/portals/vkid/clients.ts',
    ],
    tests: { root: 'mocks/simulator', include: ['test/vkid-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  'vkid-routes': {
    title:
      "Simulator: VK ID's authorize and token routes (safe redirects, OAuth errors, one-use codes, refresh rotation)",
    // The routes that apply the `vkid` area's rules, their handlers called in process (decision 090).
    mutate: ['mocks/simulator/src/portals/vkid/authorize.ts', 'mocks/simulator/src/portals/vkid/token.ts'],
    tests: { root: 'mocks/simulator', include: ['test/vkid-route-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
  'gospochta-access': {
    title:
      "Simulator: Госпочта's callers (bearer token, role, system, permissions), its token endpoint and scopes, request ids and client certificates",
    // The files that refuse a caller, called in process (decision 090): no listener, no TLS socket
    // (tls.ts's check of a verified client certificate is called directly). The operation's permission
    // check in operations/pipeline.ts (missingPermission of @goskit/gospochta) is exercised by
    // test/gospochta-access.test.ts over MSW, not mutated.
    mutate: [
      'mocks/simulator/src/portals/gospochta/access/caller.ts',
      'mocks/simulator/src/portals/gospochta/access/tokens.ts',
      'mocks/simulator/src/portals/gospochta/access/token-route.ts',
      'mocks/simulator/src/portals/gospochta/access/request-id.ts',
      'mocks/simulator/src/portals/gospochta/tls.ts',
    ],
    tests: { root: 'mocks/simulator', include: ['test/gospochta-access-rules.test.ts'] },
    threshold: 95,
    exclusions: [],
  },
});

export const AREA_NAMES = Object.freeze(Object.keys(AREAS));
