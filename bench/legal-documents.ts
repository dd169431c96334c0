/**
 * `--documents N`: legal documents in the benchmark's archive, written through the importer's own
 * store (lib/dal/documents/import.ts: the posts row, the registry row, its fields, its search index
 * row, an "import" revision), with numbers in the forms agencies use, issuing bodies, signers,
 * dates spread over twenty years, subject fields, summaries learnt from the agency's posts, and one
 * document in twenty replacing an earlier one. Then the registry's addresses to measure.
 */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/dal/connection";
import { linkImportedRelations, storeImportedDocument } from "@/lib/dal/documents/import";
import { parseDocumentNumber } from "@/lib/documents/number";
import { seededRandom, type Random } from "./random";
import { headline, type TextModel } from "./text";

export type DocumentsSummary = { documents: number; seconds: number };

/** Types with the symbol of their number and the bodies that issue them. */
const KINDS: Array<{ type: string; symbol: (issuer: Issuer) => string; issuers: Issuer[]; weight: number }> = [];
type Issuer = { name: string; code: string; signers: string[] };

const ISSUERS: Record<string, Issuer> = {
  government: { name: "Chính phủ", code: "CP", signers: ["Trần Hồng Hà", "Lê Minh Khái", "Vũ Đức Đam", "Phạm Bình Minh"] },
  pm: { name: "Thủ tướng Chính phủ", code: "TTg", signers: ["Phạm Minh Chính", "Nguyễn Xuân Phúc"] },
  ministry: { name: "Bộ Khoa học và Công nghệ", code: "BKHCN", signers: ["Huỳnh Thành Đạt", "Bùi Thế Duy", "Trần Văn Tùng", "Lê Xuân Định"] },
  office: { name: "Cục Sở hữu trí tuệ", code: "SHTT", signers: ["Đinh Hữu Phí", "Lưu Hoàng Long", "Trần Lê Hồng"] },
  province: { name: "Ủy ban nhân dân tỉnh Bắc Ninh", code: "UBND", signers: ["Nguyễn Hương Giang", "Vương Quốc Tuấn"] },
};
KINDS.push(
  { type: "Nghị định", symbol: (i) => `NĐ-${i.code}`, issuers: [ISSUERS.government!], weight: 12 },
  { type: "Quyết định", symbol: (i) => `QĐ-${i.code}`, issuers: [ISSUERS.pm!, ISSUERS.ministry!, ISSUERS.office!, ISSUERS.province!], weight: 35 },
  { type: "Thông tư", symbol: (i) => `TT-${i.code}`, issuers: [ISSUERS.ministry!], weight: 15 },
  { type: "Công văn", symbol: (i) => `${i.code}-VP`, issuers: [ISSUERS.ministry!, ISSUERS.office!, ISSUERS.province!], weight: 20 },
  { type: "Thông báo", symbol: (i) => `TB-${i.code}`, issuers: [ISSUERS.office!, ISSUERS.province!], weight: 8 },
  { type: "Kế hoạch", symbol: (i) => `KH-${i.code}`, issuers: [ISSUERS.office!, ISSUERS.province!], weight: 10 },
);

const FIELDS = ["Sở hữu trí tuệ", "Sở hữu công nghiệp", "Khoa học và công nghệ", "Đo lường", "Tiêu chuẩn chất lượng", "Chuyển đổi số", "Tổ chức cán bộ", "Tài chính", "Thi đua khen thưởng", "Hợp tác quốc tế"];
const OPENINGS = ["Quy định chi tiết", "Hướng dẫn thi hành", "Ban hành quy chế về", "Phê duyệt kế hoạch", "Về việc", "Sửa đổi, bổ sung một số điều về"];

const pad = (n: number) => String(n).padStart(2, "0");

function pickKind(random: Random) {
  const total = KINDS.reduce((sum, k) => sum + k.weight, 0);
  let at = random.next() * total;
  for (const kind of KINDS) if ((at -= kind.weight) < 0) return kind;
  return KINDS[0]!;
}

/** Writes the documents into the archive's database; the marker beside it lets a later run reuse them. */
export function generateDocuments(db: Db, options: { documents: number; seed: number; dir: string; model: TextModel; log: (line: string) => void }): DocumentsSummary {
  const marker = path.join(options.dir, "documents.json");
  if (fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, "utf8")) as DocumentsSummary & { seed: number };
    if (saved.documents === options.documents && saved.seed === options.seed) return saved;
    throw new Error(`${options.dir} already holds ${saved.documents} generated documents: run with --regenerate to make the archive again with ${options.documents}`);
  }
  if (options.documents === 0) return { documents: 0, seconds: 0 };
  options.log(`Tạo ${options.documents.toLocaleString("vi-VN")} văn bản…`);
  const started = performance.now();
  const random = seededRandom(options.seed + 7);
  const counters = new Map<string, number>();
  const stored: Array<{ id: number; number: string }> = [];
  const sqlite = db.$client;
  // As the posts' generator does: no fsync per document while generating, back to FULL after.
  sqlite.pragma("synchronous = OFF");
  try {
    for (let i = 0; i < options.documents; i++) {
      const kind = pickKind(random);
      const issuer = random.pick(kind.issuers);
      const year = 2005 + random.int(0, 20);
      // Decrees and circulars carry the year in the number; decisions and letters do not, so their
      // serial runs on across years (a number is unique per issuing body, and a repeated one is skipped).
      const numberHasYear = kind.type === "Nghị định" || kind.type === "Thông tư";
      const counterKey = numberHasYear ? `${kind.type}|${issuer.code}|${year}` : `${kind.type}|${issuer.code}`;
      const serial = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, serial);
      const symbol = kind.symbol(issuer);
      const number = numberHasYear ? `${serial}/${year}/${symbol}` : `${serial}/${symbol}`;
      const issued = `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
      const effectiveFrom = random.chance(0.8) ? issued : null;
      const expired = random.chance(0.15) && year < 2020;
      const fields = [...new Set([random.pick(FIELDS), ...(random.chance(0.4) ? [random.pick(FIELDS)] : [])])];
      const result = storeImportedDocument(db, {
        typeName: kind.type,
        summary: `${random.pick(OPENINGS)} ${headline(options.model, random).replace(/^./, (c) => c.toLowerCase())}`.slice(0, 300),
        registry: {
          number,
          issuer: issuer.name,
          signer: random.chance(0.9) ? random.pick(issuer.signers) : "",
          issuedOn: issued,
          effectiveFrom,
          effectiveUntil: expired ? `${year + random.int(2, 5)}-01-01` : null,
          manualStatus: null,
          nationalDatabaseUrl: "",
          fields,
        },
        files: [],
      });
      // The marker below claims options.documents: a skipped one would make it lie about the archive.
      if (result.status === "skipped") throw new Error(`document ${i + 1} (${number}, ${issuer.name}) was already in the registry: the generator made a number twice`);
      stored.push({ id: result.id, number });
      // One in twenty replaces an earlier document.
      if (stored.length > 10 && random.chance(0.05)) {
        const earlier = stored[random.int(0, stored.length - 2)]!;
        const parsed = parseDocumentNumber(earlier.number);
        if (parsed) linkImportedRelations(db, result.id, { replaces: [parsed], amends: [] });
      }
      if ((i + 1) % 5000 === 0) options.log(`  ${(i + 1).toLocaleString("vi-VN")} văn bản`);
    }
  } finally {
    sqlite.pragma("synchronous = FULL");
  }
  const summary = { documents: options.documents, seconds: Math.round((performance.now() - started) / 100) / 10 };
  fs.writeFileSync(marker, JSON.stringify({ ...summary, seed: options.seed }, null, 2));
  return summary;
}

export type RegistryAddresses = { broad: string; byNumber: string[]; documents: string[]; queries: string[] };

/** A broad search by words, numbers typed loosely (`65 2023 nd cp`), 200 document pages, and 60 typed queries of both kinds. */
export function registryAddresses(db: Db, seed: number): RegistryAddresses | null {
  const sqlite = db.$client;
  const rows = sqlite
    .prepare("SELECT p.slug, d.number FROM posts p JOIN documents d ON d.post_id = p.id WHERE p.kind = 'document' AND p.status = 'published' AND p.deleted_at IS NULL ORDER BY p.id")
    .all() as { slug: string; number: string }[];
  if (rows.length === 0) return null;
  const random = seededRandom(seed + 11);
  const loosely = (number: string) => number.replace(/[/-]/g, " ").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  const numbers = Array.from({ length: 50 }, () => loosely(random.pick(rows).number));
  const words = ["sở hữu trí tuệ", "quy định chi tiết", "hội nghị", "kế hoạch", "so huu cong nghiep", "đo lường", "chuyển đổi số", "quyết định", "hướng dẫn", "thi đua"];
  return {
    broad: `/van-ban?q=${encodeURIComponent("sở hữu")}`,
    byNumber: numbers.map((q) => `/van-ban?q=${encodeURIComponent(q)}`),
    documents: Array.from({ length: 200 }, () => `/van-ban/${random.pick(rows).slug}`),
    queries: [...numbers.slice(0, 30), ...Array.from({ length: 30 }, (_, i) => words[i % words.length]!)],
  };
}
