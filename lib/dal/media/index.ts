/** The media library for pages, actions and the picker's route: ./library.ts run as the signed-in person (lib/dal/bind.ts). */
import "server-only";
import { change, read, readOrNull } from "@/lib/dal/bind";
import { deleteMediaFor, listMediaDtosFor, listMediaFor, updateMediaFor } from "./library";
import { uploadMediaFor } from "./store";

export { MediaError, type MediaDto } from "./store";
export { MEDIA_PAGE_SIZE, type MediaChangeResult, type MediaLibraryItem, type MediaPage, type MediaUsage } from "./library";

type Filter = { q?: string; page?: number };

export const listMedia = (filter: Filter) => read((db, actor) => listMediaFor(db, actor, filter));
/** For GET /api/media (the editor's picker): null when refused, so the route answers 403 itself rather than rendering a page. */
export const listPickerMedia = (filter: Filter, pageSize?: number) => readOrNull((db, actor) => listMediaDtosFor(db, actor, filter, pageSize));
export const updateMedia = (id: number, data: { alt: string; caption: string }) => change("media:upload", id, (db, actor) => updateMediaFor(db, actor, id, data));
export const deleteMedia = (id: number) => change("media:manage", id, (db, actor) => deleteMediaFor(db, actor, id));
/** One uploaded image, checked and re-encoded (a MediaError with its 4xx status when refused); null when the person may not upload. */
export const uploadMedia = (file: { name: string; bytes: Buffer }) => readOrNull((db, actor) => uploadMediaFor(db, actor, file));
