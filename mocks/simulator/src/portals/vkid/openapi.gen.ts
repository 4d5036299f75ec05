// Generated from mocks/simulator/openapi/vkid.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const vkidOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "VK ID as the goskit simulator serves it",
    "version": "1.0.0",
    "description": "VK ID (OAuth 2.1 + PKCE) as the `vkid` portal of goskit-sim answers it: the authorization request, the sign-in pages (account, profile with the «Учебный профиль», «Информация о себе»), the token endpoint (authorization_code, refresh_token), user_info, public_info and logout. Errors of the oauth2 endpoints are OAuth's `{error, error_description, state?}`.\n"
  },
  "servers": [
    {
      "url": "https://id.vk.ru"
    },
    {
      "url": "https://id.vk.com"
    },
    {
      "url": "http://127.0.0.1:4010/vkid"
    }
  ],
  "paths": {
    "/authorize": {
      "get": {
        "operationId": "authorize",
        "summary": "Authorization request; 302 to the sign-in page, or to the redirect URI with an OAuth error",
        "responses": {
          "302": {
            "description": "To the sign-in page or back with an error"
          },
          "400": {
            "description": "Unknown client or redirect URI — an error page, never a redirect",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/auth": {
      "get": {
        "operationId": "login.page",
        "responses": {
          "200": {
            "description": "Sign-in page",
            "content": {
              "text/html": {}
            }
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      },
      "post": {
        "operationId": "login.submit",
        "responses": {
          "302": {
            "description": "To the profile chooser"
          },
          "400": {
            "$ref": "#/components/responses/BadForm"
          },
          "401": {
            "description": "No such account (the page again)",
            "content": {
              "text/html": {}
            }
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/auth/profile": {
      "get": {
        "operationId": "profile.page",
        "responses": {
          "200": {
            "description": "Profile chooser",
            "content": {
              "text/html": {}
            }
          },
          "302": {
            "description": "Back to sign-in"
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      },
      "post": {
        "operationId": "profile.submit",
        "responses": {
          "302": {
            "description": "To the data access page"
          },
          "400": {
            "$ref": "#/components/responses/BadForm"
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/auth/consent": {
      "get": {
        "operationId": "consent.page",
        "responses": {
          "200": {
            "description": "«Информация о себе»",
            "content": {
              "text/html": {}
            }
          },
          "302": {
            "description": "Back to the profile chooser"
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      },
      "post": {
        "operationId": "consent.submit",
        "responses": {
          "302": {
            "description": "To the redirect URI with code",
            "state": null,
            "device_id": null,
            "type": null,
            "expires_in (or an error)": null
          },
          "400": {
            "$ref": "#/components/responses/BadForm"
          },
          "404": {
            "description": "Unknown or expired login",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    },
    "/oauth2/auth": {
      "post": {
        "operationId": "token",
        "summary": "Token endpoint (authorization_code with PKCE and device_id; refresh_token with rotation)",
        "responses": {
          "200": {
            "description": "Tokens",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Tokens"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/OAuthError"
          },
          "401": {
            "$ref": "#/components/responses/OAuthError"
          }
        }
      }
    },
    "/oauth2/user_info": {
      "post": {
        "operationId": "user_info",
        "responses": {
          "200": {
            "description": "The signed-in person",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "user"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "user": {
                      "$ref": "#/components/schemas/UserInfo"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/OAuthError"
          },
          "401": {
            "$ref": "#/components/responses/OAuthError"
          }
        }
      }
    },
    "/oauth2/public_info": {
      "post": {
        "operationId": "public_info",
        "responses": {
          "200": {
            "description": "The public part of the person behind an id_token",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "user"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "user": {
                      "$ref": "#/components/schemas/PublicUser"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/OAuthError"
          },
          "401": {
            "$ref": "#/components/responses/OAuthError"
          }
        }
      }
    },
    "/oauth2/logout": {
      "post": {
        "operationId": "logout",
        "responses": {
          "200": {
            "description": "Signed out",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "response"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "response": {
                      "const": 1
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/OAuthError"
          },
          "401": {
            "$ref": "#/components/responses/OAuthError"
          }
        }
      }
    }
  },
  "components": {
    "responses": {
      "OAuthError": {
        "description": "OAuth error",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/OAuthError"
            }
          }
        }
      },
      "BadForm": {
        "description": "A form that is not a form, or a choice the page refuses",
        "content": {
          "text/html": {},
          "application/json": {
            "schema": {
              "type": "object",
              "required": [
                "error",
                "field",
                "rule",
                "message"
              ],
              "properties": {
                "error": {
                  "const": "bad_request"
                },
                "field": {
                  "type": "string"
                },
                "rule": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "schemas": {
      "OAuthError": {
        "type": "object",
        "required": [
          "error",
          "error_description"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "string",
            "enum": [
              "invalid_request",
              "invalid_client",
              "invalid_grant",
              "unauthorized_client",
              "unsupported_grant_type",
              "unsupported_response_type",
              "invalid_scope",
              "invalid_token",
              "access_denied"
            ]
          },
          "error_description": {
            "type": "string"
          },
          "state": {
            "type": "string"
          }
        }
      },
      "Tokens": {
        "type": "object",
        "required": [
          "access_token",
          "refresh_token",
          "id_token",
          "token_type",
          "expires_in",
          "user_id",
          "scope"
        ],
        "additionalProperties": false,
        "properties": {
          "access_token": {
            "type": "string",
            "pattern": "^vk2\\.a\\."
          },
          "refresh_token": {
            "type": "string",
            "pattern": "^vk2\\.a\\."
          },
          "id_token": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"
          },
          "token_type": {
            "const": "Bearer"
          },
          "expires_in": {
            "type": "integer",
            "minimum": 1
          },
          "user_id": {
            "type": "integer",
            "minimum": 1
          },
          "state": {
            "type": "string"
          },
          "scope": {
            "type": "string"
          }
        }
      },
      "PublicUser": {
        "type": "object",
        "required": [
          "user_id",
          "first_name",
          "last_name",
          "avatar"
        ],
        "additionalProperties": false,
        "properties": {
          "user_id": {
            "type": "string",
            "pattern": "^[0-9]+$"
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": "string"
          },
          "avatar": {
            "type": "string"
          },
          "sex": {
            "type": "integer",
            "enum": [
              0,
              1,
              2
            ]
          },
          "verified": {
            "type": "boolean"
          }
        }
      },
      "UserInfo": {
        "type": "object",
        "required": [
          "user_id",
          "first_name",
          "last_name",
          "avatar",
          "sex",
          "birthday"
        ],
        "additionalProperties": false,
        "properties": {
          "user_id": {
            "type": "string",
            "pattern": "^[0-9]+$"
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": "string"
          },
          "middle_name": {
            "type": "string"
          },
          "avatar": {
            "type": "string"
          },
          "sex": {
            "type": "integer",
            "enum": [
              0,
              1,
              2
            ]
          },
          "verified": {
            "type": "boolean"
          },
          "birthday": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "phone": {
            "type": "string"
          }
        }
      }
    }
  }
};
