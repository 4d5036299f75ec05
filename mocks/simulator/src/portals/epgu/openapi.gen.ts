// Generated from packages/gosuslugi/openapi/epgu.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const epguOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "EPGU order API (API ЕПГУ v1.12.1) — goskit contract",
    "version": "0.1.0",
    "description": "Order creation, file push (single and chunked), status polling, cancellation, dictionaries and file\ndownload, per «Спецификация API ЕПГУ v1.12.1» as open-source EPGU clients implement it. EPGU has no\nwebhooks: statuses are polled. Errors are `{ code, message }`; 429 and 502–504 come without a body.\n"
  },
  "servers": [
    {
      "url": "https://svcdev-beta.test.gosuslugi.ru",
      "description": "EPGU test stand"
    },
    {
      "url": "https://lk.gosuslugi.ru",
      "description": "EPGU production"
    }
  ],
  "paths": {
    "/api/gusmev/order": {
      "post": {
        "operationId": "createOrder",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "region",
                  "serviceCode",
                  "targetCode"
                ],
                "properties": {
                  "region": {
                    "type": "string"
                  },
                  "serviceCode": {
                    "type": "string"
                  },
                  "targetCode": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Order created.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "orderId"
                  ],
                  "properties": {
                    "orderId": {
                      "type": "integer"
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
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          },
          "500": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/gusmev/push": {
      "post": {
        "operationId": "push",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "type": "object",
                "required": [
                  "meta",
                  "file"
                ],
                "properties": {
                  "meta": {
                    "type": "string",
                    "description": "JSON with region",
                    "serviceCode": null,
                    "targetCode and optional orderId": null
                  },
                  "file": {
                    "type": "string",
                    "contentMediaType": "application/zip"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Accepted.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "orderId"
                  ],
                  "properties": {
                    "orderId": {
                      "type": "integer"
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
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/gusmev/push/chunked": {
      "post": {
        "operationId": "pushChunk",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "type": "object",
                "required": [
                  "orderId",
                  "chunk",
                  "chunks",
                  "file"
                ],
                "properties": {
                  "meta": {
                    "type": "string"
                  },
                  "orderId": {
                    "type": "string"
                  },
                  "chunk": {
                    "type": "string",
                    "description": "zero-based chunk index"
                  },
                  "chunks": {
                    "type": "string",
                    "description": "total number of chunks"
                  },
                  "file": {
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
            "description": "Last chunk accepted; the archive is complete.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "orderId"
                  ],
                  "properties": {
                    "orderId": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "206": {
            "description": "Chunk accepted; more expected.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "orderId",
                    "chunk",
                    "chunks"
                  ],
                  "properties": {
                    "orderId": {
                      "type": "integer"
                    },
                    "chunk": {
                      "type": "integer"
                    },
                    "chunks": {
                      "type": "integer"
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
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/gusmev/order/{orderId}": {
      "post": {
        "operationId": "getOrder",
        "parameters": [
          {
            "$ref": "#/components/parameters/OrderId"
          }
        ],
        "responses": {
          "200": {
            "description": "Order details; `order` is the order as an escaped JSON string.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "code",
                    "message",
                    "order"
                  ],
                  "properties": {
                    "code": {
                      "type": "string"
                    },
                    "message": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "order": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/gusmev/order/{orderId}/cancel": {
      "post": {
        "operationId": "cancelOrder",
        "parameters": [
          {
            "$ref": "#/components/parameters/OrderId"
          }
        ],
        "responses": {
          "200": {
            "description": "Cancelled.",
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
          "401": {
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/gusmev/order/getUpdatedAfter": {
      "get": {
        "operationId": "getUpdatedAfter",
        "parameters": [
          {
            "name": "pageNum",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "pageSize",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          },
          {
            "name": "updatedAfter",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "YYYY-MM-DDTHH:mm:ss.SSS"
          }
        ],
        "responses": {
          "200": {
            "description": "Status page.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StatusPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/gusmev/order/getOrdersStatus": {
      "get": {
        "operationId": "getOrdersStatus",
        "parameters": [
          {
            "name": "pageNum",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "pageSize",
            "in": "query",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          },
          {
            "name": "orderIds",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "comma-separated ids"
          }
        ],
        "responses": {
          "200": {
            "description": "Status page.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/StatusPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    },
    "/api/nsi/v1/dictionary/{code}": {
      "post": {
        "operationId": "getDictionary",
        "security": [],
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "treeFiltering": {
                    "type": "string"
                  },
                  "pageNum": {
                    "type": "integer"
                  },
                  "pageSize": {
                    "type": "integer"
                  },
                  "parentRefItemValue": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Dictionary items.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "error",
                    "total",
                    "items"
                  ],
                  "properties": {
                    "error": {
                      "type": "object",
                      "properties": {
                        "code": {
                          "type": "integer"
                        },
                        "message": {
                          "type": "string"
                        }
                      }
                    },
                    "total": {
                      "type": "integer"
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "value",
                          "title"
                        ],
                        "properties": {
                          "value": {
                            "type": "string"
                          },
                          "title": {
                            "type": "string"
                          },
                          "isLeaf": {
                            "type": "boolean"
                          }
                        }
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
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/storage/v2/files/{objectId}/{objectType}/download": {
      "get": {
        "operationId": "downloadFile",
        "parameters": [
          {
            "name": "objectId",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "objectType",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "mnemonic",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "File bytes.",
            "content": {
              "application/octet-stream": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Bare"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "$ref": "#/components/responses/Bare"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "OrderId": {
        "name": "orderId",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string",
          "pattern": "^[0-9]+$"
        }
      }
    },
    "responses": {
      "Error": {
        "description": "EPGU error.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Bare": {
        "description": "No body (401, 429, 502–504)."
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
            "description": "access_denied_person_permissions, access_denied_service, access_denied_system, access_denied_user, access_denied_user_legal, bad_delegation, bad_request, cancel_not_allowed, config_delegation, internal_error, limitation_exception, not_found, order_access, push_denied, service_not_found"
          },
          "message": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "StatusPage": {
        "type": "object",
        "required": [
          "count",
          "totalCount",
          "content"
        ],
        "properties": {
          "count": {
            "type": "integer"
          },
          "totalCount": {
            "type": "integer"
          },
          "content": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "orderId",
                "orderSearchStatus",
                "status"
              ],
              "properties": {
                "orderId": {
                  "type": "integer"
                },
                "orderSearchStatus": {
                  "type": "string",
                  "enum": [
                    "FOUND",
                    "NOT_FOUND"
                  ]
                },
                "status": {
                  "oneOf": [
                    {
                      "type": "null"
                    },
                    {
                      "type": "object",
                      "required": [
                        "statusId",
                        "statusName",
                        "updated"
                      ],
                      "properties": {
                        "statusId": {
                          "type": "integer"
                        },
                        "statusName": {
                          "type": "string"
                        },
                        "updated": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                }
              }
            }
          }
        }
      }
    }
  }
};
