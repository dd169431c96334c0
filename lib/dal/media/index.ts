import "server-only";
import { forbidden } from "next/navigation";
import { getDb } from "@/lib/dal/connection";
import type { MediaDto } from "@/lib/dal/media/store";
import {
  deleteMediaFor,
  listMediaDtosFor,
  listMediaFor,
  MediaDeniedError,
  updateMediaFor,
  type MediaActor,
  type MediaChangeResult,
  type MediaLibraryItem,
  type MediaPage,
} from "@/lib/dal/media/library";
import { MESSAGES } from "@/lib/auth/guards";
import { logDenied, requestIp, verifySession } from "@/lib/dal/session";

export { MEDIA_PAGE_SIZE, type MediaChangeResult, type MediaLibraryItem, type MediaPage, type MediaUsage } from "@/lib/dal/media/library";

/**
 * The media library for pages, actions and the picker's route. The acting user comes from this
 * request's session; users who still have to change their password or enrol in two-factor
 * sign-in get nothing. The permission and the object rule (uploader or media:manage) are checked
 * again next to each query in media-library-core.
 */
async function currentActor(): Promise<MediaActor | null> {
  const user = await verifySession();
  if (!user || user.mustChangePassword || user.mustEnrollTotp) return null;
  return { id: user.id, name: user.name, role: user.role, ip: await requestIp() };
}

async function logRefusal(error: MediaDeniedError, objectId?: number): Promise<void> {
  await logDenied(await verifySession(), error.action, objectId === undefined ? "" : String(objectId));
}

/** Reads for pages: a refusal is the 403 page. */
async function read<T>(run: (actor: MediaActor | null) => T): Promise<T> {
  const actor = await currentActor();
  try {
    return run(actor);
  } catch (error) {
    if (!(error instanceof MediaDeniedError)) throw error;
    await logRefusal(error);
    forbidden();
  }
}

/** Changes: a refusal is a message, and nothing is written. */
async function change(run: (actor: MediaActor | null) => MediaChangeResult | Promise<MediaChangeResult>, objectId: number): Promise<MediaChangeResult> {
  const actor = await currentActor();
  try {
    return await run(actor);
  } catch (error) {
    if (!(error instanceof MediaDeniedError)) throw error;
    await logRefusal(error, objectId);
    return { ok: false, message: MESSAGES.forbidden };
  }
}

export function listMedia(filter: { q?: string; page?: number }): Promise<MediaPage<MediaLibraryItem>> {
  return read((actor) => listMediaFor(getDb(), actor, filter));
}

/**
 * For GET /api/media (the editor's picker): null when refused, so the route answers 401/403
 * itself rather than rendering a page.
 */
export async function listPickerMedia(filter: { q?: string; page?: number }, pageSize?: number): Promise<MediaPage<MediaDto> | null> {
  const actor = await currentActor();
  try {
    return listMediaDtosFor(getDb(), actor, filter, pageSize);
  } catch (error) {
    if (!(error instanceof MediaDeniedError)) throw error;
    await logRefusal(error);
    return null;
  }
}

export function updateMedia(id: number, data: { alt: string; caption: string }): Promise<MediaChangeResult> {
  return change((actor) => updateMediaFor(getDb(), actor, id, data), id);
}

export function deleteMedia(id: number): Promise<MediaChangeResult> {
  return change((actor) => deleteMediaFor(getDb(), actor, id), id);
}
