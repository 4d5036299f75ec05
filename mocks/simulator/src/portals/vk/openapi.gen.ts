// Generated from mocks/simulator/openapi/vk.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const vkOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "VK API as the goskit simulator serves it (Sferum chats)",
    "version": "5.199",
    "description": "The subset of the VK API a school system needs for Sferum chats, as the `vk` portal of goskit-sim answers it. Every answer is HTTP 200 JSON: `{response}` or `{error: {error_code, error_msg, request_params}}` (VK's schema errors.json messages). Parameters are form-encoded or in the query; `v` and a token (`access_token` or `Authorization: Bearer`) are required. Shapes follow VKCOM's vk-api-schema 5.199 where it says something, the simulator's docs where it does not.\n"
  },
  "servers": [
    {
      "url": "https://api.vk.ru"
    },
    {
      "url": "https://api.vk.com"
    },
    {
      "url": "http://127.0.0.1:4010/vk"
    }
  ],
  "paths": {
    "/method/messages.createChat": {
      "post": {
        "operationId": "messages.createChat",
        "summary": "Creates a chat; `{chat_id, peer_ids}` from v 5.199, the chat id before",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CreateChatEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.editChat": {
      "post": {
        "operationId": "messages.editChat",
        "summary": "Renames a chat (admins)",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/OkEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.getChat": {
      "post": {
        "operationId": "messages.getChat",
        "summary": "A chat (user tokens only)",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/GetChatEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.addChatUser": {
      "post": {
        "operationId": "messages.addChatUser",
        "summary": "Adds a user to a chat (user tokens only)",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/OkEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.removeChatUser": {
      "post": {
        "operationId": "messages.removeChatUser",
        "summary": "Removes a member, or leaves",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/OkEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.getConversationMembers": {
      "post": {
        "operationId": "messages.getConversationMembers",
        "summary": "Members of a chat",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ConversationMembersEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.getConversationsById": {
      "post": {
        "operationId": "messages.getConversationsById",
        "summary": "Conversations by peer id",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ConversationsByIdEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.getConversations": {
      "post": {
        "operationId": "messages.getConversations",
        "summary": "The caller's conversations",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ConversationsEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.getInviteLink": {
      "post": {
        "operationId": "messages.getInviteLink",
        "summary": "The invite link; `reset` rotates it",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/InviteLinkEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/messages.send": {
      "post": {
        "operationId": "messages.send",
        "summary": "Sends a message; the same random_id returns the first message id",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/SendEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/groups.getById": {
      "post": {
        "operationId": "groups.getById",
        "summary": "Communities; `{groups, profiles}` from v 5.194",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/GroupsByIdEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/users.get": {
      "post": {
        "operationId": "users.get",
        "summary": "Users",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/UsersGetEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/calls.start": {
      "post": {
        "operationId": "calls.start",
        "summary": "Starts a call (user tokens only)",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CallStartEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/calls.forceFinish": {
      "post": {
        "operationId": "calls.forceFinish",
        "summary": "Finishes a call (user tokens only)",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/OkEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/execute": {
      "post": {
        "operationId": "execute",
        "summary": "Runs VKScript (≤ 25 API calls); failed inner calls are false and listed in execute_errors",
        "responses": {
          "200": {
            "description": "VK envelope",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ExecuteEnvelope"
                    },
                    {
                      "$ref": "#/components/schemas/ErrorEnvelope"
                    }
                  ]
                }
              }
            }
          }
        }
      }
    },
    "/method/{name}": {
      "post": {
        "operationId": "method.unknown",
        "summary": "Any other method name → 3 «Unknown method passed» (or 8 / 5 before that check)",
        "parameters": [
          {
            "name": "name",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "VK error envelope",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ErrorEnvelope"
                }
              }
            }
          }
        }
      }
    },
    "/captcha.php": {
      "get": {
        "operationId": "captcha.image",
        "summary": "The legacy captcha picture (SVG with the text to send back as captcha_key)",
        "parameters": [
          {
            "name": "sid",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Picture",
            "content": {
              "image/svg+xml": {}
            }
          },
          "404": {
            "description": "No such captcha",
            "content": {
              "text/plain": {}
            }
          }
        }
      }
    },
    "/not_robot_captcha": {
      "get": {
        "operationId": "captcha.page",
        "summary": "The new captcha page («Я не робот»)",
        "parameters": [
          {
            "name": "session_token",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Page",
            "content": {
              "text/html": {}
            }
          },
          "404": {
            "description": "Expired",
            "content": {
              "text/html": {}
            }
          }
        }
      },
      "post": {
        "operationId": "captcha.check",
        "summary": "Passes the captcha; hands out the success_token (JSON when asked for)",
        "responses": {
          "200": {
            "description": "Passed",
            "content": {
              "text/html": {},
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "success_token"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "success_token": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "404": {
            "description": "Expired",
            "content": {
              "text/html": {}
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "CreateChatEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/CreateChat"
          }
        }
      },
      "OkEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/Ok"
          }
        }
      },
      "GetChatEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/GetChat"
          }
        }
      },
      "ConversationMembersEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/ConversationMembers"
          }
        }
      },
      "ConversationsByIdEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/ConversationsById"
          }
        }
      },
      "ConversationsEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/Conversations"
          }
        }
      },
      "InviteLinkEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/InviteLink"
          }
        }
      },
      "SendEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/Send"
          }
        }
      },
      "GroupsByIdEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/GroupsById"
          }
        }
      },
      "UsersGetEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/UsersGet"
          }
        }
      },
      "CallStartEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {
            "$ref": "#/components/schemas/CallStart"
          }
        }
      },
      "ExecuteEnvelope": {
        "type": "object",
        "required": [
          "response"
        ],
        "additionalProperties": false,
        "properties": {
          "response": {},
          "execute_errors": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "object",
              "required": [
                "method",
                "error_code",
                "error_msg"
              ],
              "additionalProperties": false,
              "properties": {
                "method": {
                  "type": "string"
                },
                "error_code": {
                  "type": "integer"
                },
                "error_msg": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "ErrorEnvelope": {
        "type": "object",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "error_code",
              "error_msg",
              "request_params"
            ],
            "additionalProperties": false,
            "properties": {
              "error_code": {
                "type": "integer",
                "minimum": 1
              },
              "error_msg": {
                "type": "string",
                "minLength": 1
              },
              "request_params": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "key",
                    "value"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "key": {
                      "type": "string"
                    },
                    "value": {
                      "type": "string"
                    }
                  }
                }
              },
              "captcha_sid": {
                "type": "string"
              },
              "captcha_img": {
                "type": "string"
              },
              "redirect_uri": {
                "type": "string"
              },
              "remixstlid": {
                "type": "string"
              }
            }
          }
        }
      },
      "Ok": {
        "type": "integer",
        "enum": [
          1
        ]
      },
      "CreateChat": {
        "anyOf": [
          {
            "type": "integer",
            "minimum": 1
          },
          {
            "type": "object",
            "required": [
              "chat_id",
              "peer_ids"
            ],
            "additionalProperties": false,
            "properties": {
              "chat_id": {
                "type": "integer",
                "minimum": 1
              },
              "peer_ids": {
                "type": "array",
                "items": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          }
        ]
      },
      "User": {
        "type": "object",
        "required": [
          "id",
          "first_name",
          "last_name",
          "can_access_closed",
          "is_closed"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": "string"
          },
          "can_access_closed": {
            "type": "boolean"
          },
          "is_closed": {
            "type": "boolean"
          },
          "sex": {
            "type": "integer",
            "enum": [
              0,
              1,
              2
            ]
          },
          "bdate": {
            "type": "string"
          },
          "screen_name": {
            "type": "string"
          },
          "domain": {
            "type": "string"
          },
          "photo_50": {
            "type": "string"
          },
          "photo_100": {
            "type": "string"
          },
          "photo_200": {
            "type": "string"
          }
        }
      },
      "Group": {
        "type": "object",
        "required": [
          "id",
          "name",
          "screen_name",
          "is_closed",
          "type"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "name": {
            "type": "string"
          },
          "screen_name": {
            "type": "string"
          },
          "is_closed": {
            "type": "integer",
            "enum": [
              0,
              1,
              2
            ]
          },
          "type": {
            "type": "string",
            "enum": [
              "group",
              "page",
              "event"
            ]
          },
          "photo_50": {
            "type": "string"
          },
          "photo_100": {
            "type": "string"
          },
          "photo_200": {
            "type": "string"
          },
          "is_admin": {
            "type": "integer",
            "enum": [
              0,
              1
            ]
          },
          "admin_level": {
            "type": "integer",
            "enum": [
              1,
              2,
              3
            ]
          }
        }
      },
      "Chat": {
        "type": "object",
        "required": [
          "type",
          "id",
          "title",
          "admin_id",
          "users",
          "members_count"
        ],
        "additionalProperties": false,
        "properties": {
          "type": {
            "const": "chat"
          },
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "title": {
            "type": "string"
          },
          "admin_id": {
            "type": "integer"
          },
          "members_count": {
            "type": "integer",
            "minimum": 0
          },
          "users": {
            "type": "array",
            "items": {
              "anyOf": [
                {
                  "type": "integer"
                },
                {
                  "$ref": "#/components/schemas/User"
                }
              ]
            }
          }
        }
      },
      "GetChat": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Chat"
          },
          {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Chat"
            }
          }
        ]
      },
      "Member": {
        "type": "object",
        "required": [
          "member_id",
          "invited_by",
          "join_date",
          "is_admin"
        ],
        "additionalProperties": false,
        "properties": {
          "member_id": {
            "type": "integer"
          },
          "invited_by": {
            "type": "integer"
          },
          "join_date": {
            "type": "integer",
            "minimum": 0
          },
          "is_admin": {
            "type": "boolean"
          },
          "is_owner": {
            "type": "boolean"
          },
          "can_kick": {
            "type": "boolean"
          }
        }
      },
      "Profiles": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/User"
        }
      },
      "Groups": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Group"
        }
      },
      "ConversationMembers": {
        "type": "object",
        "required": [
          "count",
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Member"
            }
          },
          "profiles": {
            "$ref": "#/components/schemas/Profiles"
          },
          "groups": {
            "$ref": "#/components/schemas/Groups"
          }
        }
      },
      "Conversation": {
        "type": "object",
        "required": [
          "peer",
          "last_message_id",
          "last_conversation_message_id",
          "in_read",
          "out_read",
          "version"
        ],
        "additionalProperties": false,
        "properties": {
          "peer": {
            "type": "object",
            "required": [
              "id",
              "type"
            ],
            "additionalProperties": false,
            "properties": {
              "id": {
                "type": "integer"
              },
              "type": {
                "type": "string",
                "enum": [
                  "chat",
                  "email",
                  "user",
                  "group"
                ]
              },
              "local_id": {
                "type": "integer"
              }
            }
          },
          "last_message_id": {
            "type": "integer",
            "minimum": 0
          },
          "last_conversation_message_id": {
            "type": "integer",
            "minimum": 0
          },
          "in_read": {
            "type": "integer",
            "minimum": 0
          },
          "out_read": {
            "type": "integer",
            "minimum": 0
          },
          "version": {
            "type": "integer"
          },
          "can_write": {
            "type": "object",
            "required": [
              "allowed"
            ],
            "properties": {
              "allowed": {
                "type": "boolean"
              }
            }
          },
          "chat_settings": {
            "type": "object",
            "required": [
              "owner_id",
              "title",
              "state",
              "acl"
            ],
            "properties": {
              "owner_id": {
                "type": "integer"
              },
              "title": {
                "type": "string"
              },
              "state": {
                "type": "string",
                "enum": [
                  "in",
                  "kicked",
                  "left",
                  "out"
                ]
              },
              "members_count": {
                "type": "integer",
                "minimum": 0
              },
              "admin_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "active_ids": {
                "type": "array",
                "items": {
                  "type": "integer"
                }
              },
              "acl": {
                "type": "object",
                "required": [
                  "can_change_info",
                  "can_change_invite_link",
                  "can_change_pin",
                  "can_invite",
                  "can_promote_users",
                  "can_see_invite_link",
                  "can_moderate",
                  "can_copy_chat",
                  "can_call",
                  "can_use_mass_mentions"
                ],
                "additionalProperties": {
                  "type": "boolean"
                }
              }
            }
          }
        }
      },
      "ConversationsById": {
        "type": "object",
        "required": [
          "count",
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Conversation"
            }
          },
          "profiles": {
            "$ref": "#/components/schemas/Profiles"
          },
          "groups": {
            "$ref": "#/components/schemas/Groups"
          }
        }
      },
      "Message": {
        "type": "object",
        "required": [
          "id",
          "conversation_message_id",
          "peer_id",
          "from_id",
          "date",
          "text"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1
          },
          "conversation_message_id": {
            "type": "integer",
            "minimum": 0
          },
          "peer_id": {
            "type": "integer"
          },
          "from_id": {
            "type": "integer"
          },
          "date": {
            "type": "integer"
          },
          "text": {
            "type": "string"
          },
          "random_id": {
            "type": "integer"
          }
        }
      },
      "Conversations": {
        "type": "object",
        "required": [
          "count",
          "items"
        ],
        "additionalProperties": false,
        "properties": {
          "count": {
            "type": "integer",
            "minimum": 0
          },
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "conversation"
              ],
              "additionalProperties": false,
              "properties": {
                "conversation": {
                  "$ref": "#/components/schemas/Conversation"
                },
                "last_message": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "profiles": {
            "$ref": "#/components/schemas/Profiles"
          },
          "groups": {
            "$ref": "#/components/schemas/Groups"
          }
        }
      },
      "InviteLink": {
        "type": "object",
        "required": [
          "link"
        ],
        "additionalProperties": false,
        "properties": {
          "link": {
            "type": "string",
            "pattern": "^https://vk\\.me/join/[A-Za-z0-9_]+$"
          }
        }
      },
      "Send": {
        "anyOf": [
          {
            "type": "integer",
            "minimum": 1
          },
          {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "peer_id"
              ],
              "additionalProperties": false,
              "properties": {
                "peer_id": {
                  "type": "integer"
                },
                "message_id": {
                  "type": "integer",
                  "minimum": 1
                },
                "conversation_message_id": {
                  "type": "integer",
                  "minimum": 1
                },
                "error": {
                  "type": "object",
                  "required": [
                    "code",
                    "description"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "code": {
                      "type": "integer"
                    },
                    "description": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        ]
      },
      "GroupsById": {
        "anyOf": [
          {
            "type": "object",
            "required": [
              "groups",
              "profiles"
            ],
            "additionalProperties": false,
            "properties": {
              "groups": {
                "$ref": "#/components/schemas/Groups"
              },
              "profiles": {
                "type": "array"
              }
            }
          },
          {
            "$ref": "#/components/schemas/Groups"
          }
        ]
      },
      "UsersGet": {
        "$ref": "#/components/schemas/Profiles"
      },
      "CallStart": {
        "type": "object",
        "required": [
          "call_id",
          "join_link"
        ],
        "additionalProperties": false,
        "properties": {
          "call_id": {
            "type": "string",
            "minLength": 36,
            "maxLength": 36
          },
          "join_link": {
            "type": "string",
            "pattern": "^https://vk\\.com/call/join/"
          }
        }
      }
    }
  }
};
