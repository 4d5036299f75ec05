// Generated from packages/gosuslugi/openapi/esia.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const esiaOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "ESIA (Gosuslugi identity) — goskit contract",
    "version": "0.1.0",
    "description": "The part of ESIA that @goskit/gosuslugi speaks and @goskit/simulator answers. Facts come from public\nsources: open-source ESIA clients, their issue threads and pages quoting «Методические рекомендации по\nиспользованию ЕСИА». Items not backed by two independent sources are [unconfirmed]; they are modelled\nthe most plausible way and are configurable in the client and simulator:\n`expires_in` is an integer; `refresh_token` is issued only with access_type=offline; REST errors are\nJSON `{ code, message }`. `/aas/oauth2/jwks` is goskit's own endpoint (the real ESIA publishes its\ncertificate on the tech portal instead).\n"
  },
  "servers": [
    {
      "url": "https://esia-portal1.test.gosuslugi.ru",
      "description": "ESIA test stand (ТЕСИА)"
    },
    {
      "url": "https://esia.gosuslugi.ru",
      "description": "ESIA production"
    }
  ],
  "x-goskit-resource-scopes": {
    "person": [
      "fullname",
      "openid",
      "birthdate",
      "gender",
      "snils",
      "inn"
    ],
    "ctts": [
      "contacts",
      "email",
      "mobile"
    ],
    "addrs": [
      "addresses"
    ],
    "docs": [
      "id_doc",
      "medical_doc",
      "military_doc",
      "foreign_passport_doc",
      "drivers_licence_doc",
      "birth_cert_doc"
    ],
    "kids": [
      "kid_fullname",
      "kid_birthdate",
      "kid_snils",
      "kid_birth_cert_doc",
      "kid_gender",
      "kid_inn"
    ],
    "vhls": [
      "vehicles"
    ],
    "roles": [
      "usr_org"
    ],
    "orgs": [
      "usr_org"
    ],
    "org": [
      "usr_org"
    ]
  },
  "paths": {
    "/aas/oauth2/v2/ac": {
      "get": {
        "operationId": "authorize",
        "summary": "Authorization request (v2). Redirects to the login page or back to redirect_uri with an error.",
        "parameters": [
          {
            "name": "client_id",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "client_secret",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "base64url raw GOST R 34.10-2012-256 signature"
          },
          {
            "name": "client_certificate_hash",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[0-9A-Fa-f]{64}$"
            }
          },
          {
            "name": "redirect_uri",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "scope",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "scope_org",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "response_type",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "const": "code"
            }
          },
          {
            "name": "state",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "timestamp",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "yyyy.MM.dd HH:mm:ss ±hhmm"
          },
          {
            "name": "access_type",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "online",
                "offline"
              ]
            }
          },
          {
            "name": "permissions",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "code_challenge",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "code_challenge_method",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "302": {
            "description": "To the login page, or to redirect_uri with `error`, `error_description`, `state`.",
            "headers": {
              "Location": {
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The request cannot be redirected anywhere (no valid redirect_uri).",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/aas/oauth2/ac": {
      "get": {
        "operationId": "authorizeV1",
        "summary": "Legacy v1 authorization request (PKCS#7 client_secret).",
        "responses": {
          "302": {
            "description": "As v2.",
            "headers": {
              "Location": {
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Not redirectable.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/aas/oauth2/v3/te": {
      "post": {
        "operationId": "token",
        "summary": "Token endpoint (authorization_code, refresh_token, client_credentials).",
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
            "description": "Tokens.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TokenResponse"
                }
              }
            }
          },
          "400": {
            "description": "OAuth error.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OAuthError"
                }
              }
            }
          }
        }
      }
    },
    "/aas/oauth2/te": {
      "post": {
        "operationId": "tokenV1",
        "summary": "Legacy v1 token endpoint (PKCS#7 client_secret).",
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
            "description": "Tokens.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TokenResponse"
                }
              }
            }
          },
          "400": {
            "description": "OAuth error.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OAuthError"
                }
              }
            }
          }
        }
      }
    },
    "/aas/oauth2/jwks": {
      "get": {
        "operationId": "keys",
        "summary": "goskit's own — the simulator's token-signing keys (JWKS) and certificates.",
        "responses": {
          "200": {
            "description": "Keys.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KeySet"
                }
              }
            }
          }
        }
      }
    },
    "/idp/ext/Logout": {
      "get": {
        "operationId": "logout",
        "parameters": [
          {
            "name": "client_id",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "redirect_url",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Logged out, no redirect_url.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "302": {
            "description": "To redirect_url.",
            "headers": {
              "Location": {
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/rs/prns/{oid}": {
      "get": {
        "operationId": "getPerson",
        "parameters": [
          {
            "$ref": "#/components/parameters/Oid"
          },
          {
            "$ref": "#/components/parameters/Embed"
          }
        ],
        "responses": {
          "200": {
            "description": "Person.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Person"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/rs/prns/{oid}/{collection}": {
      "get": {
        "operationId": "listCollection",
        "parameters": [
          {
            "$ref": "#/components/parameters/Oid"
          },
          {
            "name": "collection",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "ctts",
                "addrs",
                "docs",
                "kids",
                "vhls",
                "roles",
                "orgs"
              ]
            }
          },
          {
            "$ref": "#/components/parameters/Embed"
          }
        ],
        "responses": {
          "200": {
            "description": "Link collection, or elements inline with embed=(elements).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Collection"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/rs/prns/{oid}/{collection}/{id}": {
      "get": {
        "operationId": "getCollectionElement",
        "parameters": [
          {
            "$ref": "#/components/parameters/Oid"
          },
          {
            "name": "collection",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "enum": [
                "ctts",
                "addrs",
                "docs",
                "kids",
                "vhls",
                "orgs"
              ]
            }
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One element.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Element"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/rs/orgs/{orgOid}": {
      "get": {
        "operationId": "getOrganization",
        "parameters": [
          {
            "name": "orgOid",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Organisation.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Organization"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Oid": {
        "name": "oid",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      },
      "Embed": {
        "name": "embed",
        "in": "query",
        "required": false,
        "schema": {
          "type": "string"
        },
        "description": "(elements) on collections; (contacts.elements,addresses.elements,documents.elements,…) on a person."
      }
    },
    "responses": {
      "Error": {
        "description": "REST error [unconfirmed shape].",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/RestError"
            }
          }
        }
      }
    },
    "schemas": {
      "TokenRequest": {
        "type": "object",
        "required": [
          "client_id",
          "grant_type",
          "client_secret",
          "state",
          "timestamp",
          "token_type"
        ],
        "properties": {
          "client_id": {
            "type": "string"
          },
          "grant_type": {
            "type": "string",
            "enum": [
              "authorization_code",
              "refresh_token",
              "client_credentials"
            ]
          },
          "code": {
            "type": "string"
          },
          "refresh_token": {
            "type": "string"
          },
          "client_certificate_hash": {
            "type": "string"
          },
          "client_secret": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "redirect_uri": {
            "type": "string"
          },
          "scope": {
            "type": "string"
          },
          "scope_org": {
            "type": "string"
          },
          "timestamp": {
            "type": "string"
          },
          "token_type": {
            "type": "string",
            "const": "Bearer"
          },
          "code_verifier": {
            "type": "string"
          }
        }
      },
      "TokenResponse": {
        "type": "object",
        "required": [
          "access_token",
          "state",
          "token_type",
          "expires_in"
        ],
        "properties": {
          "access_token": {
            "type": "string"
          },
          "id_token": {
            "type": "string"
          },
          "refresh_token": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "token_type": {
            "type": "string",
            "const": "Bearer"
          },
          "expires_in": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "OAuthError": {
        "type": "object",
        "required": [
          "error",
          "error_description"
        ],
        "properties": {
          "error": {
            "type": "string"
          },
          "error_description": {
            "type": "string",
            "pattern": "^ESIA-\\d{6}"
          },
          "state": {
            "type": "string"
          }
        }
      },
      "RestError": {
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "KeySet": {
        "type": "object",
        "required": [
          "keys"
        ],
        "properties": {
          "keys": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "kid",
                "alg"
              ],
              "properties": {
                "kid": {
                  "type": "string"
                },
                "alg": {
                  "type": "string",
                  "enum": [
                    "RS256",
                    "GOST3410_2012_256"
                  ]
                },
                "kty": {
                  "type": "string"
                },
                "use": {
                  "type": "string"
                },
                "n": {
                  "type": "string"
                },
                "e": {
                  "type": "string"
                },
                "x5c": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "x5t#St256": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Person": {
        "type": "object",
        "required": [
          "stateFacts",
          "firstName",
          "lastName",
          "trusted",
          "status",
          "eTag"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "firstName": {
            "type": "string"
          },
          "lastName": {
            "type": "string"
          },
          "middleName": {
            "type": "string"
          },
          "birthDate": {
            "type": "string",
            "pattern": "^\\d{2}\\.\\d{2}\\.\\d{4}$"
          },
          "birthPlace": {
            "type": "string"
          },
          "gender": {
            "type": "string",
            "enum": [
              "M",
              "F"
            ]
          },
          "trusted": {
            "type": "boolean"
          },
          "citizenship": {
            "type": "string"
          },
          "snils": {
            "type": "string",
            "pattern": "^\\d{3}-\\d{3}-\\d{3} \\d{2}$"
          },
          "inn": {
            "type": "string",
            "pattern": "^\\d{12}$"
          },
          "updatedOn": {
            "type": "integer"
          },
          "status": {
            "type": "string"
          },
          "verifying": {
            "type": "boolean"
          },
          "rIdDoc": {
            "type": "integer"
          },
          "containsUpCfmCode": {
            "type": "boolean"
          },
          "eTag": {
            "type": "string"
          },
          "contacts": {
            "$ref": "#/components/schemas/Collection"
          },
          "addresses": {
            "$ref": "#/components/schemas/Collection"
          },
          "documents": {
            "$ref": "#/components/schemas/Collection"
          },
          "vehicles": {
            "$ref": "#/components/schemas/Collection"
          },
          "organizations": {
            "$ref": "#/components/schemas/Collection"
          },
          "kids": {
            "$ref": "#/components/schemas/Collection"
          }
        }
      },
      "Collection": {
        "type": "object",
        "required": [
          "stateFacts",
          "size",
          "elements"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "size": {
            "type": "integer",
            "minimum": 0
          },
          "eTag": {
            "type": "string"
          },
          "elements": {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string"
                },
                {
                  "$ref": "#/components/schemas/Element"
                }
              ]
            }
          }
        }
      },
      "Element": {
        "oneOf": [
          {
            "$ref": "#/components/schemas/Contact"
          },
          {
            "$ref": "#/components/schemas/Address"
          },
          {
            "$ref": "#/components/schemas/Document"
          },
          {
            "$ref": "#/components/schemas/Kid"
          },
          {
            "$ref": "#/components/schemas/Vehicle"
          },
          {
            "$ref": "#/components/schemas/Role"
          }
        ]
      },
      "Contact": {
        "type": "object",
        "required": [
          "stateFacts",
          "id",
          "type",
          "vrfStu",
          "value"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "id": {
            "type": "integer"
          },
          "type": {
            "type": "string",
            "enum": [
              "EML",
              "MBT",
              "PHN",
              "CEM",
              "CPH"
            ]
          },
          "vrfStu": {
            "type": "string",
            "enum": [
              "VERIFIED",
              "NOT_VERIFIED"
            ]
          },
          "value": {
            "type": "string"
          },
          "verifyingValue": {
            "type": "string"
          },
          "vrfValStu": {
            "type": "string"
          },
          "isCfmCodeExpired": {
            "type": "boolean"
          },
          "eTag": {
            "type": "string"
          }
        }
      },
      "Address": {
        "type": "object",
        "required": [
          "stateFacts",
          "id",
          "type",
          "addressStr"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "id": {
            "type": "integer"
          },
          "type": {
            "type": "string",
            "enum": [
              "PLV",
              "PRG"
            ]
          },
          "addressStr": {
            "type": "string"
          },
          "fiasCode": {
            "type": "string"
          },
          "countryId": {
            "type": "string"
          },
          "zipCode": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "city": {
            "type": "string"
          },
          "street": {
            "type": "string"
          },
          "house": {
            "type": "string"
          },
          "flat": {
            "type": "string"
          },
          "eTag": {
            "type": "string"
          }
        }
      },
      "Document": {
        "type": "object",
        "required": [
          "stateFacts",
          "id",
          "type",
          "vrfStu"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "id": {
            "type": "integer"
          },
          "type": {
            "type": "string",
            "enum": [
              "RF_PASSPORT",
              "FID_DOC",
              "RF_DRIVING_LICENSE",
              "MLTR_ID",
              "FRGN_PASS",
              "MDCL_PLCY",
              "RF_BRTH_CERT",
              "FID_BRTH_CERT",
              "OLD_BRTH_CERT"
            ]
          },
          "vrfStu": {
            "type": "string",
            "enum": [
              "VERIFIED",
              "NOT_VERIFIED",
              "VERIFYING"
            ]
          },
          "series": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "issueDate": {
            "type": "string",
            "pattern": "^\\d{2}\\.\\d{2}\\.\\d{4}$"
          },
          "issueId": {
            "type": "string"
          },
          "issuedBy": {
            "type": "string"
          },
          "expiryDate": {
            "type": "string"
          },
          "eTag": {
            "type": "string"
          }
        }
      },
      "Kid": {
        "type": "object",
        "required": [
          "stateFacts",
          "id",
          "firstName",
          "lastName",
          "birthDate"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "id": {
            "type": "integer"
          },
          "firstName": {
            "type": "string"
          },
          "lastName": {
            "type": "string"
          },
          "middleName": {
            "type": "string"
          },
          "birthDate": {
            "type": "string",
            "pattern": "^\\d{2}\\.\\d{2}\\.\\d{4}$"
          },
          "gender": {
            "type": "string",
            "enum": [
              "M",
              "F"
            ]
          },
          "snils": {
            "type": "string"
          },
          "documents": {
            "$ref": "#/components/schemas/Collection"
          },
          "eTag": {
            "type": "string"
          }
        }
      },
      "Vehicle": {
        "type": "object",
        "required": [
          "stateFacts",
          "id",
          "numberPlate"
        ],
        "properties": {
          "stateFacts": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "id": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "numberPlate": {
            "type": "string"
          },
          "regCertificate": {
            "type": "object"
          },
          "eTag": {
            "type": "string"
          }
        }
      },
      "Role": {
        "type": "object",
        "required": [
          "oid",
          "fullName",
          "active"
        ],
        "properties": {
          "oid": {
            "type": "integer"
          },
          "prnOid": {
            "type": "integer"
          },
          "fullName": {
            "type": "string"
          },
          "shortName": {
            "type": "string"
          },
          "ogrn": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "chief": {
            "type": "boolean"
          },
          "admin": {
            "type": "boolean"
          },
          "active": {
            "type": "boolean"
          },
          "hasRightOfSubstitution": {
            "type": "boolean"
          },
          "hasApprovalTabAccess": {
            "type": "boolean"
          },
          "isLiquidated": {
            "type": "boolean"
          }
        }
      },
      "Organization": {
        "type": "object",
        "required": [
          "oid",
          "fullName",
          "ogrn"
        ],
        "properties": {
          "oid": {
            "type": "integer"
          },
          "fullName": {
            "type": "string"
          },
          "shortName": {
            "type": "string"
          },
          "ogrn": {
            "type": "string",
            "pattern": "^\\d{13}$"
          },
          "inn": {
            "type": "string",
            "pattern": "^\\d{10}$"
          },
          "kpp": {
            "type": "string"
          },
          "leg": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "eTag": {
            "type": "string"
          }
        }
      }
    }
  }
};
