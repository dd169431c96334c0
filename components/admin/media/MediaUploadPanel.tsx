"use client";

import { useRouter } from "next/navigation";
import { MediaDropZone } from "./MediaDropZone";

/** The library page's upload area: once a batch has finished, the grid below is read again. */
export function MediaUploadPanel() {
  const router = useRouter();
  return <MediaDropZone onAllDone={() => router.refresh()} />;
}
