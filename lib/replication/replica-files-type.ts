/** Media files on the replica, by their name in the media folder (`<hash>/<width>.<ext>`). */
export interface ReplicaFiles {
  /** Every name there. */
  list(): Promise<Set<string>>;
  /** Copies a local file there; a file is complete under its name or not there at all. */
  put(name: string, source: string): Promise<void>;
  /** Copies it back to a local path. */
  get(name: string, destination: string): Promise<void>;
  close(): Promise<void>;
}

/** The only names the media folder holds. */
export const MEDIA_NAME = /^[0-9a-f]{20}\/\d{1,4}\.(webp|jpg|png|gif)$/;
