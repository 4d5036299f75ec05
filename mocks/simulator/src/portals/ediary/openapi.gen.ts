// Generated from packages/gosuslugi/openapi/ediary.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const ediaryOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Gosuslugi e-diary feed — goskit's OWN contract",
    "version": "0.1.0",
    "description": "Linking a school e-diary to a parent's Gosuslugi account and sending the school's records\n(marks, attendance, schedule changes, events) to Gosuslugi. Gosuslugi publishes no vendor-facing\ne-diary API: this contract is goskit's own, derived from goskit issue 17, and the simulator\nserves it (`/ediary` of goskit-sim). Errors are `{ code, message }`.\n\n- A parent's calls carry the parent's ESIA access token; the system's calls a client-credentials\n  token with the scope `http://ediary-feed.goskit.test/records`.\n- A connection is known by school and parent: POST /connections again answers the same\n  connection (`created: false`) and sends no second notice.\n- Batches need an `Idempotency-Key`: the same key with the same body answers the stored result\n  (`replayed: true`); with another body, 422 `idempotency_key_reused`. A record id already applied\n  (by any batch) is reported `duplicate` and not applied twice.\n"
  },
  "servers": [
    {
      "url": "https://ediary-feed.goskit.test",
      "description": "goskit simulator (MSW), primary"
    },
    {
      "url": "https://ediary-feed-backup.goskit.test",
      "description": "goskit simulator (MSW), backup sharing the primary's state"
    }
  ],
  "paths": {
    "/api/ediary/v1/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness probe for failover.",
        "responses": {
          "200": {
            "description": "The feed answers.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status",
                    "time"
                  ],
                  "properties": {
                    "status": {
                      "const": "ok"
                    },
                    "time": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/ediary/v1/connections": {
      "post": {
        "operationId": "connections.create",
        "summary": "Links the parent's Gosuslugi account to the school's e-diary (idempotent by school + parent).",
        "security": [
          {
            "parent": []
          }
        ],
        "parameters": [
          {
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Accepted and not needed — the call is idempotent by school and parent; clients send one so generic retry loops repeat it.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "schoolId",
                  "pupils"
                ],
                "additionalProperties": false,
                "properties": {
                  "schoolId": {
                    "$ref": "#/components/schemas/Id"
                  },
                  "schoolTitle": {
                    "type": "string",
                    "maxLength": 200
                  },
                  "pupils": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 20,
                    "items": {
                      "$ref": "#/components/schemas/LinkedPupil"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The connection existed already; pupils updated.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Connection"
                }
              }
            }
          },
          "201": {
            "description": "Connection created; the parent is notified («Связь успешно установлена»).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Connection"
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
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/ediary/v1/connections/{connectionId}": {
      "parameters": [
        {
          "name": "connectionId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "operationId": "connections.get",
        "security": [
          {
            "parent": []
          },
          {
            "system": []
          }
        ],
        "responses": {
          "200": {
            "description": "The connection.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Connection"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "operationId": "connections.delete",
        "summary": "Unlinks (the parent, or the system that linked). The parent is notified.",
        "security": [
          {
            "parent": []
          },
          {
            "system": []
          }
        ],
        "responses": {
          "204": {
            "description": "Unlinked."
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
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/ediary/v1/schools/{schoolId}/linked-pupils": {
      "parameters": [
        {
          "name": "schoolId",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "operationId": "linkedPupils.list",
        "summary": "The school's pupils some parent linked (the system's own connections).",
        "security": [
          {
            "system": []
          }
        ],
        "responses": {
          "200": {
            "description": "Linked pupils.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "schoolId",
                    "pupils"
                  ],
                  "properties": {
                    "schoolId": {
                      "type": "string"
                    },
                    "pupils": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "pupilId"
                        ],
                        "properties": {
                          "pupilId": {
                            "type": "string"
                          },
                          "classId": {
                            "type": "string"
                          }
                        }
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
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/ediary/v1/batches": {
      "post": {
        "operationId": "batches.create",
        "summary": "Records of one kind, applied once per record id; the parents of linked pupils are notified.",
        "security": [
          {
            "system": []
          }
        ],
        "parameters": [
          {
            "name": "Idempotency-Key",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "schoolId",
                  "kind",
                  "records"
                ],
                "additionalProperties": false,
                "properties": {
                  "schoolId": {
                    "$ref": "#/components/schemas/Id"
                  },
                  "kind": {
                    "enum": [
                      "marks",
                      "attendance",
                      "schedule",
                      "events"
                    ]
                  },
                  "records": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 1000,
                    "description": "Records as in schemas/ediary-data.schema.json (`$defs`), or events.",
                    "items": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Per-record results (also when replayed).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchResult"
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
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/ediary/v1/deviation-reports": {
      "post": {
        "operationId": "deviationReports.create",
        "summary": "The summary of a checked file's deviations; the school's administrator is notified.",
        "security": [
          {
            "system": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "schoolId",
                  "file",
                  "checkedAt",
                  "records",
                  "accepted",
                  "refused",
                  "skipped",
                  "deviations",
                  "byCode"
                ],
                "properties": {
                  "schoolId": {
                    "$ref": "#/components/schemas/Id"
                  },
                  "file": {
                    "type": "string",
                    "maxLength": 200
                  },
                  "format": {
                    "enum": [
                      "xml",
                      "json"
                    ]
                  },
                  "kind": {
                    "enum": [
                      "marks",
                      "attendance",
                      "schedule"
                    ]
                  },
                  "checkedAt": {
                    "type": "string"
                  },
                  "records": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "accepted": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "refused": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "skipped": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "deviations": {
                    "type": "integer",
                    "minimum": 0
                  },
                  "byCode": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    }
                  },
                  "fatal": {
                    "oneOf": [
                      {
                        "type": "null"
                      },
                      {
                        "type": "object",
                        "required": [
                          "code",
                          "line"
                        ],
                        "properties": {
                          "code": {
                            "type": "string"
                          },
                          "line": {
                            "type": "integer"
                          }
                        }
                      }
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "202": {
            "description": "Accepted; the administrator is notified.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "reportId",
                    "notified"
                  ],
                  "properties": {
                    "reportId": {
                      "type": "string"
                    },
                    "notified": {
                      "type": "integer",
                      "minimum": 0
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
          "429": {
            "$ref": "#/components/responses/Error"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          },
          "503": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "parent": {
        "type": "http",
        "scheme": "bearer",
        "description": "The parent's ESIA access token (they signed in with Gosuslugi)."
      },
      "system": {
        "type": "http",
        "scheme": "bearer",
        "description": "The school system's ESIA client-credentials token with the feed scope."
      }
    },
    "responses": {
      "Error": {
        "description": "`{ code, message }`",
        "content": {
          "application/json": {
            "schema": {
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
            }
          }
        }
      }
    },
    "schemas": {
      "Id": {
        "type": "string",
        "pattern": "^[A-Za-z0-9._:-]{1,64}$"
      },
      "LinkedPupil": {
        "type": "object",
        "required": [
          "pupilId",
          "kidId",
          "by"
        ],
        "properties": {
          "pupilId": {
            "$ref": "#/components/schemas/Id"
          },
          "kidId": {
            "type": "string",
            "pattern": "^\\d{1,20}$"
          },
          "classId": {
            "$ref": "#/components/schemas/Id"
          },
          "by": {
            "enum": [
              "snils",
              "name-birthdate"
            ]
          }
        }
      },
      "Connection": {
        "type": "object",
        "required": [
          "connectionId",
          "schoolId",
          "parentOid",
          "linkedAt",
          "updatedAt",
          "created",
          "pupils"
        ],
        "properties": {
          "connectionId": {
            "type": "string"
          },
          "schoolId": {
            "type": "string"
          },
          "parentOid": {
            "type": "string"
          },
          "linkedAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "created": {
            "type": "boolean"
          },
          "pupils": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LinkedPupil"
            }
          }
        }
      },
      "RecordResult": {
        "type": "object",
        "required": [
          "id",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "status": {
            "enum": [
              "accepted",
              "rejected",
              "duplicate"
            ]
          },
          "code": {
            "type": "string"
          },
          "message": {
            "type": "string"
          }
        }
      },
      "BatchResult": {
        "type": "object",
        "required": [
          "batchId",
          "idempotencyKey",
          "replayed",
          "received",
          "accepted",
          "rejected",
          "duplicates",
          "results"
        ],
        "properties": {
          "batchId": {
            "type": "string"
          },
          "idempotencyKey": {
            "type": "string"
          },
          "replayed": {
            "type": "boolean"
          },
          "received": {
            "type": "integer",
            "minimum": 0
          },
          "accepted": {
            "type": "integer",
            "minimum": 0
          },
          "rejected": {
            "type": "integer",
            "minimum": 0
          },
          "duplicates": {
            "type": "integer",
            "minimum": 0
          },
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordResult"
            }
          }
        }
      }
    }
  }
};
