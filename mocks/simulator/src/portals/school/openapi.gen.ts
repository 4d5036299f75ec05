// Generated from mocks/simulator/openapi/school.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
export const schoolOpenApi: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Демо школа (goskit demo portal)",
    "version": "1.0.0",
    "description": "goskit's own demo portal — NOT a real government or school portal. It serves read-only views of the simulator's demo data («Демо школа») so a vendor starting goskit-sim sees something real.\n"
  },
  "servers": [
    {
      "url": "https://school.goskit.test"
    },
    {
      "url": "http://127.0.0.1:4010/school"
    }
  ],
  "paths": {
    "/school": {
      "get": {
        "operationId": "school.get",
        "summary": "The organisation",
        "responses": {
          "200": {
            "description": "Organisation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/School"
                }
              }
            }
          }
        }
      }
    },
    "/classes": {
      "get": {
        "operationId": "classes.list",
        "summary": "Classes of the school",
        "responses": {
          "200": {
            "description": "Classes",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "total"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "total": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ClassSummary"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/classes/{id}": {
      "get": {
        "operationId": "classes.get",
        "parameters": [
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
            "description": "One class",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClassSummary"
                }
              }
            }
          },
          "404": {
            "description": "No such class",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/classes/{id}/students": {
      "get": {
        "operationId": "classes.students",
        "parameters": [
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
            "description": "Students of a class",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "classId",
                    "items",
                    "total"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "classId": {
                      "type": "string"
                    },
                    "total": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Student"
                      }
                    }
                  }
                }
              }
            }
          },
          "404": {
            "description": "No such class",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/personas": {
      "get": {
        "operationId": "personas.list",
        "summary": "Demo people a vendor can log in as (no secrets)",
        "parameters": [
          {
            "name": "role",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "parent",
                "teacher",
                "admin",
                "student"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Personas",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "total"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "total": {
                      "type": "integer",
                      "minimum": 0
                    },
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Persona"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "Unknown role",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/personas/{id}": {
      "get": {
        "operationId": "personas.get",
        "parameters": [
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
            "description": "One persona",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Persona"
                }
              }
            }
          },
          "404": {
            "description": "No such persona",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "School": {
        "type": "object",
        "required": [
          "oid",
          "shortName",
          "fullName",
          "ogrn",
          "inn",
          "kpp",
          "address",
          "classes",
          "students",
          "visits"
        ],
        "additionalProperties": false,
        "properties": {
          "oid": {
            "type": "string",
            "pattern": "^\\d+$"
          },
          "shortName": {
            "type": "string"
          },
          "fullName": {
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
            "type": "string",
            "pattern": "^\\d{9}$"
          },
          "address": {
            "type": "string"
          },
          "classes": {
            "type": "integer",
            "minimum": 0
          },
          "students": {
            "type": "integer",
            "minimum": 0
          },
          "visits": {
            "type": "integer",
            "minimum": 1,
            "description": "How many times this endpoint was read since the last reset (makes it a stateful GET)."
          }
        }
      },
      "ClassSummary": {
        "type": "object",
        "required": [
          "id",
          "name",
          "grade",
          "letter",
          "teacher",
          "students"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "grade": {
            "type": "integer",
            "minimum": 1,
            "maximum": 11
          },
          "letter": {
            "type": "string"
          },
          "teacher": {
            "type": "object",
            "required": [
              "id",
              "name"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            }
          },
          "students": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Student": {
        "type": "object",
        "required": [
          "id",
          "lastName",
          "firstName",
          "middleName",
          "birthDate",
          "gender"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "lastName": {
            "type": "string"
          },
          "firstName": {
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
          }
        }
      },
      "Persona": {
        "type": "object",
        "required": [
          "id",
          "role",
          "oid",
          "lastName",
          "firstName",
          "middleName",
          "login"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "parent",
              "teacher",
              "admin",
              "student"
            ]
          },
          "oid": {
            "type": "string",
            "pattern": "^\\d+$"
          },
          "lastName": {
            "type": "string"
          },
          "firstName": {
            "type": "string"
          },
          "middleName": {
            "type": "string"
          },
          "login": {
            "type": "string"
          },
          "children": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "organisations": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "oid",
                "role",
                "title"
              ],
              "properties": {
                "oid": {
                  "type": "string"
                },
                "ogrn": {
                  "type": "string"
                },
                "role": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Error": {
        "type": "object",
        "required": [
          "error",
          "message"
        ],
        "properties": {
          "error": {
            "type": "string"
          },
          "message": {
            "type": "string"
          }
        }
      }
    }
  }
};
