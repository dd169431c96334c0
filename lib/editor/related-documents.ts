/*
 * "Văn bản liên quan" in the writing screen's form: the chosen documents as the picker shows them,
 * kept in one hidden field as JSON, so a local copy or a kept draft restores them on screen without
 * asking the server (the server reads only the ids). Pure.
 */

export type PickableDocument = { id: number; number: string; type: string; title: string };

export function serializeRelatedDocuments(documents: readonly PickableDocument[]): string {
  return JSON.stringify(documents.map(({ id, number, type, title }) => ({ id, number, type, title })));
}

const isPickable = (item: unknown): item is PickableDocument => {
  const d = item as Partial<PickableDocument> | null;
  return Boolean(d) && Number.isSafeInteger(d!.id) && typeof d!.number === "string" && typeof d!.type === "string" && typeof d!.title === "string";
};

/** The field's value back as documents; anything malformed is left out. */
export function parseRelatedDocuments(value: string | undefined): PickableDocument[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter(isPickable) : [];
  } catch {
    return [];
  }
}
