// Generated from schemas/ediary-data.xsd and schemas/ediary-data.schema.json by
// scripts/embed-ediary-schemas.mjs — do not edit; run `pnpm generate`.
/** The XSD of e-diary data files (goskit's own format, version 1). */
export const EDIARY_DATA_XSD: string = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  School data files for Gosuslugi's e-diary feed: marks, attendance and schedule changes.\n  goskit's OWN format: Gosuslugi publishes no e-diary exchange format; this one is derived from\n  goskit issue 17 and documented in docs/ediary-linking.en.md. Version 1.\n  One file holds one kind of records; the root element names the kind.\n-->\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"\n           xmlns=\"urn:goskit:ediary:1\"\n           targetNamespace=\"urn:goskit:ediary:1\"\n           elementFormDefault=\"qualified\"\n           version=\"1\">\n\n  <xs:simpleType name=\"id\">\n    <xs:annotation><xs:documentation>Идентификатор в системе школы / an id in the school's system</xs:documentation></xs:annotation>\n    <xs:restriction base=\"xs:string\">\n      <xs:pattern value=\"[A-Za-z0-9._:\\-]{1,64}\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"day\">\n    <xs:annotation><xs:documentation>Календарная дата без часового пояса / a calendar date without a time zone</xs:documentation></xs:annotation>\n    <xs:restriction base=\"xs:date\">\n      <xs:pattern value=\"\\d{4}-\\d{2}-\\d{2}\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"lessonNumber\">\n    <xs:restriction base=\"xs:positiveInteger\">\n      <xs:maxInclusive value=\"14\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"subject\">\n    <xs:restriction base=\"xs:string\">\n      <xs:minLength value=\"1\"/>\n      <xs:maxLength value=\"100\"/>\n      <xs:pattern value=\"\\S(.*\\S)?\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"shortText\">\n    <xs:restriction base=\"xs:string\">\n      <xs:minLength value=\"1\"/>\n      <xs:maxLength value=\"120\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"numericMark\">\n    <xs:annotation><xs:documentation>Отметка по пятибалльной шкале / a mark on the five-point scale</xs:documentation></xs:annotation>\n    <xs:restriction base=\"xs:integer\">\n      <xs:minInclusive value=\"1\"/>\n      <xs:maxInclusive value=\"5\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"textMark\">\n    <xs:annotation><xs:documentation>зч зачёт, нз незачёт, н не был, б болел, уп уважительная причина, осв освобождён, на не аттестован</xs:documentation></xs:annotation>\n    <xs:restriction base=\"xs:token\">\n      <xs:enumeration value=\"зч\"/>\n      <xs:enumeration value=\"нз\"/>\n      <xs:enumeration value=\"н\"/>\n      <xs:enumeration value=\"б\"/>\n      <xs:enumeration value=\"уп\"/>\n      <xs:enumeration value=\"осв\"/>\n      <xs:enumeration value=\"на\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"markValue\">\n    <xs:union memberTypes=\"numericMark textMark\"/>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"absenceReason\">\n    <xs:restriction base=\"xs:token\">\n      <xs:enumeration value=\"absent\"/>\n      <xs:enumeration value=\"ill\"/>\n      <xs:enumeration value=\"excused\"/>\n      <xs:enumeration value=\"late\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"scheduleChange\">\n    <xs:restriction base=\"xs:token\">\n      <xs:enumeration value=\"added\"/>\n      <xs:enumeration value=\"changed\"/>\n      <xs:enumeration value=\"moved\"/>\n      <xs:enumeration value=\"cancelled\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"className\">\n    <xs:restriction base=\"xs:string\">\n      <xs:pattern value=\"([1-9]|1[01])[А-ЯЁ]\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"clockTime\">\n    <xs:restriction base=\"xs:string\">\n      <xs:pattern value=\"([01]\\d|2[0-3]):[0-5]\\d\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"academicYear\">\n    <xs:restriction base=\"xs:string\">\n      <xs:pattern value=\"\\d{4}/\\d{4}\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:simpleType name=\"minutes\">\n    <xs:restriction base=\"xs:positiveInteger\">\n      <xs:maxInclusive value=\"600\"/>\n    </xs:restriction>\n  </xs:simpleType>\n\n  <xs:complexType name=\"mark\">\n    <xs:attribute name=\"id\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"pupilId\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"date\" type=\"day\" use=\"required\"/>\n    <xs:attribute name=\"lesson\" type=\"lessonNumber\"/>\n    <xs:attribute name=\"subject\" type=\"subject\" use=\"required\"/>\n    <xs:attribute name=\"value\" type=\"markValue\" use=\"required\"/>\n    <xs:attribute name=\"workType\" type=\"shortText\"/>\n    <xs:attribute name=\"teacher\" type=\"shortText\"/>\n  </xs:complexType>\n\n  <xs:complexType name=\"absence\">\n    <xs:attribute name=\"id\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"pupilId\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"date\" type=\"day\" use=\"required\"/>\n    <xs:attribute name=\"lesson\" type=\"lessonNumber\"/>\n    <xs:attribute name=\"subject\" type=\"subject\"/>\n    <xs:attribute name=\"reason\" type=\"absenceReason\" use=\"required\"/>\n    <xs:attribute name=\"minutes\" type=\"minutes\"/>\n  </xs:complexType>\n\n  <xs:complexType name=\"scheduleLesson\">\n    <xs:attribute name=\"id\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"classId\" type=\"id\" use=\"required\"/>\n    <xs:attribute name=\"className\" type=\"className\"/>\n    <xs:attribute name=\"date\" type=\"day\" use=\"required\"/>\n    <xs:attribute name=\"number\" type=\"lessonNumber\" use=\"required\"/>\n    <xs:attribute name=\"subject\" type=\"subject\" use=\"required\"/>\n    <xs:attribute name=\"change\" type=\"scheduleChange\" use=\"required\"/>\n    <xs:attribute name=\"startsAt\" type=\"clockTime\"/>\n    <xs:attribute name=\"room\" type=\"shortText\"/>\n    <xs:attribute name=\"teacher\" type=\"shortText\"/>\n  </xs:complexType>\n\n  <xs:element name=\"marks\">\n    <xs:complexType>\n      <xs:sequence>\n        <xs:element name=\"mark\" type=\"mark\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n      </xs:sequence>\n      <xs:attribute name=\"schoolId\" type=\"id\" use=\"required\"/>\n      <xs:attribute name=\"academicYear\" type=\"academicYear\"/>\n      <xs:attribute name=\"generatedAt\" type=\"xs:dateTime\" use=\"required\"/>\n    </xs:complexType>\n  </xs:element>\n\n  <xs:element name=\"attendance\">\n    <xs:complexType>\n      <xs:sequence>\n        <xs:element name=\"absence\" type=\"absence\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n      </xs:sequence>\n      <xs:attribute name=\"schoolId\" type=\"id\" use=\"required\"/>\n      <xs:attribute name=\"academicYear\" type=\"academicYear\"/>\n      <xs:attribute name=\"generatedAt\" type=\"xs:dateTime\" use=\"required\"/>\n    </xs:complexType>\n  </xs:element>\n\n  <xs:element name=\"schedule\">\n    <xs:complexType>\n      <xs:sequence>\n        <xs:element name=\"lesson\" type=\"scheduleLesson\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>\n      </xs:sequence>\n      <xs:attribute name=\"schoolId\" type=\"id\" use=\"required\"/>\n      <xs:attribute name=\"academicYear\" type=\"academicYear\"/>\n      <xs:attribute name=\"generatedAt\" type=\"xs:dateTime\" use=\"required\"/>\n    </xs:complexType>\n  </xs:element>\n</xs:schema>\n";

/** The JSON Schema (draft 2020-12) of e-diary data files (goskit's own format, version 1). */
export const EDIARY_DATA_JSON_SCHEMA: Record<string, unknown> = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:goskit:ediary:1:data",
  "title": "School data file for Gosuslugi's e-diary feed (goskit's own format, version 1)",
  "description": "Marks, attendance or schedule changes of one school. goskit's OWN format: Gosuslugi publishes no e-diary exchange format; derived from goskit issue 17 (docs/ediary-linking.en.md). Streaming readers need `kind` before `records`.",
  "type": "object",
  "required": [
    "format",
    "version",
    "kind",
    "schoolId",
    "generatedAt",
    "records"
  ],
  "additionalProperties": false,
  "properties": {
    "format": {
      "const": "goskit-ediary"
    },
    "version": {
      "const": 1
    },
    "kind": {
      "enum": [
        "marks",
        "attendance",
        "schedule"
      ]
    },
    "schoolId": {
      "$ref": "#/$defs/id"
    },
    "academicYear": {
      "type": "string",
      "pattern": "^\\d{4}/\\d{4}$"
    },
    "generatedAt": {
      "type": "string",
      "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$"
    },
    "records": {
      "type": "array"
    }
  },
  "allOf": [
    {
      "if": {
        "properties": {
          "kind": {
            "const": "marks"
          }
        }
      },
      "then": {
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/mark"
            }
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "kind": {
            "const": "attendance"
          }
        }
      },
      "then": {
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/absence"
            }
          }
        }
      }
    },
    {
      "if": {
        "properties": {
          "kind": {
            "const": "schedule"
          }
        }
      },
      "then": {
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/scheduleLesson"
            }
          }
        }
      }
    }
  ],
  "$defs": {
    "id": {
      "type": "string",
      "pattern": "^[A-Za-z0-9._:\\-]{1,64}$"
    },
    "day": {
      "type": "string",
      "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
    },
    "lessonNumber": {
      "type": "integer",
      "minimum": 1,
      "maximum": 14
    },
    "subject": {
      "type": "string",
      "minLength": 1,
      "maxLength": 100,
      "pattern": "^\\S(.*\\S)?$"
    },
    "shortText": {
      "type": "string",
      "minLength": 1,
      "maxLength": 120
    },
    "markValue": {
      "oneOf": [
        {
          "type": "integer",
          "minimum": 1,
          "maximum": 5
        },
        {
          "type": "string",
          "enum": [
            "1",
            "2",
            "3",
            "4",
            "5",
            "зч",
            "нз",
            "н",
            "б",
            "уп",
            "осв",
            "на"
          ]
        }
      ]
    },
    "mark": {
      "type": "object",
      "required": [
        "id",
        "pupilId",
        "date",
        "subject",
        "value"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "$ref": "#/$defs/id"
        },
        "pupilId": {
          "$ref": "#/$defs/id"
        },
        "date": {
          "$ref": "#/$defs/day"
        },
        "lesson": {
          "$ref": "#/$defs/lessonNumber"
        },
        "subject": {
          "$ref": "#/$defs/subject"
        },
        "value": {
          "$ref": "#/$defs/markValue"
        },
        "workType": {
          "$ref": "#/$defs/shortText"
        },
        "teacher": {
          "$ref": "#/$defs/shortText"
        }
      }
    },
    "absence": {
      "type": "object",
      "required": [
        "id",
        "pupilId",
        "date",
        "reason"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "$ref": "#/$defs/id"
        },
        "pupilId": {
          "$ref": "#/$defs/id"
        },
        "date": {
          "$ref": "#/$defs/day"
        },
        "lesson": {
          "$ref": "#/$defs/lessonNumber"
        },
        "subject": {
          "$ref": "#/$defs/subject"
        },
        "reason": {
          "enum": [
            "absent",
            "ill",
            "excused",
            "late"
          ]
        },
        "minutes": {
          "type": "integer",
          "minimum": 1,
          "maximum": 600
        }
      }
    },
    "scheduleLesson": {
      "type": "object",
      "required": [
        "id",
        "classId",
        "date",
        "number",
        "subject",
        "change"
      ],
      "additionalProperties": false,
      "properties": {
        "id": {
          "$ref": "#/$defs/id"
        },
        "classId": {
          "$ref": "#/$defs/id"
        },
        "className": {
          "type": "string",
          "pattern": "^([1-9]|1[01])[А-ЯЁ]$"
        },
        "date": {
          "$ref": "#/$defs/day"
        },
        "number": {
          "$ref": "#/$defs/lessonNumber"
        },
        "subject": {
          "$ref": "#/$defs/subject"
        },
        "change": {
          "enum": [
            "added",
            "changed",
            "moved",
            "cancelled"
          ]
        },
        "startsAt": {
          "type": "string",
          "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$"
        },
        "room": {
          "$ref": "#/$defs/shortText"
        },
        "teacher": {
          "$ref": "#/$defs/shortText"
        }
      }
    }
  }
};
