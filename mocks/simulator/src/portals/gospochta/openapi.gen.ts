// Generated from packages/gospochta/openapi/gospochta.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const gospochtaOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Госпочта (ГЭПС) integration API — goskit's own contract",
    "version": "1.0.0",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    },
    "description": "**There is no public Госпочта API.** ГЭПС (Государственная электронная почтовая система) is a\nsubsystem of ЕПГУ; government senders reach it through ЕПГУ/СМЭВ and no third-party REST or SOAP\nschema is published. This document is goskit's own contract, derived from goskit issue 16 and the\npublic descriptions of ГЭПС (legally significant notices signed with УКЭП, delivered only when the\naddressee's consent flag is set in the Gosuslugi profile, delivery and reading reported back to\nthe sender; payments referencing a УИН of ГИС ГМП). `@goskit/gospochta` speaks it and the goskit\nsimulator implements it. The XML form for SOAP users is `gospochta.wsdl` + `gospochta.xsd`\nbeside this file: the same operations under the same names.\n\n## Access\n- `POST /oauth2/token` issues JWT access tokens: `client_credentials` for an organisation's\n  system, and RFC 8693 token exchange of an ESIA access token for a person (the person signs in\n  at ESIA; the authorization code is ESIA's and is redeemed by the system at ESIA).\n- Every `/v1` operation names the one permission it needs in `x-goskit-permission`; roles map to\n  permission sets in `x-goskit-roles` below. A token without the permission gets 403 with\n  `code: PERMISSION_DENIED`, `missingPermission` and\n  `WWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"<permission>\"`.\n- The HTTPS listener requires a client certificate (mutual TLS) issued by the portal's CA;\n  a connection with no certificate, or an unknown, expired or revoked one, is refused at the\n  TLS layer — closed during or right after the handshake, with no HTTP response.\n\n## Protected packets\nEvery `/v1` request and every 2xx `/v1` response is a protected packet:\n1. **PII fields encrypted.** Every JSON property whose name is one of `lastName`, `firstName`,\n   `middleName`, `snils`, `inn`, `passport`, `address`, `phone` — wherever it appears — carries\n   `{\"$enc\": \"v1.<iv>.<ciphertext+tag>\"}` instead of its string value: AES-256-GCM with the\n   packet key's encryption key, a random 96-bit IV per field, AAD = UTF-8 of\n   `gospochta:v1:<kid>:<JSON pointer of the property>` (RFC 6901, e.g. `/recipient/snils`).\n   A plain string under one of these names is refused (`PACKET_REJECTED`, check `pii`).\n   Personal data never travels in a URL: searches by СНИЛС or ИНН are POSTs.\n2. **Body digest.** `Content-Digest: sha-256=:<base64>:` (RFC 9530) over the exact body bytes\n   (the empty body's digest for requests without one).\n3. **MAC.** `X-Gospochta-Packet: v=1;kid=<kid>;ts=<unix ms>;nonce=<base64url, 16 bytes>;mac=<base64url>`\n   where `mac` = HMAC-SHA-256 (packet key's MAC key) over the canonical JSON (keys sorted, no\n   whitespace) of the protected header:\n   - request: `{\"v\":1,\"dir\":\"request\",\"kid\",\"ts\",\"nonce\",\"method\",\"target\",\"rid\",\"digest\",\"idem\"}`\n     — `target` is the path relative to the API base plus the query exactly as sent\n     (`/v1/inbox?limit=20`), `rid` the `X-Request-Id`, `digest` the `Content-Digest` value,\n     `idem` the `Idempotency-Key` or `null`;\n   - response: `{\"v\":1,\"dir\":\"response\",\"kid\",\"ts\",\"nonce\",\"status\",\"rid\",\"digest\"}` — the\n     response is bound to the request's `X-Request-Id` and signed with the request's key id;\n   - webhook: `{\"v\":1,\"dir\":\"webhook\",\"kid\",\"ts\",\"nonce\",\"method\":\"POST\",\"target\":<subscription id>,\"rid\":<delivery id>,\"digest\",\"idem\":<event id>}`\n     — from `X-Gospochta-Webhook-Id`, `X-Gospochta-Delivery-Id` and `Idempotency-Key`.\n   `ts` must be within ±300 s of the receiver's clock; a `(kid, nonce)` pair is accepted once.\n   Every attempt (a retry too) is a new packet — new `ts` and `nonce` — over the same body.\n4. **Optional JWS.** `X-Gospochta-Jws`: a detached compact JWS (RFC 7515 App. F,\n   `header..signature`) over the body bytes, `alg` `RS256` or `GOST3410_2012_256`, with\n   `x5t#S256` of the signing certificate.\n\nA receiver checks, in this order, and stops at the first failure without acting on the\nrequest: header syntax, version, key id, timestamp window, MAC, body digest, JWS (when present\nor required), JSON syntax and limits, PII decryption, and last the replay cache. Error bodies\n(`application/problem+json`) are not packets: they never carry personal data and a client\nacts on them only to report.\n\n## Idempotency\n`Idempotency-Key` (required on `sendLetter` and `createPayment`, optional on `requestDocument`)\nfollows draft-ietf-httpapi-idempotency-key-header: kept 24 h per client; the same key with the\nsame request (SHA-256 of the canonical JSON of the *decrypted* body, leaving out\n`attachments[*].content` and `attachments[*].signature` — their hashes stay in, and a GOST\nsignature differs every time it is made) replays the first answer\nwith `Idempotent-Replayed: true`; the same key with another request → 422\n`IDEMPOTENCY_KEY_REUSED`; the same key while the first is in progress → 409\n`IDEMPOTENCY_IN_PROGRESS` with `Retry-After`.\n",
    "x-goskit-roles": {
      "operator": [
        "letters:read",
        "letters:mark-read",
        "letters:send",
        "acts:read",
        "webhooks:manage",
        "documents:request",
        "documents:read"
      ],
      "client": [
        "letters:read",
        "letters:mark-read",
        "payments:read",
        "payments:pay",
        "documents:request",
        "documents:read"
      ],
      "admin": [
        "letters:read",
        "letters:mark-read",
        "letters:send",
        "acts:read",
        "webhooks:manage",
        "payments:read",
        "payments:pay",
        "documents:request",
        "documents:read",
        "audit:read",
        "roles:read"
      ]
    }
  },
  "servers": [
    {
      "url": "http://127.0.0.1:4010/gospochta",
      "description": "goskit simulator (standalone, plain HTTP)"
    },
    {
      "url": "https://{host}:{port}/gospochta",
      "description": "goskit simulator's mutual-TLS listener, or your own stand",
      "variables": {
        "host": {
          "default": "127.0.0.1"
        },
        "port": {
          "default": "4443"
        }
      }
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "tags": [
    {
      "name": "access"
    },
    {
      "name": "letters"
    },
    {
      "name": "outbox"
    },
    {
      "name": "webhooks"
    },
    {
      "name": "payments"
    },
    {
      "name": "documents"
    },
    {
      "name": "admin"
    }
  ],
  "x-goskit-protected-response-headers": {
    "X-Request-Id": {
      "$ref": "#/components/headers/XRequestId"
    },
    "X-Gospochta-Packet": {
      "$ref": "#/components/headers/Packet"
    },
    "Content-Digest": {
      "$ref": "#/components/headers/ContentDigest"
    }
  },
  "paths": {
    "/oauth2/token": {
      "post": {
        "operationId": "issueToken",
        "tags": [
          "access"
        ],
        "summary": "Issue an access token (client credentials or ESIA token exchange)",
        "description": "OAuth 2.0 token endpoint (RFC 6749 §4.4, RFC 8693). Not a protected packet. The system\nauthenticates with HTTP Basic (`client_id:client_secret`, both form-urlencoded first) or\nwith `client_id` + `client_secret` in the form. Never retried by clients blindly: it is safe\nto repeat, but a 400 means the request itself is wrong.\n",
        "security": [
          {
            "clientBasic": []
          },
          {}
        ],
        "x-goskit-permission": null,
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/TokenRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A token.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "const": "no-store"
                }
              },
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TokenResponse"
                }
              }
            }
          },
          "400": {
            "description": "OAuth error (invalid_request, invalid_grant, unsupported_grant_type, invalid_scope).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OAuthError"
                }
              }
            }
          },
          "401": {
            "description": "Client authentication failed (invalid_client).",
            "headers": {
              "WWW-Authenticate": {
                "schema": {
                  "type": "string",
                  "examples": [
                    "Basic realm=\"gospochta\""
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OAuthError"
                }
              }
            }
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/oauth2/jwks": {
      "get": {
        "operationId": "getJwks",
        "tags": [
          "access"
        ],
        "summary": "Public keys that verify access tokens (RS256, ES256)",
        "description": "JWKS (RFC 7517). Keys of `GOST3410_2012_256` tokens are published as certificates in\n`x5c` of a key with `kty: \"GOST\"`; clients may pin certificates instead. Not a packet.\n",
        "security": [
          {}
        ],
        "x-goskit-permission": null,
        "responses": {
          "200": {
            "description": "The key set.",
            "headers": {
              "Cache-Control": {
                "schema": {
                  "type": "string",
                  "examples": [
                    "max-age=600"
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Jwks"
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/session": {
      "get": {
        "operationId": "getSession",
        "tags": [
          "access"
        ],
        "summary": "Who the token belongs to, its role and permissions",
        "x-goskit-permission": null,
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          }
        ],
        "responses": {
          "200": {
            "description": "The session.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/roles": {
      "get": {
        "operationId": "getRoleMatrix",
        "tags": [
          "admin"
        ],
        "summary": "The role → permission matrix and the permission of every operation",
        "x-goskit-permission": "roles:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          }
        ],
        "responses": {
          "200": {
            "description": "The matrix, as `x-goskit-roles` and `x-goskit-permission` state it.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RoleMatrix"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/inbox": {
      "get": {
        "operationId": "listInbox",
        "tags": [
          "letters"
        ],
        "summary": "Incoming letters and notifications, newest first",
        "x-goskit-permission": "letters:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "status",
            "in": "query",
            "description": "`new`: not read yet; `read`: marked as read.",
            "schema": {
              "type": "string",
              "enum": [
                "new",
                "read"
              ]
            }
          },
          {
            "name": "documentType",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/DocumentType"
            }
          },
          {
            "name": "receivedFrom",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "name": "receivedTo",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LetterPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/inbox/{letterId}": {
      "get": {
        "operationId": "getLetter",
        "tags": [
          "letters"
        ],
        "summary": "One incoming letter with its attachments (scans, PDF originals)",
        "x-goskit-permission": "letters:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          }
        ],
        "responses": {
          "200": {
            "description": "The letter.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Letter"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/inbox/{letterId}/attachments/{attachmentId}": {
      "get": {
        "operationId": "downloadAttachment",
        "tags": [
          "letters"
        ],
        "summary": "The bytes of one attachment",
        "description": "The response body is the file itself; the packet header and `Content-Digest` cover its\nbytes. The attachment's `sha256` and `streebog256` in the letter must match them too.\n",
        "x-goskit-permission": "letters:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          },
          {
            "name": "attachmentId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The file.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/pdf": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/pdf"
                }
              },
              "image/jpeg": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "image/jpeg"
                }
              },
              "image/png": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "image/png"
                }
              },
              "image/tiff": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "image/tiff"
                }
              },
              "application/xml": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/xml"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/inbox/{letterId}/read": {
      "post": {
        "operationId": "markLetterRead",
        "tags": [
          "letters"
        ],
        "summary": "Mark a letter as read (the sender sees `read`)",
        "description": "Idempotent — marking a read letter again returns it unchanged with its first `readAt`.",
        "x-goskit-permission": "letters:mark-read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          }
        ],
        "responses": {
          "200": {
            "description": "The letter, now read.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Letter"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/outbox": {
      "get": {
        "operationId": "listOutbox",
        "tags": [
          "outbox"
        ],
        "summary": "Letters this system sent, newest first",
        "x-goskit-permission": "letters:send",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/LetterStatus"
            }
          },
          {
            "name": "documentType",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/DocumentType"
            }
          },
          {
            "name": "externalId",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/ExternalId"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OutgoingLetterPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      },
      "post": {
        "operationId": "sendLetter",
        "tags": [
          "outbox"
        ],
        "summary": "Send a legally significant letter",
        "description": "Accepted at once (202, status `accepted`); delivery goes on asynchronously:\n`accepted → sent → delivered → read`, or `refused` (the addressee has no consent flag in\nthe Gosuslugi profile, or is not found) or `failed`. Every attachment carries its SHA-256\nand GOST R 34.11-2012 (256) hashes and a detached CMS signature (GOST R 34.10-2012 or RSA)\nover its bytes; the portal checks all three and refuses the letter (422 `VALIDATION_FAILED`\nnaming the attachment) when one does not match. Limits: 20 attachments, 10 MiB each,\n20 MiB per letter (decoded).\n",
        "x-goskit-permission": "letters:send",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKeyRequired"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SendLetterRequest"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted (or, with `Idempotent-Replayed: true`, the first answer for this key).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              },
              "Location": {
                "schema": {
                  "type": "string",
                  "examples": [
                    "/v1/outbox/ltr_01HV7Z"
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OutgoingLetter"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/outbox/{letterId}": {
      "get": {
        "operationId": "getOutgoingLetter",
        "tags": [
          "outbox"
        ],
        "summary": "A sent letter with its status history (the polling alternative to webhooks)",
        "x-goskit-permission": "letters:send",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          }
        ],
        "responses": {
          "200": {
            "description": "The letter. While it is not final, `Retry-After` suggests the next poll.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OutgoingLetter"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/outbox/{letterId}/delivery-act": {
      "get": {
        "operationId": "getDeliveryAct",
        "tags": [
          "outbox"
        ],
        "summary": "The delivery act (signed JSON) once the letter reached a legal fact",
        "description": "Issued when the letter is `delivered`, `read`, `refused` or `failed`, re-issued when it\nmoves from `delivered` to `read`. `signature` is a detached JWS over the canonical JSON of\nthe *decrypted* act, signed by the portal (certificate in the JWS header's `x5t#S256`).\n",
        "x-goskit-permission": "acts:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          }
        ],
        "responses": {
          "200": {
            "description": "The act and its signature.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SignedDeliveryAct"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/outbox/{letterId}/delivery-act/pdf": {
      "get": {
        "operationId": "getDeliveryActPdf",
        "tags": [
          "outbox"
        ],
        "summary": "The delivery act as PDF (its SHA-256 is `pdfSha256` in the signed act)",
        "x-goskit-permission": "acts:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/LetterId"
          }
        ],
        "responses": {
          "200": {
            "description": "The PDF.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/pdf": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/pdf"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/webhooks": {
      "get": {
        "operationId": "listWebhooks",
        "tags": [
          "webhooks"
        ],
        "summary": "This system's webhook subscriptions",
        "x-goskit-permission": "webhooks:manage",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          }
        ],
        "responses": {
          "200": {
            "description": "The subscriptions.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "maxItems": 20,
                      "items": {
                        "$ref": "#/components/schemas/WebhookSubscription"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      },
      "post": {
        "operationId": "createWebhook",
        "tags": [
          "webhooks"
        ],
        "summary": "Subscribe a URL to events",
        "description": "Deliveries are `POST <url>` with a protected packet (`dir: \"webhook\"`, the system's current\nkey) whose body is a `WebhookEvent`, plus `X-Gospochta-Webhook-Id` (the subscription id),\n`X-Gospochta-Delivery-Id` (new for every attempt) and `Idempotency-Key` (the `eventId`). Only a 2xx ends a delivery; anything else (or no answer within\n10 s) is retried with exponential backoff (10 s doubling, 8 attempts), each attempt a new\npacket with the same `eventId`. Receivers de-duplicate by `eventId`.\n",
        "x-goskit-permission": "webhooks:manage",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateWebhookRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Subscribed.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookSubscription"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/webhooks/{webhookId}": {
      "delete": {
        "operationId": "deleteWebhook",
        "tags": [
          "webhooks"
        ],
        "summary": "Unsubscribe",
        "x-goskit-permission": "webhooks:manage",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "webhookId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Deleted; the body is the removed subscription.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WebhookSubscription"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/charges/search": {
      "post": {
        "operationId": "searchCharges",
        "tags": [
          "payments"
        ],
        "summary": "Find unpaid charges (fines, taxes, fees) by ИНН, СНИЛС or УИН",
        "description": "Exactly one of `inn`, `snils`, `uin`; checked in real time against ГИС ГМП. A malformed\nidentifier (checksum, length) → 422 `VALIDATION_FAILED` with the field and rule.\n",
        "x-goskit-permission": "payments:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ChargeSearchRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Charges found (possibly none).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChargeList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/payments": {
      "get": {
        "operationId": "listPayments",
        "tags": [
          "payments"
        ],
        "summary": "Payments of this account, newest first",
        "x-goskit-permission": "payments:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/PaymentStatus"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PaymentPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      },
      "post": {
        "operationId": "createPayment",
        "tags": [
          "payments"
        ],
        "summary": "Pay a charge; the receipt comes back at once",
        "description": "Charged exactly once per `Idempotency-Key` (see Idempotency above) and at most once per\nУИН: paying an already paid charge with another key → 409 `CHARGE_ALREADY_PAID`. The amount\nmust equal the charge's amount to pay (422 `AMOUNT_MISMATCH` otherwise).\n",
        "x-goskit-permission": "payments:pay",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKeyRequired"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PaymentRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Paid (or, with `Idempotent-Replayed: true`, the first answer for this key).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              },
              "Location": {
                "schema": {
                  "type": "string",
                  "examples": [
                    "/v1/payments/pay_01HV7Z"
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PaymentResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/v1/payments/{paymentId}": {
      "get": {
        "operationId": "getPayment",
        "tags": [
          "payments"
        ],
        "summary": "One payment and its status",
        "x-goskit-permission": "payments:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/PaymentId"
          }
        ],
        "responses": {
          "200": {
            "description": "The payment.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Payment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/payments/{paymentId}/receipt": {
      "get": {
        "operationId": "getReceipt",
        "tags": [
          "payments"
        ],
        "summary": "The receipt (signed JSON)",
        "x-goskit-permission": "payments:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/PaymentId"
          }
        ],
        "responses": {
          "200": {
            "description": "The receipt and its signature.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SignedReceipt"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/payments/{paymentId}/receipt/pdf": {
      "get": {
        "operationId": "getReceiptPdf",
        "tags": [
          "payments"
        ],
        "summary": "The receipt as PDF (its SHA-256 is `pdfSha256` in the signed receipt)",
        "x-goskit-permission": "payments:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/PaymentId"
          }
        ],
        "responses": {
          "200": {
            "description": "The PDF.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/pdf": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/pdf"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/documents/requests": {
      "get": {
        "operationId": "listDocumentRequests",
        "tags": [
          "documents"
        ],
        "summary": "Document requests of this account, newest first",
        "x-goskit-permission": "documents:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "$ref": "#/components/schemas/DocumentRequestStatus"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "One page.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DocumentRequestPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      },
      "post": {
        "operationId": "requestDocument",
        "tags": [
          "documents"
        ],
        "summary": "Request a document (справка, выписка, сертификат…)",
        "x-goskit-permission": "documents:request",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/Jws"
          },
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DocumentRequestInput"
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted; poll `getDocumentRequest` (or wait for `document.ready`).",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
              },
              "Location": {
                "schema": {
                  "type": "string",
                  "examples": [
                    "/v1/documents/requests/doc_01HV7Z"
                  ]
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DocumentRequest"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "422": {
            "$ref": "#/components/responses/Unprocessable"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/documents/requests/{requestId}": {
      "get": {
        "operationId": "getDocumentRequest",
        "tags": [
          "documents"
        ],
        "summary": "A document request; once `ready` it carries the document and a download link",
        "x-goskit-permission": "documents:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "requestId",
            "in": "path",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The request. While `pending` or `processing`, `Retry-After` suggests the next poll.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DocumentRequest"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/documents/{documentId}/link": {
      "post": {
        "operationId": "renewDocumentLink",
        "tags": [
          "documents"
        ],
        "summary": "A fresh download link for a ready document (the old one keeps its expiry)",
        "x-goskit-permission": "documents:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/DocumentId"
          }
        ],
        "responses": {
          "200": {
            "description": "The new link.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DocumentLink"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/documents/{documentId}/content": {
      "get": {
        "operationId": "downloadDocument",
        "tags": [
          "documents"
        ],
        "summary": "Download a document by its expiring link",
        "description": "The link (`DocumentLink.url`) is this path with `expires` (unix ms) and `sig` (base64url\nHMAC the portal keeps to itself) in the query; it is valid until `expires` on the portal's\nclock and still needs the bearer token and a packet. An expired or altered link → 410\n`LINK_EXPIRED` / 403 `LINK_INVALID`. The body is the document; its `sha256`/`streebog256`\nand detached CMS `signature` are in `DocumentInfo`.\n",
        "x-goskit-permission": "documents:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "$ref": "#/components/parameters/DocumentId"
          },
          {
            "name": "expires",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "format": "int64",
              "minimum": 0
            }
          },
          {
            "name": "sig",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{16,128}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The document.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/pdf": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/pdf"
                }
              },
              "application/xml": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/xml"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "410": {
            "$ref": "#/components/responses/Gone"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    },
    "/v1/audit": {
      "get": {
        "operationId": "listAudit",
        "tags": [
          "admin"
        ],
        "summary": "The portal's operation log for this system (no personal data)",
        "x-goskit-permission": "audit:read",
        "parameters": [
          {
            "$ref": "#/components/parameters/XRequestId"
          },
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "since",
            "in": "query",
            "schema": {
              "type": "string",
              "format": "date-time"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "One page of records.",
            "headers": {
              "X-Request-Id": {
                "$ref": "#/components/headers/XRequestId"
              },
              "X-Gospochta-Packet": {
                "$ref": "#/components/headers/Packet"
              },
              "Content-Digest": {
                "$ref": "#/components/headers/ContentDigest"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/Internal"
          }
        }
      }
    }
  },
  "webhooks": {
    "gospochtaEvent": {
      "post": {
        "operationId": "receiveEvent",
        "summary": "An event delivered to a subscribed URL (see createWebhook)",
        "parameters": [
          {
            "$ref": "#/components/parameters/Packet"
          },
          {
            "$ref": "#/components/parameters/ContentDigest"
          },
          {
            "name": "X-Gospochta-Webhook-Id",
            "in": "header",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "X-Gospochta-Delivery-Id",
            "in": "header",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "Idempotency-Key",
            "in": "header",
            "required": true,
            "description": "The event's `eventId`; the MAC binds it and the body must carry the same id.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WebhookEvent"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Stored (only then); the portal stops retrying this event."
          },
          "400": {
            "description": "The packet was refused; the portal retries with a new packet."
          },
          "500": {
            "description": "Not stored; the portal retries."
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "A JWT from `/oauth2/token`: `iss` the portal's issuer (by default its API base URL), `aud`\n`gospochta-api`, `sub`, `client_id`, `role` (`operator` | `client` | `admin`), optional\n`permissions` (a narrower set than the role's), `exp`, `iat`, `jti`. Algorithms\n`RS256`, `ES256` or `GOST3410_2012_256`.\n"
      },
      "clientBasic": {
        "type": "http",
        "scheme": "basic"
      },
      "mutualTLS": {
        "type": "mutualTLS",
        "description": "The HTTPS listener requires a client certificate issued by the portal's CA."
      }
    },
    "headers": {
      "XRequestId": {
        "description": "The request id; the portal echoes the client's or makes one.",
        "schema": {
          "$ref": "#/components/schemas/RequestId"
        }
      },
      "Packet": {
        "description": "Packet protection (see the top of this document).",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/PacketHeader"
        }
      },
      "ContentDigest": {
        "description": "RFC 9530 digest of the exact body bytes.",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/ContentDigest"
        }
      },
      "IdempotentReplayed": {
        "description": "Present (`true`) when this is the stored first answer for the Idempotency-Key.",
        "schema": {
          "type": "string",
          "enum": [
            "true"
          ]
        }
      },
      "RetryAfter": {
        "description": "Seconds to wait (delta-seconds form only).",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{1,6}$"
        }
      }
    },
    "parameters": {
      "XRequestId": {
        "name": "X-Request-Id",
        "in": "header",
        "description": "Sent by the client, echoed by the portal and bound into both packets.",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/RequestId"
        }
      },
      "Packet": {
        "name": "X-Gospochta-Packet",
        "in": "header",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/PacketHeader"
        }
      },
      "ContentDigest": {
        "name": "Content-Digest",
        "in": "header",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/ContentDigest"
        }
      },
      "Jws": {
        "name": "X-Gospochta-Jws",
        "in": "header",
        "description": "Optional detached JWS over the body bytes (RS256 or GOST3410_2012_256).",
        "schema": {
          "type": "string",
          "maxLength": 16384,
          "pattern": "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$"
        }
      },
      "IdempotencyKeyRequired": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/IdempotencyKey"
        }
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "schema": {
          "$ref": "#/components/schemas/IdempotencyKey"
        }
      },
      "LetterId": {
        "name": "letterId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "PaymentId": {
        "name": "paymentId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "DocumentId": {
        "name": "documentId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "description": "Opaque; `nextCursor` of the previous page.",
        "schema": {
          "type": "string",
          "maxLength": 512,
          "pattern": "^[A-Za-z0-9_.~-]+$"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Malformed request: `INVALID_REQUEST`, or `PACKET_REJECTED` with `packetCheck` naming the\nfailed check (the request was not acted on).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Missing, invalid or expired bearer token (`UNAUTHORIZED`, `TOKEN_EXPIRED`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "WWW-Authenticate": {
            "schema": {
              "type": "string",
              "examples": [
                "Bearer realm=\"gospochta\", error=\"invalid_token\""
              ]
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "`PERMISSION_DENIED` (with `missingPermission` and `role`), `ROLE_UNKNOWN` (a token whose\nrole is none of operator, client, admin) or `LINK_INVALID`.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "WWW-Authenticate": {
            "schema": {
              "type": "string",
              "examples": [
                "Bearer realm=\"gospochta\", error=\"insufficient_scope\", scope=\"letters:send\""
              ]
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "`NOT_FOUND` — also for ids of other accounts (no existence oracle).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "`IDEMPOTENCY_IN_PROGRESS` (with `Retry-After`), `CHARGE_ALREADY_PAID`, `NOT_READY` (an act,\nreceipt or document that does not exist yet), `WEBHOOK_EXISTS`.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Gone": {
        "description": "`LINK_EXPIRED`: the download link's `expires` has passed; renew it.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooLarge": {
        "description": "`PAYLOAD_TOO_LARGE`: body over 32 MiB or attachments over the limits.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unprocessable": {
        "description": "`VALIDATION_FAILED` (with `issues`), `IDEMPOTENCY_KEY_REUSED`, `AMOUNT_MISMATCH`,\n`SIGNATURE_INVALID` (an attachment's CMS signature or hash does not match).\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "`RATE_LIMITED`: wait `Retry-After` seconds.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Internal": {
        "description": "`INTERNAL`: the portal failed; safe to retry with the same Idempotency-Key.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unavailable": {
        "description": "`UNAVAILABLE`: maintenance or overload; retry after `Retry-After`.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/XRequestId"
          },
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "schemas": {
      "Id": {
        "type": "string",
        "description": "Opaque id; a URL path segment as it is.",
        "pattern": "^[A-Za-z0-9_-]{1,64}$"
      },
      "RequestId": {
        "type": "string",
        "pattern": "^[A-Za-z0-9._:-]{8,128}$"
      },
      "IdempotencyKey": {
        "type": "string",
        "pattern": "^[A-Za-z0-9._:-]{8,255}$"
      },
      "ExternalId": {
        "type": "string",
        "description": "The sender's own reference (no personal data).",
        "pattern": "^[A-Za-z0-9._:/-]{1,128}$"
      },
      "PacketHeader": {
        "type": "string",
        "description": "`v=1;kid=<kid>;ts=<unix ms>;nonce=<base64url 16 bytes>;mac=<base64url 32 bytes>`",
        "maxLength": 512,
        "pattern": "^v=1;kid=[A-Za-z0-9._-]{1,64};ts=[0-9]{1,15};nonce=[A-Za-z0-9_-]{22};mac=[A-Za-z0-9_-]{43}$"
      },
      "ContentDigest": {
        "type": "string",
        "pattern": "^sha-256=:[A-Za-z0-9+/]{43}=:$"
      },
      "Sha256Hex": {
        "type": "string",
        "pattern": "^[0-9a-f]{64}$"
      },
      "Streebog256Hex": {
        "type": "string",
        "description": "GOST R 34.11-2012 (256 bits), hex of the digest bytes as `openssl dgst -md_gost12_256` prints them.",
        "pattern": "^[0-9a-f]{64}$"
      },
      "Encrypted": {
        "type": "object",
        "description": "A PII value encrypted with AES-256-GCM: `v1.<base64url 12-byte IV>.<base64url ciphertext+16-byte tag>`.\nDecrypts to a UTF-8 string.\n",
        "x-goskit-pii": true,
        "required": [
          "$enc"
        ],
        "additionalProperties": false,
        "properties": {
          "$enc": {
            "type": "string",
            "maxLength": 8192,
            "pattern": "^v1\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{22,}$"
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details. Never carries personal data.",
        "required": [
          "type",
          "title",
          "status",
          "code"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri",
            "examples": [
              "https://github.com/goskit/goskit/blob/main/docs/gospochta.en.md#errors"
            ]
          },
          "title": {
            "type": "string",
            "maxLength": 200
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "code": {
            "$ref": "#/components/schemas/ProblemCode"
          },
          "detail": {
            "type": "string",
            "maxLength": 1000
          },
          "requestId": {
            "$ref": "#/components/schemas/RequestId"
          },
          "missingPermission": {
            "$ref": "#/components/schemas/Permission"
          },
          "role": {
            "type": "string",
            "maxLength": 64
          },
          "packetCheck": {
            "$ref": "#/components/schemas/PacketCheck"
          },
          "field": {
            "type": "string",
            "maxLength": 200,
            "description": "JSON pointer of the offending field."
          },
          "issues": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/ValidationIssue"
            }
          },
          "retryAfterSec": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "ProblemCode": {
        "type": "string",
        "enum": [
          "INVALID_REQUEST",
          "PACKET_REJECTED",
          "UNAUTHORIZED",
          "TOKEN_EXPIRED",
          "PERMISSION_DENIED",
          "ROLE_UNKNOWN",
          "LINK_INVALID",
          "NOT_FOUND",
          "IDEMPOTENCY_KEY_REQUIRED",
          "IDEMPOTENCY_IN_PROGRESS",
          "IDEMPOTENCY_KEY_REUSED",
          "CHARGE_ALREADY_PAID",
          "AMOUNT_MISMATCH",
          "NOT_READY",
          "WEBHOOK_EXISTS",
          "LINK_EXPIRED",
          "PAYLOAD_TOO_LARGE",
          "UNSUPPORTED_MEDIA_TYPE",
          "VALIDATION_FAILED",
          "SIGNATURE_INVALID",
          "RATE_LIMITED",
          "INTERNAL",
          "UNAVAILABLE"
        ]
      },
      "PacketCheck": {
        "type": "string",
        "description": "Which packet check failed, in the order they run.",
        "enum": [
          "header",
          "version",
          "key",
          "timestamp",
          "mac",
          "digest",
          "jws",
          "body",
          "pii",
          "replay"
        ]
      },
      "ValidationIssue": {
        "type": "object",
        "required": [
          "field",
          "code",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "maxLength": 200,
            "description": "JSON pointer, e.g. /recipient/snils"
          },
          "code": {
            "type": "string",
            "maxLength": 64,
            "examples": [
              "SNILS_CHECKSUM",
              "UIN_CHECK_DIGIT"
            ]
          },
          "message": {
            "type": "object",
            "required": [
              "ru",
              "en"
            ],
            "properties": {
              "ru": {
                "type": "string",
                "maxLength": 500
              },
              "en": {
                "type": "string",
                "maxLength": 500
              }
            }
          }
        }
      },
      "TokenRequest": {
        "type": "object",
        "required": [
          "grant_type"
        ],
        "properties": {
          "grant_type": {
            "type": "string",
            "enum": [
              "client_credentials",
              "urn:ietf:params:oauth:grant-type:token-exchange"
            ]
          },
          "scope": {
            "type": "string",
            "maxLength": 1000,
            "description": "Space-separated permissions to narrow the token to."
          },
          "client_id": {
            "type": "string",
            "maxLength": 128
          },
          "client_secret": {
            "type": "string",
            "maxLength": 512
          },
          "subject_token": {
            "type": "string",
            "maxLength": 16384,
            "description": "Token exchange: the person's ESIA access token."
          },
          "subject_token_type": {
            "type": "string",
            "enum": [
              "urn:ietf:params:oauth:token-type:access_token"
            ]
          },
          "requested_token_type": {
            "type": "string",
            "enum": [
              "urn:ietf:params:oauth:token-type:access_token"
            ]
          }
        }
      },
      "TokenResponse": {
        "type": "object",
        "required": [
          "access_token",
          "token_type",
          "expires_in"
        ],
        "properties": {
          "access_token": {
            "type": "string",
            "maxLength": 16384
          },
          "token_type": {
            "type": "string",
            "enum": [
              "Bearer"
            ]
          },
          "expires_in": {
            "type": "integer",
            "minimum": 1,
            "maximum": 86400
          },
          "scope": {
            "type": "string",
            "maxLength": 1000
          },
          "issued_token_type": {
            "type": "string",
            "enum": [
              "urn:ietf:params:oauth:token-type:access_token"
            ]
          }
        }
      },
      "OAuthError": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string",
            "enum": [
              "invalid_request",
              "invalid_client",
              "invalid_grant",
              "unauthorized_client",
              "unsupported_grant_type",
              "invalid_scope",
              "invalid_target"
            ]
          },
          "error_description": {
            "type": "string",
            "maxLength": 500
          }
        }
      },
      "Jwks": {
        "type": "object",
        "required": [
          "keys"
        ],
        "properties": {
          "keys": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "object",
              "required": [
                "kty"
              ],
              "properties": {
                "kty": {
                  "type": "string"
                },
                "kid": {
                  "type": "string"
                },
                "alg": {
                  "type": "string"
                },
                "use": {
                  "type": "string"
                },
                "x5c": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              },
              "additionalProperties": true
            }
          }
        }
      },
      "Role": {
        "type": "string",
        "enum": [
          "operator",
          "client",
          "admin"
        ]
      },
      "Permission": {
        "type": "string",
        "enum": [
          "letters:read",
          "letters:mark-read",
          "letters:send",
          "acts:read",
          "webhooks:manage",
          "payments:read",
          "payments:pay",
          "documents:request",
          "documents:read",
          "audit:read",
          "roles:read"
        ]
      },
      "Session": {
        "type": "object",
        "required": [
          "subject",
          "clientId",
          "role",
          "permissions",
          "expiresAt"
        ],
        "properties": {
          "subject": {
            "type": "string",
            "maxLength": 128,
            "description": "ESIA oid for a person, the system id otherwise."
          },
          "clientId": {
            "type": "string",
            "maxLength": 128
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "permissions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Permission"
            }
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "organisation": {
            "$ref": "#/components/schemas/Organisation"
          }
        }
      },
      "RoleMatrix": {
        "type": "object",
        "required": [
          "roles",
          "operations"
        ],
        "properties": {
          "roles": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "role",
                "permissions"
              ],
              "properties": {
                "role": {
                  "$ref": "#/components/schemas/Role"
                },
                "permissions": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Permission"
                  }
                }
              }
            }
          },
          "operations": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "operationId",
                "permission"
              ],
              "properties": {
                "operationId": {
                  "type": "string"
                },
                "permission": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/Permission"
                    },
                    {
                      "type": "null"
                    }
                  ]
                }
              }
            }
          }
        }
      },
      "DocumentType": {
        "type": "string",
        "description": "Kinds of legally significant letters: `court-notice` судебное извещение,\n`bankruptcy-notice` уведомление о банкротстве, `order` приказ, `tax-notice` налоговое\nуведомление, `fine-decision` постановление о штрафе, `claim` претензия, `demand`\nтребование, `contract` договор, `notice` уведомление, `decision` решение, `other` иное.\n",
        "enum": [
          "court-notice",
          "bankruptcy-notice",
          "order",
          "tax-notice",
          "fine-decision",
          "claim",
          "demand",
          "contract",
          "notice",
          "decision",
          "other"
        ]
      },
      "LetterStatus": {
        "type": "string",
        "description": "`accepted → sent → delivered → read`; `refused` and `failed` end it early. Final: read, refused, failed.",
        "enum": [
          "accepted",
          "sent",
          "delivered",
          "read",
          "refused",
          "failed"
        ]
      },
      "RefusalReason": {
        "type": "string",
        "description": "`no-consent`: the addressee's Gosuslugi profile has no consent flag for ГЭПС.",
        "enum": [
          "no-consent",
          "addressee-not-found",
          "addressee-refused"
        ]
      },
      "Organisation": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "maxLength": 500
          },
          "ogrn": {
            "type": "string",
            "pattern": "^[0-9]{13}$|^[0-9]{15}$"
          },
          "inn": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "kpp": {
            "type": "string",
            "pattern": "^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$"
          }
        }
      },
      "Person": {
        "type": "object",
        "description": "A natural person. Every property is PII, always encrypted on the wire.",
        "required": [
          "lastName",
          "firstName"
        ],
        "properties": {
          "lastName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "firstName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "middleName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "snils": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "inn": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "passport": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "address": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "phone": {
            "$ref": "#/components/schemas/Encrypted"
          }
        }
      },
      "Addressee": {
        "type": "object",
        "description": "A letter's addressee, identified by СНИЛС (a Person whose `snils` is required).",
        "required": [
          "lastName",
          "firstName",
          "snils"
        ],
        "properties": {
          "lastName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "firstName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "middleName": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "snils": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "inn": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "passport": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "address": {
            "$ref": "#/components/schemas/Encrypted"
          },
          "phone": {
            "$ref": "#/components/schemas/Encrypted"
          }
        }
      },
      "StatusChange": {
        "type": "object",
        "required": [
          "status",
          "at"
        ],
        "properties": {
          "status": {
            "$ref": "#/components/schemas/LetterStatus"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "reason": {
            "type": "string",
            "maxLength": 64
          }
        }
      },
      "Attachment": {
        "type": "object",
        "required": [
          "id",
          "name",
          "mediaType",
          "size",
          "kind",
          "sha256",
          "streebog256"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "name": {
            "type": "string",
            "maxLength": 255
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "image/jpeg",
              "image/png",
              "image/tiff",
              "application/xml"
            ]
          },
          "size": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10485760
          },
          "kind": {
            "type": "string",
            "description": "`scan`: a scanned paper letter; `original`: the PDF original; `signature`: a detached signature file.",
            "enum": [
              "scan",
              "original",
              "signature"
            ]
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256Hex"
          },
          "streebog256": {
            "$ref": "#/components/schemas/Streebog256Hex"
          }
        }
      },
      "LetterSummary": {
        "type": "object",
        "required": [
          "id",
          "documentType",
          "subject",
          "sender",
          "status",
          "receivedAt",
          "attachmentCount",
          "legallySignificant"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "documentType": {
            "$ref": "#/components/schemas/DocumentType"
          },
          "subject": {
            "type": "string",
            "maxLength": 500
          },
          "sender": {
            "$ref": "#/components/schemas/Organisation"
          },
          "status": {
            "type": "string",
            "enum": [
              "new",
              "read"
            ]
          },
          "receivedAt": {
            "type": "string",
            "format": "date-time"
          },
          "readAt": {
            "type": "string",
            "format": "date-time"
          },
          "attachmentCount": {
            "type": "integer",
            "minimum": 0
          },
          "legallySignificant": {
            "type": "boolean"
          }
        }
      },
      "Letter": {
        "allOf": [
          {
            "$ref": "#/components/schemas/LetterSummary"
          },
          {
            "type": "object",
            "required": [
              "recipient",
              "attachments"
            ],
            "properties": {
              "text": {
                "type": "string",
                "maxLength": 20000
              },
              "recipient": {
                "$ref": "#/components/schemas/Person"
              },
              "attachments": {
                "type": "array",
                "maxItems": 20,
                "items": {
                  "$ref": "#/components/schemas/Attachment"
                }
              }
            }
          }
        ]
      },
      "LetterPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/LetterSummary"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "OutgoingAttachment": {
        "type": "object",
        "required": [
          "name",
          "mediaType",
          "content",
          "sha256",
          "streebog256",
          "signature"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "pattern": "^[^/\\\\\\u0000-\\u001f]+$"
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "image/jpeg",
              "image/png",
              "image/tiff",
              "application/xml"
            ]
          },
          "content": {
            "type": "string",
            "contentEncoding": "base64",
            "maxLength": 14000000
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256Hex"
          },
          "streebog256": {
            "$ref": "#/components/schemas/Streebog256Hex"
          },
          "signature": {
            "type": "string",
            "contentEncoding": "base64",
            "maxLength": 65536,
            "description": "Detached CMS SignedData (DER, base64) over the attachment bytes."
          }
        }
      },
      "SendLetterRequest": {
        "type": "object",
        "required": [
          "recipient",
          "documentType",
          "subject",
          "attachments"
        ],
        "properties": {
          "recipient": {
            "$ref": "#/components/schemas/Addressee"
          },
          "documentType": {
            "$ref": "#/components/schemas/DocumentType"
          },
          "subject": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500
          },
          "text": {
            "type": "string",
            "maxLength": 20000
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "attachments": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "$ref": "#/components/schemas/OutgoingAttachment"
            }
          }
        }
      },
      "OutgoingLetter": {
        "type": "object",
        "required": [
          "id",
          "status",
          "documentType",
          "subject",
          "recipient",
          "acceptedAt",
          "updatedAt",
          "statusHistory",
          "attachments"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "status": {
            "$ref": "#/components/schemas/LetterStatus"
          },
          "documentType": {
            "$ref": "#/components/schemas/DocumentType"
          },
          "subject": {
            "type": "string",
            "maxLength": 500
          },
          "recipient": {
            "$ref": "#/components/schemas/Addressee"
          },
          "acceptedAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "statusHistory": {
            "type": "array",
            "maxItems": 16,
            "items": {
              "$ref": "#/components/schemas/StatusChange"
            }
          },
          "refusalReason": {
            "$ref": "#/components/schemas/RefusalReason"
          },
          "failureReason": {
            "type": "string",
            "maxLength": 200
          },
          "attachments": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "object",
              "required": [
                "name",
                "sha256",
                "streebog256"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 255
                },
                "sha256": {
                  "$ref": "#/components/schemas/Sha256Hex"
                },
                "streebog256": {
                  "$ref": "#/components/schemas/Streebog256Hex"
                }
              }
            }
          },
          "deliveryActAvailable": {
            "type": "boolean"
          }
        }
      },
      "OutgoingLetterPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/OutgoingLetter"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "DeliveryAct": {
        "type": "object",
        "required": [
          "actId",
          "letterId",
          "documentType",
          "legalFact",
          "documents",
          "addressee",
          "sender",
          "acceptedAt",
          "issuedAt",
          "pdfSha256",
          "issuer"
        ],
        "properties": {
          "actId": {
            "$ref": "#/components/schemas/Id"
          },
          "letterId": {
            "$ref": "#/components/schemas/Id"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "documentType": {
            "$ref": "#/components/schemas/DocumentType"
          },
          "legalFact": {
            "type": "string",
            "enum": [
              "delivered",
              "read",
              "refused",
              "failed"
            ]
          },
          "refusalReason": {
            "$ref": "#/components/schemas/RefusalReason"
          },
          "documents": {
            "type": "array",
            "minItems": 1,
            "maxItems": 20,
            "items": {
              "type": "object",
              "required": [
                "name",
                "sha256",
                "streebog256"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "maxLength": 255
                },
                "sha256": {
                  "$ref": "#/components/schemas/Sha256Hex"
                },
                "streebog256": {
                  "$ref": "#/components/schemas/Streebog256Hex"
                }
              }
            }
          },
          "addressee": {
            "$ref": "#/components/schemas/Addressee"
          },
          "sender": {
            "$ref": "#/components/schemas/Organisation"
          },
          "acceptedAt": {
            "type": "string",
            "format": "date-time"
          },
          "sentAt": {
            "type": "string",
            "format": "date-time"
          },
          "deliveredAt": {
            "type": "string",
            "format": "date-time"
          },
          "readAt": {
            "type": "string",
            "format": "date-time"
          },
          "refusedAt": {
            "type": "string",
            "format": "date-time"
          },
          "failedAt": {
            "type": "string",
            "format": "date-time"
          },
          "issuedAt": {
            "type": "string",
            "format": "date-time"
          },
          "pdfSha256": {
            "$ref": "#/components/schemas/Sha256Hex"
          },
          "issuer": {
            "type": "string",
            "maxLength": 200
          }
        }
      },
      "SignedDeliveryAct": {
        "type": "object",
        "required": [
          "act",
          "signature"
        ],
        "properties": {
          "act": {
            "$ref": "#/components/schemas/DeliveryAct"
          },
          "signature": {
            "$ref": "#/components/schemas/DetachedJws"
          }
        }
      },
      "DetachedJws": {
        "type": "string",
        "description": "Detached JWS (`header..signature`) over the canonical JSON of the decrypted object beside it.",
        "maxLength": 16384,
        "pattern": "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$"
      },
      "WebhookEventType": {
        "type": "string",
        "enum": [
          "letter.status_changed",
          "letter.received",
          "delivery_act.issued",
          "payment.completed",
          "document.ready"
        ]
      },
      "CreateWebhookRequest": {
        "type": "object",
        "required": [
          "url",
          "events"
        ],
        "properties": {
          "url": {
            "type": "string",
            "format": "uri",
            "maxLength": 2048,
            "pattern": "^https?://"
          },
          "events": {
            "type": "array",
            "description": "Each event type once (the portal refuses a repeated one with 422 VALIDATION_FAILED).",
            "minItems": 1,
            "maxItems": 5,
            "x-goskit-unique-items": true,
            "items": {
              "$ref": "#/components/schemas/WebhookEventType"
            }
          }
        }
      },
      "WebhookSubscription": {
        "type": "object",
        "required": [
          "id",
          "url",
          "events",
          "createdAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "url": {
            "type": "string",
            "format": "uri"
          },
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WebhookEventType"
            }
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "WebhookEvent": {
        "type": "object",
        "required": [
          "eventId",
          "type",
          "occurredAt",
          "data"
        ],
        "properties": {
          "eventId": {
            "$ref": "#/components/schemas/Id"
          },
          "type": {
            "$ref": "#/components/schemas/WebhookEventType"
          },
          "occurredAt": {
            "type": "string",
            "format": "date-time"
          },
          "data": {
            "type": "object",
            "description": "`letter.status_changed`: `{ letterId, status, at, externalId?, refusalReason? }`;\n`letter.received`: `{ letterId, documentType }`; `delivery_act.issued`:\n`{ letterId, actId, legalFact }`; `payment.completed`: `{ paymentId, uin, amount }`;\n`document.ready`: `{ requestId, documentId }`.\n",
            "properties": {
              "letterId": {
                "$ref": "#/components/schemas/Id"
              },
              "status": {
                "$ref": "#/components/schemas/LetterStatus"
              },
              "at": {
                "type": "string",
                "format": "date-time"
              },
              "externalId": {
                "$ref": "#/components/schemas/ExternalId"
              },
              "refusalReason": {
                "$ref": "#/components/schemas/RefusalReason"
              },
              "documentType": {
                "$ref": "#/components/schemas/DocumentType"
              },
              "actId": {
                "$ref": "#/components/schemas/Id"
              },
              "legalFact": {
                "type": "string",
                "enum": [
                  "delivered",
                  "read",
                  "refused",
                  "failed"
                ]
              },
              "paymentId": {
                "$ref": "#/components/schemas/Id"
              },
              "uin": {
                "$ref": "#/components/schemas/Uin"
              },
              "amount": {
                "$ref": "#/components/schemas/Amount"
              },
              "requestId": {
                "$ref": "#/components/schemas/Id"
              },
              "documentId": {
                "$ref": "#/components/schemas/Id"
              }
            }
          }
        }
      },
      "Uin": {
        "type": "string",
        "description": "УИН of ГИС ГМП, 20 or 25 characters with the check digit last.",
        "pattern": "^[0-9A-Z]{19}[0-9]$|^[0-9A-Z]{24}[0-9]$"
      },
      "Amount": {
        "type": "integer",
        "description": "Kopecks.",
        "minimum": 1,
        "maximum": 100000000000
      },
      "ChargeSearchRequest": {
        "description": "Exactly one of `inn`, `snils`, `uin`.",
        "oneOf": [
          {
            "type": "object",
            "required": [
              "uin"
            ],
            "additionalProperties": false,
            "properties": {
              "uin": {
                "$ref": "#/components/schemas/Uin"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "inn"
            ],
            "additionalProperties": false,
            "properties": {
              "inn": {
                "$ref": "#/components/schemas/Encrypted"
              }
            }
          },
          {
            "type": "object",
            "required": [
              "snils"
            ],
            "additionalProperties": false,
            "properties": {
              "snils": {
                "$ref": "#/components/schemas/Encrypted"
              }
            }
          }
        ]
      },
      "ChargeStatus": {
        "type": "string",
        "enum": [
          "unpaid",
          "paid",
          "partially_paid",
          "cancelled"
        ]
      },
      "Charge": {
        "type": "object",
        "required": [
          "uin",
          "amount",
          "amountToPay",
          "purpose",
          "payee",
          "issuedAt",
          "status"
        ],
        "properties": {
          "uin": {
            "$ref": "#/components/schemas/Uin"
          },
          "amount": {
            "$ref": "#/components/schemas/Amount"
          },
          "amountToPay": {
            "type": "integer",
            "minimum": 0,
            "description": "Kopecks; lower than amount while a discount applies."
          },
          "discountUntil": {
            "type": "string",
            "format": "date"
          },
          "purpose": {
            "type": "string",
            "maxLength": 500
          },
          "payee": {
            "$ref": "#/components/schemas/Organisation"
          },
          "kbk": {
            "type": "string",
            "pattern": "^[0-9A-Z]{20}$"
          },
          "oktmo": {
            "type": "string",
            "pattern": "^[0-9]{8}$|^[0-9]{11}$"
          },
          "issuedAt": {
            "type": "string",
            "format": "date-time"
          },
          "dueDate": {
            "type": "string",
            "format": "date"
          },
          "status": {
            "$ref": "#/components/schemas/ChargeStatus"
          }
        }
      },
      "ChargeList": {
        "type": "object",
        "required": [
          "charges"
        ],
        "properties": {
          "charges": {
            "type": "array",
            "maxItems": 500,
            "items": {
              "$ref": "#/components/schemas/Charge"
            }
          }
        }
      },
      "PaymentRequest": {
        "type": "object",
        "required": [
          "uin",
          "amount",
          "payer"
        ],
        "properties": {
          "uin": {
            "$ref": "#/components/schemas/Uin"
          },
          "amount": {
            "$ref": "#/components/schemas/Amount"
          },
          "payer": {
            "$ref": "#/components/schemas/Person"
          }
        }
      },
      "PaymentStatus": {
        "type": "string",
        "enum": [
          "completed",
          "pending",
          "failed"
        ]
      },
      "Payment": {
        "type": "object",
        "required": [
          "id",
          "uin",
          "amount",
          "status",
          "createdAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "uin": {
            "$ref": "#/components/schemas/Uin"
          },
          "amount": {
            "$ref": "#/components/schemas/Amount"
          },
          "status": {
            "$ref": "#/components/schemas/PaymentStatus"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "completedAt": {
            "type": "string",
            "format": "date-time"
          },
          "failureReason": {
            "type": "string",
            "maxLength": 200
          }
        }
      },
      "Receipt": {
        "type": "object",
        "required": [
          "receiptId",
          "paymentId",
          "uin",
          "amount",
          "payer",
          "payee",
          "purpose",
          "paidAt",
          "bankReference",
          "pdfSha256",
          "issuer"
        ],
        "properties": {
          "receiptId": {
            "$ref": "#/components/schemas/Id"
          },
          "paymentId": {
            "$ref": "#/components/schemas/Id"
          },
          "uin": {
            "$ref": "#/components/schemas/Uin"
          },
          "amount": {
            "$ref": "#/components/schemas/Amount"
          },
          "payer": {
            "$ref": "#/components/schemas/Person"
          },
          "payee": {
            "$ref": "#/components/schemas/Organisation"
          },
          "purpose": {
            "type": "string",
            "maxLength": 500
          },
          "paidAt": {
            "type": "string",
            "format": "date-time"
          },
          "bankReference": {
            "type": "string",
            "maxLength": 64
          },
          "pdfSha256": {
            "$ref": "#/components/schemas/Sha256Hex"
          },
          "issuer": {
            "type": "string",
            "maxLength": 200
          }
        }
      },
      "SignedReceipt": {
        "type": "object",
        "required": [
          "receipt",
          "signature"
        ],
        "properties": {
          "receipt": {
            "$ref": "#/components/schemas/Receipt"
          },
          "signature": {
            "$ref": "#/components/schemas/DetachedJws"
          }
        }
      },
      "PaymentResult": {
        "type": "object",
        "required": [
          "payment",
          "receipt"
        ],
        "properties": {
          "payment": {
            "$ref": "#/components/schemas/Payment"
          },
          "receipt": {
            "$ref": "#/components/schemas/SignedReceipt"
          }
        }
      },
      "PaymentPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/Payment"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "DocumentKind": {
        "type": "string",
        "description": "`no-criminal-record` справка о несудимости, `pension-statement` выписка из лицевого счёта СФР,\n`egrn-extract` выписка из ЕГРН, `income-statement` справка о доходах, `education-certificate`\nсертификат/справка об обучении, `vaccination-certificate` сертификат о вакцинации,\n`other` иное.\n",
        "enum": [
          "no-criminal-record",
          "pension-statement",
          "egrn-extract",
          "income-statement",
          "education-certificate",
          "vaccination-certificate",
          "other"
        ]
      },
      "DocumentRequestStatus": {
        "type": "string",
        "enum": [
          "pending",
          "processing",
          "ready",
          "failed"
        ]
      },
      "DocumentRequestInput": {
        "type": "object",
        "required": [
          "kind"
        ],
        "properties": {
          "kind": {
            "$ref": "#/components/schemas/DocumentKind"
          },
          "subject": {
            "$ref": "#/components/schemas/Person"
          },
          "purpose": {
            "type": "string",
            "maxLength": 500
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          }
        }
      },
      "DocumentLink": {
        "type": "object",
        "required": [
          "url",
          "expiresAt"
        ],
        "properties": {
          "url": {
            "type": "string",
            "maxLength": 2048,
            "description": "Path relative to the API base, or an absolute URL on the API's origin."
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "DocumentInfo": {
        "type": "object",
        "required": [
          "id",
          "name",
          "mediaType",
          "size",
          "sha256",
          "streebog256",
          "signature",
          "link"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "name": {
            "type": "string",
            "maxLength": 255
          },
          "mediaType": {
            "type": "string",
            "enum": [
              "application/pdf",
              "application/xml"
            ]
          },
          "size": {
            "type": "integer",
            "minimum": 0,
            "maximum": 52428800
          },
          "sha256": {
            "$ref": "#/components/schemas/Sha256Hex"
          },
          "streebog256": {
            "$ref": "#/components/schemas/Streebog256Hex"
          },
          "signature": {
            "type": "string",
            "contentEncoding": "base64",
            "maxLength": 65536,
            "description": "Detached CMS SignedData (DER, base64) of the issuing agency."
          },
          "link": {
            "$ref": "#/components/schemas/DocumentLink"
          }
        }
      },
      "DocumentRequest": {
        "type": "object",
        "required": [
          "id",
          "kind",
          "status",
          "requestedAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "kind": {
            "$ref": "#/components/schemas/DocumentKind"
          },
          "status": {
            "$ref": "#/components/schemas/DocumentRequestStatus"
          },
          "externalId": {
            "$ref": "#/components/schemas/ExternalId"
          },
          "requestedAt": {
            "type": "string",
            "format": "date-time"
          },
          "readyAt": {
            "type": "string",
            "format": "date-time"
          },
          "failureReason": {
            "type": "string",
            "maxLength": 200
          },
          "document": {
            "$ref": "#/components/schemas/DocumentInfo"
          }
        }
      },
      "DocumentRequestPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/DocumentRequest"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "AuditRecord": {
        "type": "object",
        "required": [
          "requestId",
          "at",
          "operation",
          "status"
        ],
        "properties": {
          "requestId": {
            "$ref": "#/components/schemas/RequestId"
          },
          "at": {
            "type": "string",
            "format": "date-time"
          },
          "operation": {
            "type": "string",
            "maxLength": 64
          },
          "role": {
            "type": "string",
            "maxLength": 64
          },
          "subject": {
            "type": "string",
            "maxLength": 128
          },
          "status": {
            "type": "integer",
            "minimum": 100,
            "maximum": 599
          },
          "code": {
            "type": "string",
            "maxLength": 64
          }
        }
      },
      "AuditPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/AuditRecord"
            }
          },
          "nextCursor": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      }
    }
  }
};
