/** Translations for the staff pages and actions: the functions of this folder, run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, readOrNull } from "@/lib/dal/bind";
import type { ChangeResult } from "@/lib/dal/result";
import type { SaveOutcome } from "@/lib/dal/posts/save";
import { createTranslationFor } from "./create";
import { translationPanelFor, type TranslationPanel } from "./screen";

export { TRANSLATION_MESSAGES } from "./create";
export type { TranslationSource, TranslationPanel } from "./screen";
export { TRANSLATION_LABELS, type TranslationState, type TranslationStatus } from "./status";

/** "Thêm bản tiếng Anh": the English draft of a Vietnamese post or page (permissions checked in ./create.ts). */
export const createTranslation = (sourceId: number): Promise<ChangeResult<SaveOutcome>> => change("post:create", sourceId, (db, actor) => createTranslationFor(db, actor, sourceId));
export const getTranslationPanel = (postId: number): Promise<TranslationPanel | null> => readOrNull((db, actor) => translationPanelFor(db, actor, postId));
