// Generated from packages/gosuslugi/openapi/epgu.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const epguOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "EPGU order API (API ЕПГУ v1.12.1) — goskit contract",
    "version": "0.1.0",
    "description": "Order creation, file push (single and chunked), status polling, cancellation, dictionaries and file\ndownload, per «Спецификация API ЕПГУ v1.12.1» as the production client go-api-epgu speaks it. EPGU has\nno webhooks: statuses are polled. Errors (Приложение 4): 400, 403, 409 and 500 carry `{ code, message }`;\n204 («Заявление не найдено»), 401, 429 and 502–504 come without a body. The token must carry the\nperson's APIPGU consent (ESIA `permissions`), else 403 access_denied_person_permissions.\n"
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
          "204": {
            "$ref": "#/components/responses/NotFound"
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
                "description": "The spec's example and production clients (go-api-epgu ≥ 0.5.0) send no `meta` on chunks; its Таблица 10 marks it required. `chunk` and `chunks` may be left out when the archive goes in one chunk (footnote 5).",
                "required": [
                  "orderId",
                  "file"
                ],
                "properties": {
                  "orderId": {
                    "type": "string"
                  },
                  "file": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream"
                  },
                  "chunk": {
                    "type": "string",
                    "description": "zero-based chunk index"
                  },
                  "chunks": {
                    "type": "string",
                    "description": "total number of chunks"
                  },
                  "meta": {
                    "type": "string",
                    "description": "optional JSON {region, serviceCode, targetCode}; must match the order"
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
          "204": {
            "$ref": "#/components/responses/NotFound"
          },
          "206": {
            "description": "Chunk accepted; more expected.",
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
                      "type": "string",
                      "description": "'OK' in real answers"
                    },
                    "message": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "messageId": {
                      "type": "string",
                      "description": "[undocumented] a GUID, seen in real answers"
                    },
                    "order": {
                      "type": "string",
                      "description": "the order (components.schemas.Order) as an escaped JSON string"
                    }
                  }
                }
              }
            }
          },
          "204": {
            "$ref": "#/components/responses/NotFound"
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
    "/api/gusmev/order/{orderId}/cancel": {
      "post": {
        "operationId": "cancelOrder",
        "parameters": [
          {
            "$ref": "#/components/parameters/OrderId"
          },
          {
            "name": "reason",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "[undocumented] the real API has asked for it; kept as the status's comment"
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
          "204": {
            "$ref": "#/components/responses/NotFound"
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
            "description": "YYYY-MM-DDTHH:mm:ss.SSS in UTC (footnote 6)"
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
            "description": "Dictionary items (error.code 0), or an NSI error with error.code ≠ 0 (7 «Entity not found» for an unknown code) and no items.",
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
                      "required": [
                        "code",
                        "message"
                      ],
                      "properties": {
                        "code": {
                          "type": "integer"
                        },
                        "message": {
                          "type": "string"
                        }
                      }
                    },
                    "fieldErrors": {
                      "type": "array",
                      "items": {
                        "type": "object"
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
                          "parentValue": {
                            "type": [
                              "string",
                              "null"
                            ]
                          },
                          "title": {
                            "type": "string"
                          },
                          "isLeaf": {
                            "type": "boolean"
                          },
                          "children": {
                            "type": "array",
                            "items": {
                              "type": "object"
                            }
                          },
                          "attributes": {
                            "type": "array",
                            "items": {
                              "type": "object"
                            }
                          },
                          "source": {
                            "type": [
                              "string",
                              "null"
                            ]
                          },
                          "attributeValues": {
                            "type": "object"
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
          },
          "429": {
            "$ref": "#/components/responses/Bare"
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
        "description": "objectType 2 with objectId = the order id downloads a file of the pushed archive; objectType 3 with objectId = the currentStatusHistoryId of the result status downloads the result (spec 4). A file's `link` (terrabyte://…/{objectId}/{mnemonic}/{objectType}) names all three.",
        "responses": {
          "200": {
            "description": "File bytes, with the file's MIME type.",
            "content": {
              "application/*": {
                "schema": {
                  "type": "string",
                  "contentMediaType": "application/octet-stream"
                }
              },
              "image/*": {
                "schema": {
                  "type": "string"
                }
              },
              "text/*": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "204": {
            "$ref": "#/components/responses/NotFound"
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
          },
          "500": {
            "$ref": "#/components/responses/Error"
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
      },
      "NotFound": {
        "description": "«Заявление не найдено» (Приложение 4) — no body."
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
                          "type": "string",
                          "description": "YYYY-MM-DDTHH:mm:ss.SSS in UTC"
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
      "Order": {
        "type": "object",
        "description": "The order object of getOrder, sent as an escaped JSON string in `order` (spec 2.4, Таблица 28): the 98 fields of the spec's example (5.5); descriptions from Таблица 28, \"[undocumented]\" for fields the example carries and the table does not.",
        "required": [
          "id",
          "orderStatusId",
          "orderStatusName",
          "statuses",
          "currentStatusHistory",
          "currentStatusHistoryId",
          "updated",
          "closed",
          "hasResult",
          "orderAttachmentFiles",
          "orderResponseFiles",
          "eserviceId",
          "serviceTargetId",
          "orderDate",
          "ownerId",
          "userId"
        ],
        "properties": {
          "orderType": {
            "type": "string",
            "description": "Тип заявления"
          },
          "smevTx": {
            "type": "string",
            "description": "Код транзакции СМЭВ3"
          },
          "hasEmpowerment2021": {
            "type": "boolean",
            "description": "Флаг наличия делегирования"
          },
          "smevMessageId": {
            "type": "string",
            "description": "Идентификатор СМЭВ-сообщения от ведомства, сменившего статус"
          },
          "formVersion": {
            "type": "string",
            "description": "Версия"
          },
          "ownerId": {
            "type": "integer",
            "description": "Идентификатор пользователя"
          },
          "notifySms": {
            "type": "string",
            "description": "Флаг необходимости уведомления о смене статуса через СМС"
          },
          "hasTimestamp": {
            "type": "boolean",
            "description": "Флаг timestamp"
          },
          "orderStatusName": {
            "type": "string",
            "description": "Наименование статуса заявления"
          },
          "portalName": {
            "type": "string",
            "description": "Наименование портала"
          },
          "paymentRequired": {
            "type": "boolean",
            "description": "Флаг наличия оплаты"
          },
          "id": {
            "type": "integer",
            "description": "Номер заявления"
          },
          "signCnt": {
            "type": "integer",
            "description": "Кол-во подписей, для заявлений от нескольких заявителей"
          },
          "childrenSigned": {
            "type": "boolean",
            "description": "Флаг подписи дочерних заявлений"
          },
          "stateOrgStatusCode": {
            "type": "string",
            "description": "Код ведомственного статуса"
          },
          "inviteToEqueueUrl": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "statusColorCode": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "orderStatusId": {
            "type": "integer",
            "description": "Код статуса заявления"
          },
          "withCustomResult": {
            "type": "boolean",
            "description": "Признак необходимости отображения кнопки в Деталях заявления услуги"
          },
          "hasNoPaidPayment": {
            "type": "boolean",
            "description": "Флаг наличия оплаченного платежа"
          },
          "servicePassportId": {
            "type": "string",
            "description": "Идентификатор паспорта услуги"
          },
          "routingCode": {
            "type": "string",
            "description": "Код маршрутизации СМЭВ-сообщения в ведомство"
          },
          "sourceSystem": {
            "type": "string",
            "description": "Наименование системы от куда было подано заявление"
          },
          "stateOrgStatusName": {
            "type": "string",
            "description": "Наименование ведомственного статуса"
          },
          "serviceUrl": {
            "type": "string",
            "description": "Ссылка на заявление"
          },
          "serviceEpguId": {
            "type": "string",
            "description": "Идентификатор цели услуги ЕПГУ"
          },
          "edsStatus": {
            "type": "string",
            "description": "Идентификатор статуса проверки ЭП"
          },
          "allowToDelete": {
            "type": "boolean",
            "description": "Флаг удаления заявки"
          },
          "requestDate": {
            "type": "string",
            "description": "Метка даты и времени запроса"
          },
          "complexMode": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "stateOrgCode": {
            "type": "string",
            "description": "Сокращенное наименование ведомства"
          },
          "personType": {
            "type": "string",
            "description": "Тип пользователя"
          },
          "serviceTargetId": {
            "type": "string",
            "description": "Идентификатор цели"
          },
          "orderPayments": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Информация о платежах"
          },
          "orderResponseFiles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OrderResponseFile"
            },
            "description": "Информация о файлах в ответе заявления"
          },
          "hasResult": {
            "type": "boolean",
            "description": "Флаг передачи файла в ответ на заявление"
          },
          "userId": {
            "type": "integer",
            "description": "Идентификатор пользователя"
          },
          "allowToEdit": {
            "type": "boolean",
            "description": "Флаг редактирования заявления"
          },
          "closed": {
            "type": "boolean",
            "description": "Флаг наличия финального статуса"
          },
          "readyToSign": {
            "type": "boolean",
            "description": "Для ЮЛ, для подписания заявки, Маркер ожидания УКЭП"
          },
          "currentStatusHistory": {
            "$ref": "#/components/schemas/OrderStatus",
            "description": "История статуса"
          },
          "infoMessages": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Информация о сообщениях"
          },
          "notifyEmail": {
            "type": "string",
            "description": "Флаг необходимости уведомления о смене статуса через сообщение на эл. почту"
          },
          "paymentCount": {
            "type": "integer",
            "description": "Количество платежей"
          },
          "draftHidden": {
            "type": "boolean",
            "description": "Признак скрытия черновика"
          },
          "stateStructureId": {
            "type": "string",
            "description": "Код ведомства"
          },
          "hasNewStatus": {
            "type": "boolean",
            "description": "Флаг нового статуса для заявления"
          },
          "stateOrgId": {
            "type": "integer",
            "description": "Код ведомства"
          },
          "redirectUrl": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "hasChildren": {
            "type": "boolean",
            "description": "Флаг наличия дочерних заявлений"
          },
          "stateStructureName": {
            "type": "string",
            "description": "Наименование ведомства"
          },
          "portalCode": {
            "type": "string",
            "description": "Код портала"
          },
          "esepOperationId": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "orderAttributeEvents": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Атрибуты событий для заявления"
          },
          "notifyPush": {
            "type": "string",
            "description": "Флаг необходимости уведомления о смене статуса через push-сообщение"
          },
          "eserviceId": {
            "type": "string",
            "description": "Идентификатор формы заявления"
          },
          "currentStatusHistoryId": {
            "type": "integer",
            "description": "Идентификатор статуса заявления"
          },
          "linkToOrderForm": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "extOrderUrl": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "paymentStatusEvents": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Статус событий при оплате"
          },
          "payback": {
            "type": "boolean",
            "description": "Служебный параметр"
          },
          "readyToPush": {
            "type": "boolean",
            "description": "Служебный параметр"
          },
          "admLevelCode": {
            "type": "string",
            "description": "Уровень услуги (региональный/федеральный)"
          },
          "formPrefilling": {
            "type": "boolean",
            "description": "[undocumented] seen in the spec's example"
          },
          "allFileSign": {
            "type": "boolean",
            "description": "Флаг наличия ЭП для файлов"
          },
          "orgUserName": {
            "type": "string",
            "description": "Наименование организации пользователя"
          },
          "noPaidPaymentCount": {
            "type": "integer",
            "description": "Количество неоплаченных платежей"
          },
          "creationMode": {
            "type": "string",
            "description": "Режим создания"
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "[undocumented] seen in the spec's example"
          },
          "powerMnemonic": {
            "type": "string",
            "description": "Мнемоника полномочия, с которым подается заявление"
          },
          "statuses": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OrderStatus"
            },
            "description": "Статусы заявления"
          },
          "orderDate": {
            "type": "string",
            "description": "Дата и время создания заявления"
          },
          "updated": {
            "type": "string",
            "description": "Дата и время обновления статуса заявления"
          },
          "checkQueue": {
            "type": "boolean",
            "description": "Флаг проверки очереди"
          },
          "withDelivery": {
            "type": "boolean",
            "description": "Флаг доставки"
          },
          "gisdo": {
            "type": "boolean",
            "description": "Признак подключенности ведомства к ФГИС ДО"
          },
          "userSelectedRegion": {
            "type": "string",
            "description": "Код ОКАТО местоположения пользователя"
          },
          "description": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "eQueueEvents": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Массив объектов eQueueEvent"
          },
          "hasActiveInviteToEqueue": {
            "type": "boolean",
            "description": "Флаг записи на прием"
          },
          "multRegion": {
            "type": "boolean",
            "description": "Признак регионозависимости"
          },
          "extSystem": {
            "type": "boolean",
            "description": "Признак, что создано внешней системой (через сервис ЕЛК)"
          },
          "useAsTemplate": {
            "type": "boolean",
            "description": "Флаг черновика заявления"
          },
          "qrlink": {
            "$ref": "#/components/schemas/OrderQrLink",
            "description": ""
          },
          "hasPreviewPdf": {
            "type": "boolean",
            "description": "Флаг наличия пдф"
          },
          "testUser": {
            "type": "boolean",
            "description": "Флаг тестового пользователя"
          },
          "textMessages": {
            "type": "array",
            "items": {
              "type": "object"
            },
            "description": "Информация о сообщениях"
          },
          "unreadMessageCnt": {
            "type": "integer",
            "description": "Кол-во непрочитанных сообщений"
          },
          "parentOrderStateStructureName": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "cr_uin": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "infSysCode": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "serviceName": {
            "type": "string",
            "description": "Наименование цели"
          },
          "deprecatedService": {
            "type": "boolean",
            "description": "Признак, что услуга больше не заказывается"
          },
          "hubForm": {
            "type": "boolean",
            "description": "Признак, что форма-концентратор"
          },
          "extOrderId": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "orderAttachmentFiles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/OrderAttachmentFile"
            },
            "description": "Файлы заявления, отправленные пользователем"
          },
          "online": {
            "type": "boolean",
            "description": "Признак, онлайн услуга или нет"
          },
          "location": {
            "type": "string",
            "description": "Код уровня услуги"
          }
        }
      },
      "OrderStatus": {
        "type": "object",
        "description": "An element of `statuses` and the `currentStatusHistory` (fields of the spec's example).",
        "required": [
          "id",
          "statusId",
          "title",
          "date",
          "orderId",
          "finalStatus",
          "cancelAllowed",
          "hasResult"
        ],
        "properties": {
          "date": {
            "type": "string",
            "description": "Дата и время смены статуса (2022-07-25T13:01:52.121+0300)"
          },
          "cancelAllowed": {
            "type": "boolean",
            "description": "Флаг возможности отменить заявление"
          },
          "unreadEvent": {
            "type": "boolean",
            "description": "Признак прочтения"
          },
          "deliveryCancelAllowed": {
            "type": "boolean",
            "description": "Флаг наличия отмены доставки"
          },
          "finalStatus": {
            "type": "boolean",
            "description": "Флаг финального статуса"
          },
          "orderId": {
            "type": "integer",
            "description": "Номер заявления"
          },
          "stateOrgStatusCode": {
            "type": "string",
            "description": "Код ведомственного статуса"
          },
          "author": {
            "type": "string",
            "description": "[undocumented] seen in the spec's example"
          },
          "hasResult": {
            "type": "string",
            "description": "Флаг передачи файла в ответ на заявление: Y or N"
          },
          "stateOrgStatusDescr": {
            "type": "string",
            "description": "Наименование ведомственного статуса"
          },
          "title": {
            "type": "string",
            "description": "Наименование статуса"
          },
          "mfcFinalStatus": {
            "type": "boolean",
            "description": "[undocumented] seen in the spec's example"
          },
          "sendMessageAllowed": {
            "type": "boolean",
            "description": "Признак разрешения отправки сообщения"
          },
          "statusId": {
            "type": "integer",
            "description": "Код статуса"
          },
          "editAllowed": {
            "type": "boolean",
            "description": "Признак редактирования"
          },
          "sender": {
            "type": "string",
            "description": "Отправитель СМЭВ-сообщения о смене статуса"
          },
          "mnemonic": {
            "type": "string",
            "description": "Мнемоника ИС отправителя"
          },
          "comment": {
            "type": "string",
            "description": "Комментарий к статусу"
          },
          "id": {
            "type": "integer",
            "description": "Идентификатор статуса"
          }
        }
      },
      "OrderAttachmentFile": {
        "type": "object",
        "required": [
          "fileName",
          "fileSize",
          "link",
          "id",
          "mimeType",
          "hasDigitalSignature",
          "type"
        ],
        "properties": {
          "fileName": {
            "type": "string",
            "description": "Название файла"
          },
          "fileSize": {
            "type": "integer",
            "description": "Размер файла"
          },
          "link": {
            "type": "string",
            "description": "Ссылка на файл в хранилище: terrabyte://00/{orderId}/{fileName}/2"
          },
          "id": {
            "type": "string",
            "description": "Идентификатор файла: {orderId}/files/{base64url(fileName)}"
          },
          "mimeType": {
            "type": "string",
            "description": "MIME-тип"
          },
          "hasDigitalSignature": {
            "type": "boolean",
            "description": "Наличие подписи"
          },
          "type": {
            "type": "string",
            "description": "Тип: REQUEST, ATTACHMENT"
          }
        }
      },
      "OrderResponseFile": {
        "type": "object",
        "required": [
          "fileName",
          "fileSize",
          "link",
          "id",
          "mimeType",
          "hasDigitalSignature"
        ],
        "properties": {
          "hasAltMimeType": {
            "type": "boolean",
            "description": "Флаг наличия альтернативного MIME-типа"
          },
          "fileName": {
            "type": "string",
            "description": "Наименование файла"
          },
          "edsStatus": {
            "type": "string",
            "description": "Статус проверки ЭП в EDS"
          },
          "fileSize": {
            "type": "integer",
            "description": "Размер файла"
          },
          "link": {
            "type": "string",
            "description": "Ссылка на файл в TERRABYTE: terrabyte://00/{statusHistoryId}/{fileName}/3"
          },
          "id": {
            "type": "string",
            "description": "Идентификатор файла"
          },
          "mimeType": {
            "type": "string",
            "description": "MIME-тип файла"
          },
          "hasDigitalSignature": {
            "type": "boolean",
            "description": "Флаг наличия ЭП к файлу"
          }
        }
      },
      "OrderQrLink": {
        "type": "object",
        "properties": {
          "hasAltMimeType": {
            "type": "boolean"
          },
          "fileName": {
            "type": "string"
          },
          "edsStatus": {
            "type": "string"
          },
          "fileSize": {
            "type": "integer"
          },
          "canSentToMFC": {
            "type": "boolean"
          },
          "link": {
            "type": "string"
          },
          "id": {
            "type": "string"
          },
          "mimeType": {
            "type": "string"
          },
          "hasDigitalSignature": {
            "type": "boolean"
          },
          "additionalName": {
            "type": "string"
          }
        }
      }
    }
  }
};
