// Generated from packages/sferum/openapi/max.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const maxOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "MAX Bot API — goskit contract",
    "version": "0.1.0",
    "description": "The MAX Bot API as goskit speaks it: the subset a school bot uses (bot info, chats, members and\nadmins, messages, callback answers, two-step uploads, webhook subscriptions, long polling), after\nmax-messenger/api-schema `schema.yaml` 0.0.33. Paths carry no version; the token goes in\n`Authorization` as it is (no `Bearer`); errors are `{ code, message }` (`verify.token`,\n`chat.denied`, `attachment.not.ready`, `proto.payload`, `too.many.requests`, `not.found`).\n`GET /chats` (list) has been unsupported since June 2026: a bot learns chat ids from `bot_added`\nupdates. Adding members is restricted since 09.09.2026; what exactly is restricted is not published:\ngoskit reports the refusal as `add.participant.restricted` (its own code).\nThe upload endpoint (`/fileupload/{uploadId}`) stands for the URL `POST /uploads` returns.\n"
  },
  "servers": [
    {
      "url": "https://platform-api2.max.ru",
      "description": "MAX Bot API (mandatory since 19.07.2026)"
    },
    {
      "url": "https://platform-api.max.ru",
      "description": "Legacy host (until July 2026)"
    }
  ],
  "security": [
    {
      "access_token": []
    }
  ],
  "paths": {
    "/me": {
      "get": {
        "operationId": "bot.me",
        "summary": "The bot itself.",
        "responses": {
          "200": {
            "description": "Bot info.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BotInfo"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats": {
      "get": {
        "operationId": "chats.list",
        "summary": "Removed in June 2026 (a switch of the simulator can bring the legacy list back).",
        "parameters": [
          {
            "name": "count",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          },
          {
            "name": "marker",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Legacy list of the bot's chats.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "chats",
                    "marker"
                  ],
                  "properties": {
                    "chats": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Chat"
                      }
                    },
                    "marker": {
                      "type": [
                        "integer",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "get": {
        "operationId": "chats.get",
        "responses": {
          "200": {
            "description": "The chat.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Chat"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "chats.edit",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ChatPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The chat after the change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Chat"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/actions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "post": {
        "operationId": "chats.action",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "action"
                ],
                "properties": {
                  "action": {
                    "$ref": "#/components/schemas/SenderAction"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/pin": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "get": {
        "operationId": "chats.pin.get",
        "responses": {
          "200": {
            "description": "The pinned message, or null.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "message"
                  ],
                  "properties": {
                    "message": {
                      "anyOf": [
                        {
                          "$ref": "#/components/schemas/Message"
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
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "operationId": "chats.pin.set",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "message_id"
                ],
                "properties": {
                  "message_id": {
                    "type": "string"
                  },
                  "notify": {
                    "type": "boolean",
                    "description": "Default true."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "chats.pin.delete",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/members/me": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "get": {
        "operationId": "chats.membership",
        "responses": {
          "200": {
            "description": "The bot as a member of the chat.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChatMember"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "chats.leave",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/members": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "get": {
        "operationId": "members.list",
        "parameters": [
          {
            "name": "user_ids",
            "in": "query",
            "description": "Comma-separated user ids; overrides count and marker.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "marker",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "count",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "description": "Default 20."
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of members.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "members",
                    "marker"
                  ],
                  "properties": {
                    "members": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ChatMember"
                      }
                    },
                    "marker": {
                      "type": [
                        "integer",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "members.add",
        "description": "Needs admin rights with `add_remove_members`; not for channels. Users that could not be added are\nlisted, the call still answers 200 (`success: false` when none was added).\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "user_ids"
                ],
                "properties": {
                  "user_ids": {
                    "type": "array",
                    "items": {
                      "type": "integer"
                    },
                    "minItems": 1,
                    "maxItems": 100
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Who was added and who was not.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AddMembersResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "members.remove",
        "description": "The user id goes in the query (schema) or in a JSON body `{ user_id, block }` (TS SDK).",
        "parameters": [
          {
            "name": "user_id",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "block",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/members/admins": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        }
      ],
      "get": {
        "operationId": "admins.list",
        "responses": {
          "200": {
            "description": "The chat's admins.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "members"
                  ],
                  "properties": {
                    "members": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ChatMember"
                      }
                    },
                    "marker": {
                      "type": [
                        "integer",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "admins.add",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "admins"
                ],
                "properties": {
                  "admins": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 100,
                    "items": {
                      "$ref": "#/components/schemas/ChatAdmin"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/chats/{chatId}/members/admins/{userId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChatId"
        },
        {
          "name": "userId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer"
          }
        }
      ],
      "delete": {
        "operationId": "admins.remove",
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/messages": {
      "get": {
        "operationId": "messages.list",
        "description": "Newest first. In a group the bot must be an admin with `read_all_messages`.",
        "parameters": [
          {
            "name": "chat_id",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "message_ids",
            "in": "query",
            "description": "Comma-separated mids.",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "after",
            "in": "query",
            "description": "Timestamp, ms (alias: from).",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "before",
            "in": "query",
            "description": "Timestamp, ms (alias: to).",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "count",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "description": "Default 50."
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Messages.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "messages"
                  ],
                  "properties": {
                    "messages": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Message"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "messages.send",
        "description": "Exactly one of `chat_id` and `user_id`.",
        "parameters": [
          {
            "name": "chat_id",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "user_id",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "disable_link_preview",
            "in": "query",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewMessageBody"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The message as sent.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "message"
                  ],
                  "properties": {
                    "message": {
                      "$ref": "#/components/schemas/Message"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "operationId": "messages.edit",
        "description": "`attachments: null` keeps the attachments, `[]` removes them all.",
        "parameters": [
          {
            "name": "message_id",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewMessageBody"
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "messages.delete",
        "parameters": [
          {
            "name": "message_id",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/messages/{messageId}": {
      "parameters": [
        {
          "name": "messageId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "operationId": "messages.get",
        "responses": {
          "200": {
            "description": "The message.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/answers": {
      "post": {
        "operationId": "answers.send",
        "parameters": [
          {
            "name": "callback_id",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "message": {
                    "$ref": "#/components/schemas/NewMessageBody"
                  },
                  "notification": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/uploads": {
      "post": {
        "operationId": "uploads.url",
        "description": "Step 1 of an upload. `type=photo` is no longer accepted.",
        "parameters": [
          {
            "name": "type",
            "in": "query",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/UploadType"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Where to send the file; video and audio get their token here.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "url"
                  ],
                  "properties": {
                    "url": {
                      "type": "string"
                    },
                    "token": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/fileupload/{uploadId}": {
      "parameters": [
        {
          "name": "uploadId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "operationId": "uploads.upload",
        "description": "Step 2, multipart with the field `data`. Needs no token (the URL is the permission).",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "type": "object",
                "required": [
                  "data"
                ],
                "properties": {
                  "data": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Images: `{ photos: { <key>: { token } } }`; files: `{ fileId, token }`; video/audio: `{ token }`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UploadResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/subscriptions": {
      "get": {
        "operationId": "subscriptions.list",
        "responses": {
          "200": {
            "description": "Webhook subscriptions.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "subscriptions"
                  ],
                  "properties": {
                    "subscriptions": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Subscription"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "subscriptions.add",
        "description": "https only, port 443, no self-signed certificates (since 25.05.2026).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "url"
                ],
                "properties": {
                  "url": {
                    "type": "string"
                  },
                  "secret": {
                    "type": "string",
                    "minLength": 5,
                    "maxLength": 256,
                    "pattern": "^[A-Za-z0-9_-]+$"
                  },
                  "update_types": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/UpdateType"
                    }
                  },
                  "version": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "subscriptions.delete",
        "parameters": [
          {
            "name": "url",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "$ref": "#/components/responses/Success"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/updates": {
      "get": {
        "operationId": "updates.get",
        "description": "Long polling. Passing `marker` commits every earlier update. Refused (405) while a webhook\nsubscription exists. The minimum interval between polls is 300 ms.\n",
        "parameters": [
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "description": "Default 100."
            }
          },
          {
            "name": "timeout",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 90,
              "description": "Seconds, default 30."
            }
          },
          {
            "name": "marker",
            "in": "query",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "types",
            "in": "query",
            "description": "Comma-separated update types.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Updates after the marker and the marker to send next.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "updates",
                    "marker"
                  ],
                  "properties": {
                    "updates": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Update"
                      }
                    },
                    "marker": {
                      "type": [
                        "integer",
                        "null"
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "405": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "access_token": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "The bot's token as it is, without `Bearer`."
      }
    },
    "parameters": {
      "ChatId": {
        "name": "chatId",
        "in": "path",
        "required": true,
        "description": "Group chats have negative ids, e.g. -70000000000005.",
        "schema": {
          "type": "integer"
        }
      }
    },
    "responses": {
      "Error": {
        "description": "`{ code, message }`.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Success": {
        "description": "`{ success }` (and a message when it is false).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/SimpleQueryResult"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "verify.token, chat.denied, attachment.not.ready, proto.payload, not.found, too.many.requests, method.not.allowed…"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "SimpleQueryResult": {
        "type": "object",
        "required": [
          "success"
        ],
        "properties": {
          "success": {
            "type": "boolean"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "User": {
        "type": "object",
        "required": [
          "user_id",
          "first_name",
          "is_bot",
          "last_activity_time"
        ],
        "properties": {
          "user_id": {
            "type": "integer",
            "format": "int64"
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": [
              "string",
              "null"
            ]
          },
          "username": {
            "type": [
              "string",
              "null"
            ]
          },
          "is_bot": {
            "type": "boolean"
          },
          "last_activity_time": {
            "type": "integer",
            "format": "int64",
            "description": "Epoch ms."
          },
          "name": {
            "type": [
              "string",
              "null"
            ],
            "deprecated": true
          }
        }
      },
      "BotCommand": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "BotInfo": {
        "allOf": [
          {
            "$ref": "#/components/schemas/User"
          },
          {
            "type": "object",
            "properties": {
              "description": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "avatar_url": {
                "type": "string"
              },
              "full_avatar_url": {
                "type": "string"
              },
              "commands": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/BotCommand"
                    }
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            }
          }
        ]
      },
      "ChatAdminPermission": {
        "type": "string",
        "enum": [
          "read_all_messages",
          "add_remove_members",
          "add_admins",
          "change_chat_info",
          "pin_message",
          "edit_link",
          "write",
          "edit",
          "delete",
          "can_call",
          "view_stats"
        ]
      },
      "ChatMember": {
        "allOf": [
          {
            "$ref": "#/components/schemas/User"
          },
          {
            "type": "object",
            "required": [
              "last_access_time",
              "is_owner",
              "is_admin",
              "join_time"
            ],
            "properties": {
              "last_access_time": {
                "type": "integer",
                "format": "int64"
              },
              "is_owner": {
                "type": "boolean"
              },
              "is_admin": {
                "type": "boolean"
              },
              "join_time": {
                "type": "integer",
                "format": "int64"
              },
              "permissions": {
                "anyOf": [
                  {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/ChatAdminPermission"
                    }
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "alias": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          }
        ]
      },
      "ChatAdmin": {
        "type": "object",
        "required": [
          "user_id",
          "permissions"
        ],
        "properties": {
          "user_id": {
            "type": "integer"
          },
          "permissions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChatAdminPermission"
            }
          },
          "alias": {
            "type": "string",
            "maxLength": 64
          }
        }
      },
      "AddMembersResult": {
        "type": "object",
        "required": [
          "success"
        ],
        "properties": {
          "success": {
            "type": "boolean"
          },
          "message": {
            "type": "string"
          },
          "failed_user_ids": {
            "type": "array",
            "items": {
              "type": "integer"
            }
          },
          "failed_user_details": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "error_code",
                "user_ids"
              ],
              "properties": {
                "error_code": {
                  "type": "string",
                  "description": "add.participant.privacy, add.participant.not.found, add.participant.restricted (goskit's name for the 09.2026 restriction)."
                },
                "user_ids": {
                  "type": "array",
                  "items": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        }
      },
      "ChatType": {
        "type": "string",
        "enum": [
          "dialog",
          "chat",
          "channel"
        ]
      },
      "ChatStatus": {
        "type": "string",
        "enum": [
          "active",
          "removed",
          "left",
          "closed",
          "suspended"
        ]
      },
      "Image": {
        "type": "object",
        "required": [
          "url"
        ],
        "properties": {
          "url": {
            "type": "string"
          }
        }
      },
      "Chat": {
        "type": "object",
        "required": [
          "chat_id",
          "type",
          "status",
          "last_event_time",
          "participants_count",
          "is_public"
        ],
        "properties": {
          "chat_id": {
            "type": "integer",
            "format": "int64"
          },
          "type": {
            "$ref": "#/components/schemas/ChatType"
          },
          "status": {
            "$ref": "#/components/schemas/ChatStatus"
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "icon": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Image"
              },
              {
                "type": "null"
              }
            ]
          },
          "last_event_time": {
            "type": "integer",
            "format": "int64"
          },
          "participants_count": {
            "type": "integer"
          },
          "owner_id": {
            "type": [
              "integer",
              "null"
            ]
          },
          "is_public": {
            "type": "boolean"
          },
          "link": {
            "type": [
              "string",
              "null"
            ],
            "description": "Read-only; no endpoint creates or resets it."
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "dialog_with_user": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/User"
              },
              {
                "type": "null"
              }
            ]
          },
          "messages_count": {
            "type": [
              "integer",
              "null"
            ]
          },
          "chat_message_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "pinned_message": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Message"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ChatPatch": {
        "type": "object",
        "properties": {
          "icon": {
            "type": "object",
            "properties": {
              "url": {
                "type": "string"
              },
              "token": {
                "type": "string"
              }
            }
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 16000
          },
          "pin": {
            "type": "string"
          },
          "notify": {
            "type": "boolean",
            "description": "Default true."
          }
        }
      },
      "SenderAction": {
        "type": "string",
        "enum": [
          "typing_on",
          "sending_photo",
          "sending_video",
          "sending_audio",
          "sending_file",
          "mark_seen"
        ]
      },
      "Recipient": {
        "type": "object",
        "required": [
          "chat_type"
        ],
        "properties": {
          "chat_id": {
            "type": [
              "integer",
              "null"
            ]
          },
          "chat_type": {
            "$ref": "#/components/schemas/ChatType"
          },
          "user_id": {
            "type": [
              "integer",
              "null"
            ]
          }
        }
      },
      "Attachment": {
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "image, video, audio, file, sticker, contact, inline_keyboard, location, share"
          },
          "payload": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "AttachmentRequest": {
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string"
          },
          "payload": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "MessageBody": {
        "type": "object",
        "required": [
          "mid",
          "seq"
        ],
        "properties": {
          "mid": {
            "type": "string",
            "description": "mid.<hex>"
          },
          "seq": {
            "type": "integer",
            "format": "int64"
          },
          "text": {
            "type": [
              "string",
              "null"
            ]
          },
          "attachments": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Attachment"
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "markup": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": true
                }
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "LinkedMessage": {
        "type": "object",
        "required": [
          "type",
          "message"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "forward",
              "reply"
            ]
          },
          "sender": {
            "$ref": "#/components/schemas/User"
          },
          "chat_id": {
            "type": "integer"
          },
          "message": {
            "$ref": "#/components/schemas/MessageBody"
          }
        }
      },
      "Message": {
        "type": "object",
        "required": [
          "recipient",
          "timestamp",
          "body"
        ],
        "properties": {
          "sender": {
            "$ref": "#/components/schemas/User"
          },
          "recipient": {
            "$ref": "#/components/schemas/Recipient"
          },
          "timestamp": {
            "type": "integer",
            "format": "int64",
            "description": "Epoch ms."
          },
          "link": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/LinkedMessage"
              },
              {
                "type": "null"
              }
            ]
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody"
          },
          "url": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "NewMessageLink": {
        "type": "object",
        "required": [
          "type",
          "mid"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "forward",
              "reply"
            ]
          },
          "mid": {
            "type": "string"
          }
        }
      },
      "NewMessageBody": {
        "type": "object",
        "properties": {
          "text": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 4000
          },
          "attachments": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/AttachmentRequest"
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "link": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/NewMessageLink"
              },
              {
                "type": "null"
              }
            ]
          },
          "notify": {
            "type": "boolean",
            "description": "Default true."
          },
          "format": {
            "anyOf": [
              {
                "type": "string",
                "enum": [
                  "markdown",
                  "html"
                ]
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "UploadType": {
        "type": "string",
        "enum": [
          "image",
          "video",
          "audio",
          "file"
        ]
      },
      "UploadResult": {
        "type": "object",
        "properties": {
          "token": {
            "type": "string"
          },
          "fileId": {
            "type": "integer"
          },
          "photos": {
            "type": "object",
            "additionalProperties": {
              "type": "object",
              "required": [
                "token"
              ],
              "properties": {
                "token": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Subscription": {
        "type": "object",
        "required": [
          "url",
          "time"
        ],
        "properties": {
          "url": {
            "type": "string"
          },
          "time": {
            "type": "integer",
            "format": "int64",
            "description": "When it was created, epoch ms."
          },
          "update_types": {
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/UpdateType"
                }
              },
              {
                "type": "null"
              }
            ]
          },
          "version": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "UpdateType": {
        "type": "string",
        "enum": [
          "message_created",
          "message_callback",
          "message_edited",
          "message_removed",
          "bot_added",
          "bot_removed",
          "user_added",
          "user_removed",
          "bot_started",
          "bot_stopped",
          "chat_title_changed",
          "dialog_muted",
          "dialog_unmuted",
          "dialog_cleared",
          "dialog_removed",
          "message_chat_created",
          "bot_admin_permissions_changed"
        ]
      },
      "Callback": {
        "type": "object",
        "required": [
          "timestamp",
          "callback_id",
          "user"
        ],
        "properties": {
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "callback_id": {
            "type": "string"
          },
          "payload": {
            "type": [
              "string",
              "null"
            ]
          },
          "user": {
            "$ref": "#/components/schemas/User"
          }
        }
      },
      "MessageCreatedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "message"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "message_created"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "message": {
            "$ref": "#/components/schemas/Message"
          },
          "user_locale": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "MessageCallbackUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "callback"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "message_callback"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "callback": {
            "$ref": "#/components/schemas/Callback"
          },
          "message": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Message"
              },
              {
                "type": "null"
              }
            ]
          },
          "user_locale": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "MessageEditedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "message"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "message_edited"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "message": {
            "$ref": "#/components/schemas/Message"
          }
        }
      },
      "MessageRemovedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "message_id",
          "chat_id",
          "user_id"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "message_removed"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "message_id": {
            "type": "string"
          },
          "chat_id": {
            "type": "integer"
          },
          "user_id": {
            "type": "integer"
          }
        }
      },
      "BotAddedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "bot_added"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer",
            "description": "The chat the bot was added to."
          },
          "user": {
            "$ref": "#/components/schemas/User",
            "description": "Who added the bot."
          },
          "is_channel": {
            "type": "boolean"
          }
        }
      },
      "BotRemovedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "bot_removed"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "is_channel": {
            "type": "boolean"
          }
        }
      },
      "UserAddedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "user_added"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "inviter_id": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Who added the user; null when they joined by link."
          },
          "is_channel": {
            "type": "boolean"
          }
        }
      },
      "UserRemovedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "user_removed"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "admin_id": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Who removed the user; null when they left."
          },
          "is_channel": {
            "type": "boolean"
          }
        }
      },
      "BotStartedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "bot_started"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "payload": {
            "type": [
              "string",
              "null"
            ]
          },
          "user_locale": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "BotStoppedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "bot_stopped"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          }
        }
      },
      "ChatTitleChangedUpdate": {
        "type": "object",
        "required": [
          "update_type",
          "timestamp",
          "chat_id",
          "user",
          "title"
        ],
        "properties": {
          "update_type": {
            "type": "string",
            "enum": [
              "chat_title_changed"
            ]
          },
          "timestamp": {
            "type": "integer",
            "format": "int64"
          },
          "chat_id": {
            "type": "integer"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "title": {
            "type": "string"
          }
        }
      },
      "Update": {
        "description": "One event; `update_type` tells which. Types goskit does not model are passed on as they are.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/MessageCreatedUpdate"
          },
          {
            "$ref": "#/components/schemas/MessageCallbackUpdate"
          },
          {
            "$ref": "#/components/schemas/MessageEditedUpdate"
          },
          {
            "$ref": "#/components/schemas/MessageRemovedUpdate"
          },
          {
            "$ref": "#/components/schemas/BotAddedUpdate"
          },
          {
            "$ref": "#/components/schemas/BotRemovedUpdate"
          },
          {
            "$ref": "#/components/schemas/UserAddedUpdate"
          },
          {
            "$ref": "#/components/schemas/UserRemovedUpdate"
          },
          {
            "$ref": "#/components/schemas/BotStartedUpdate"
          },
          {
            "$ref": "#/components/schemas/BotStoppedUpdate"
          },
          {
            "$ref": "#/components/schemas/ChatTitleChangedUpdate"
          }
        ],
        "discriminator": {
          "propertyName": "update_type",
          "mapping": {
            "message_created": "#/components/schemas/MessageCreatedUpdate",
            "message_callback": "#/components/schemas/MessageCallbackUpdate",
            "message_edited": "#/components/schemas/MessageEditedUpdate",
            "message_removed": "#/components/schemas/MessageRemovedUpdate",
            "bot_added": "#/components/schemas/BotAddedUpdate",
            "bot_removed": "#/components/schemas/BotRemovedUpdate",
            "user_added": "#/components/schemas/UserAddedUpdate",
            "user_removed": "#/components/schemas/UserRemovedUpdate",
            "bot_started": "#/components/schemas/BotStartedUpdate",
            "bot_stopped": "#/components/schemas/BotStoppedUpdate",
            "chat_title_changed": "#/components/schemas/ChatTitleChangedUpdate"
          }
        }
      }
    }
  }
};
