import { snilsSchema } from '@goskit/validation';
import { z } from 'zod';

/**
 * zod models of ESIA's /rs data (reference "REST data shapes", openapi/esia.yaml). Unknown fields
 * are kept (ESIA adds fields over time); known ones are checked. Dates stay 'dd.MM.yyyy' strings —
 * parse them with parseEsiaDate().
 */
const esiaDate = z.string().regex(/^\d{2}\.\d{2}\.\d{4}$/, 'expected dd.MM.yyyy');
const stateFacts = z.array(z.string()).optional();

export const contactSchema = z.looseObject({
  stateFacts,
  id: z.number().int(),
  type: z.string(), // EML | MBT | PHN | CEM | CPH …
  vrfStu: z.string(), // VERIFIED | NOT_VERIFIED
  value: z.string(),
  verifyingValue: z.string().optional(),
  vrfValStu: z.string().optional(),
  isCfmCodeExpired: z.boolean().optional(),
  eTag: z.string().optional(),
});
export type EsiaContact = z.output<typeof contactSchema>;

export const addressSchema = z.looseObject({
  stateFacts,
  id: z.number().int(),
  type: z.string(), // PLV (проживание) | PRG (регистрация)
  addressStr: z.string().optional(),
  fiasCode: z.string().optional(),
  countryId: z.string().optional(),
  zipCode: z.string().optional(),
  region: z.string().optional(),
  city: z.string().optional(),
  street: z.string().optional(),
  house: z.string().optional(),
  flat: z.string().optional(),
  eTag: z.string().optional(),
});
export type EsiaAddress = z.output<typeof addressSchema>;

export const documentSchema = z.looseObject({
  stateFacts,
  id: z.number().int(),
  type: z.string(), // RF_PASSPORT | FID_DOC | RF_DRIVING_LICENSE | MLTR_ID | FRGN_PASS | MDCL_PLCY | RF_BRTH_CERT …
  vrfStu: z.string().optional(),
  series: z.string().optional(),
  number: z.string().optional(),
  issueDate: esiaDate.optional(),
  issueId: z.string().optional(),
  issuedBy: z.string().optional(),
  expiryDate: z.string().optional(),
  eTag: z.string().optional(),
});
export type EsiaDocument = z.output<typeof documentSchema>;

export const kidSchema = z.looseObject({
  stateFacts,
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  middleName: z.string().optional(),
  birthDate: esiaDate,
  gender: z.enum(['M', 'F']).optional(),
  snils: snilsSchema.optional(),
  eTag: z.string().optional(),
});
export type EsiaKid = z.output<typeof kidSchema>;

export const vehicleSchema = z.looseObject({
  stateFacts,
  id: z.number().int(),
  name: z.string().optional(),
  numberPlate: z.string(),
  regCertificate: z.record(z.string(), z.unknown()).optional(),
  eTag: z.string().optional(),
});
export type EsiaVehicle = z.output<typeof vehicleSchema>;

export const roleSchema = z.looseObject({
  oid: z.number().int(),
  prnOid: z.number().int().optional(),
  fullName: z.string(),
  shortName: z.string().optional(),
  ogrn: z.string().optional(),
  type: z.string().optional(),
  chief: z.boolean().optional(),
  admin: z.boolean().optional(),
  active: z.boolean(),
  hasRightOfSubstitution: z.boolean().optional(),
  hasApprovalTabAccess: z.boolean().optional(),
  isLiquidated: z.boolean().optional(),
});
export type EsiaRole = z.output<typeof roleSchema>;

export const organisationSchema = z.looseObject({
  oid: z.number().int(),
  fullName: z.string(),
  shortName: z.string().optional(),
  ogrn: z.string().regex(/^\d{13}$/),
  inn: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  kpp: z.string().optional(),
  leg: z.string().optional(),
  type: z.string().optional(),
  eTag: z.string().optional(),
});
export type EsiaOrganisation = z.output<typeof organisationSchema>;

/** A collection as ESIA sends it: links (strings) or, with embed, the elements themselves. */
export const rawCollectionSchema = z.looseObject({
  stateFacts,
  size: z.number().int().min(0),
  eTag: z.string().optional(),
  elements: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])),
});
export type RawCollection = z.output<typeof rawCollectionSchema>;

/** The person's own fields (without embedded collections). */
export const personBaseSchema = z.looseObject({
  stateFacts,
  firstName: z.string(),
  lastName: z.string(),
  middleName: z.string().optional(),
  birthDate: esiaDate.optional(),
  birthPlace: z.string().optional(),
  gender: z.enum(['M', 'F']).optional(),
  trusted: z.boolean(),
  citizenship: z.string().optional(),
  snils: snilsSchema.optional(),
  inn: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  updatedOn: z.number().optional(),
  status: z.string().optional(),
  verifying: z.boolean().optional(),
  rIdDoc: z.number().optional(),
  containsUpCfmCode: z.boolean().optional(),
  eTag: z.string().optional(),
});
export type EsiaPersonFields = z.output<typeof personBaseSchema>;

/** `/rs/prns/{oid}` as sent, with `?embed=(…)` collections. */
export const personSchema = personBaseSchema.extend({
  contacts: rawCollectionSchema.optional(),
  addresses: rawCollectionSchema.optional(),
  documents: rawCollectionSchema.optional(),
  vehicles: rawCollectionSchema.optional(),
  organizations: rawCollectionSchema.optional(),
  kids: rawCollectionSchema.optional(),
});
export type EsiaPersonRecord = z.output<typeof personSchema>;
