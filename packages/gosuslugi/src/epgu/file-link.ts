/**
 * EPGU's storage links (`orderAttachmentFiles[].link`, `orderResponseFiles[].link`) name a file as
 * `terrabyte://00/<objectId>/<mnemonic>/<objectType>`; the download URL is
 * `/api/storage/v2/files/<objectId>/<objectType>/download?mnemonic=<mnemonic>` (spec, section 4;
 * the last three segments, as go-api-epgu reads them). A link that does not fit is a typed error.
 */
import { EpguError } from '../errors/epgu-error.js';

export interface EpguFileAddress {
  objectId: string;
  objectType: string;
  mnemonic: string;
}

const MAX_LINK = 2048;

function invalid(reason: string): EpguError<'INVALID_FILE_LINK'> {
  return new EpguError('INVALID_FILE_LINK', `EPGU file link: ${reason}`, {
    hint: {
      ru: 'Передайте link из orderAttachmentFiles или orderResponseFiles как есть: terrabyte://00/<objectId>/<имя>/<тип>.',
      en: 'Pass a link from orderAttachmentFiles or orderResponseFiles as is: terrabyte://00/<objectId>/<name>/<type>.',
    },
  });
}

/** `terrabyte://00/1230254874/req.xml/2` → `{ objectId: '1230254874', mnemonic: 'req.xml', objectType: '2' }`. */
export function parseEpguFileLink(link: string): EpguFileAddress {
  if (typeof link !== 'string' || link.length === 0 || link.length > MAX_LINK) {
    throw invalid(`expected a non-empty string of at most ${MAX_LINK} characters`);
  }
  const prefix = 'terrabyte://';
  if (!link.startsWith(prefix)) {
    throw invalid("expected the scheme 'terrabyte://'");
  }
  const segments = link.slice(prefix.length).split('/');
  if (segments.length < 4) {
    throw invalid('expected terrabyte://<host>/<objectId>/<mnemonic>/<objectType>');
  }
  const [objectId, mnemonic, objectType] = segments.slice(-3) as [string, string, string];
  if (!/^\d{1,20}$/.test(objectId) || !/^\d{1,5}$/.test(objectType) || mnemonic.length === 0) {
    throw invalid('objectId and objectType must be numbers and the file name non-empty');
  }
  return { objectId, objectType, mnemonic };
}
