// Names and addresses of the read-aloud recordings. Pure: shared by the data layer, the job, the route and the page.

/** A recording's file name: the first 32 hex digits of the sha256 of its bytes, so a name never changes meaning. */
export const AUDIO_FILE = /^[0-9a-f]{32}$/;

/** Where a reader's browser fetches a recording (app/audio/[file]/route.ts). */
export const audioSrc = (file: string) => `/audio/${file}.mp3`;

/** The file a request's last path segment names ("<hash>.mp3"), or null for anything else. */
export function audioFileOf(segment: string): string | null {
  const match = /^([0-9a-f]{32})\.mp3$/.exec(segment);
  return match ? match[1]! : null;
}

/** Where the article page asks for the recording of an archive post (app/api/audio/[postId]/[language]/route.ts). */
export const audioRequestPath = (postId: number, language: string) => `/api/audio/${postId}/${language}`;
