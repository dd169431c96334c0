import sharp from "sharp";
import { expect } from "vitest";

/** Uploads a generated PNG through /api/media as the signed-in cookie; returns its `src` (/media/<hash>/<width>.<ext>). */
export async function uploadImage(baseUrl: string, cookie: string, colour = { r: 180, g: 20, b: 30 }): Promise<string> {
  const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: colour } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "hoi-nghi.png");
  const response = await fetch(`${baseUrl}/api/media`, { method: "POST", headers: { origin: baseUrl, cookie }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { items: Array<{ src: string }> }).items[0]!.src;
}
