import { createDraft } from "./session";

/**
 * Writers that create drafts through the app until stopped (or the server dies), keeping the id
 * of every draft the server acknowledged with a 2xx: those are the writes that must never be lost.
 */
export function startWriting(baseUrl: string, cookie: string, categoryId: number, options: { writers?: number; label?: string } = {}) {
  const acked: number[] = [];
  const ackedAt: number[] = []; // when each was acknowledged (ms), beside its id
  let errors = 0;
  let running = true;
  let n = 0;
  const writer = async () => {
    while (running) {
      n += 1;
      try {
        const { status, body } = await createDraft(baseUrl, cookie, {
          title: `${options.label ?? "Bài"} ${n}: Hội nghị tổng kết công tác năm`,
          categoryId,
          lead: "Đảng bộ Cục tổ chức Hội nghị tổng kết.",
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Đoạn văn số ${n}.` }] }] },
        });
        if (status >= 200 && status < 300 && typeof body.id === "number") {
          acked.push(body.id);
          ackedAt.push(Date.now());
        }
        else errors += 1;
      } catch {
        errors += 1; // connection refused or reset: the server is down, the write was not acknowledged
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const loops = Array.from({ length: options.writers ?? 4 }, writer);
  return {
    acked,
    ackedAt,
    errors: () => errors,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
