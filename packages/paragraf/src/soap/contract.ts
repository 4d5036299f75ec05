/**
 * goskit's exchange contract (Параграф publishes none): SOAP 1.1 document/literal, one namespace,
 * `login`/`password` header elements as in the public petersburgedu services, three operations.
 * wsdl/paragraf-exchange.wsdl describes the same names; a test keeps the two in step.
 */
export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const EXCHANGE_NS = 'urn:goskit:paragraf:exchange:1';
export const EXCHANGE_OPERATIONS = ['pushData', 'pushZipFile', 'getQueueStatus'] as const;
export type ExchangeOperation = (typeof EXCHANGE_OPERATIONS)[number];

/** Login and password rules of the public services' XSD (`[a-zA-Z0-9\-_]{4,}`, `[a-zA-Z0-9]{6,}`). */
export const LOGIN_PATTERN = /^[a-zA-Z0-9_-]{4,64}$/;
export const PASSWORD_PATTERN = /^[a-zA-Z0-9]{6,128}$/;

/** States a queued item passes through; `done` and `failed` are final. */
export const QUEUE_STATES = ['queued', 'processing', 'done', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
