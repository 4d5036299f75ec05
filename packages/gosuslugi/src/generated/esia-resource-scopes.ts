// Generated from packages/gosuslugi/openapi/esia.yaml by scripts/generate-contracts.mjs — do not edit; run `pnpm generate`.
/** Which scopes open which ESIA REST resource (any one suffices): `x-goskit-resource-scopes`. */
export const ESIA_RESOURCE_SCOPES = {
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
} as const;
