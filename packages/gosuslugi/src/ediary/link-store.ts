/**
 * Links in the caller's `KeyValueStore`, one key per school and parent
 * (`<prefix><schoolId>:<parentOid>`), so any instance sharing the store (Redis) sees them. A stored
 * value that is not a link (another writer, an old format) reads as no link.
 */
import type { EdiaryContext } from './context.js';
import { type EdiaryLink, storedLinkSchema } from './models.js';

export function linkKey(context: EdiaryContext, parentOid: string): string {
  return `${context.keyPrefix}${context.school.id}:${parentOid}`;
}

export async function readLink(context: EdiaryContext, parentOid: string): Promise<EdiaryLink | undefined> {
  const stored = await context.store.get(linkKey(context, parentOid));
  const parsed = storedLinkSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function writeLink(context: EdiaryContext, link: EdiaryLink): Promise<void> {
  await context.store.set(linkKey(context, link.parentOid), link);
}

export async function deleteLink(context: EdiaryContext, parentOid: string): Promise<boolean> {
  return context.store.delete(linkKey(context, parentOid));
}
