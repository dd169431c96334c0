import fs from "node:fs";
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";

/** One entry of a hand-built ZIP; `declaredSize` lies about the uncompressed size when given. */
export type ZipEntrySpec = { name: string; data: Buffer | string; store?: boolean; declaredSize?: number };

/**
 * A ZIP written byte by byte (local headers, central directory, end record), so tests can make the
 * archives real tools would never write: lying sizes, bombs, traversal names.
 */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data;
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, "utf8");
    const size = entry.declaredSize ?? data.length;
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(entry.store ? 0 : 8, at + 4);
      header.writeUInt32LE(0, at + 6); // time, date
      header.writeUInt32LE(crc32(data) >>> 0, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** A minimal Word document, as Word's own reader and mammoth accept it. */
export function buildDocx(paragraphs: string[], options: { macros?: boolean } = {}): Buffer {
  const main = options.macros ? "application/vnd.ms-word.document.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join("");
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: `${RELS_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${RELS_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/document.xml",
      data: `${RELS_XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
    ...(options.macros ? [{ name: "word/vbaProject.bin", data: Buffer.alloc(64) }] : []),
  ]);
}

/** A minimal workbook: one sheet, its strings shared, one inline string. */
export function buildXlsx(sheetName: string, strings: string[], inline: string): Buffer {
  return buildZip([
    {
      name: "[Content_Types].xml",
      data: `${RELS_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${RELS_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `${RELS_XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `${RELS_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/sharedStrings.xml",
      data: `${RELS_XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join("")}</sst>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: `${RELS_XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${strings.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join("")}<c r="Z1" t="inlineStr"><is><t>${escapeXml(inline)}</t></is></c><c r="Y1"><v>2023</v></c></row></sheetData></worksheet>`,
    },
  ]);
}

/** A minimal OpenDocument file; `mimetype` first and stored, as the format requires. */
export function buildOdf(mimetype: string, paragraphs: string[], extra: ZipEntrySpec[] = []): Buffer {
  const body = paragraphs.map((p) => `<text:p>${escapeXml(p)}</text:p>`).join("");
  return buildZip([
    { name: "mimetype", data: mimetype, store: true },
    {
      name: "META-INF/manifest.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: "content.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
    ...extra,
  ]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An OLE compound file (version 3, 512-byte sectors) with the named streams, all empty: one FAT
 * sector, and a directory spread over as many sectors as the names need, chained through the FAT
 * (four entries a sector), as Word and Excel write it.
 */
export function buildCompoundFile(streamNames: string[]): Buffer {
  const SECTOR = 512;
  const names = ["Root Entry", ...streamNames];
  const directorySectors = Math.ceil(names.length / 4);
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift: 512
  header.writeUInt16LE(6, 0x20); // mini sector shift: 64
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + 4 * i);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  for (let s = 1; s <= directorySectors; s++) fat.writeUInt32LE(s === directorySectors ? 0xfffffffe : s + 1, s * 4);
  const directory = Buffer.alloc(directorySectors * SECTOR);
  names.forEach((name, i) => {
    const at = i * 128;
    directory.write(name, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : 2; // root, stream
    directory[at + 0x43] = 1; // black
    // The root's child is the first stream; each stream's right sibling is the next (a valid, if lopsided, tree).
    directory.writeUInt32LE(0xffffffff, at + 0x44);
    directory.writeUInt32LE(i > 0 && i + 1 < names.length ? i + 1 : 0xffffffff, at + 0x48);
    directory.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, at + 0x4c);
    directory.writeUInt32LE(0xfffffffe, at + 0x74); // start sector: none
  });
  return Buffer.concat([header, fat, directory]);
}

const FONT = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf");

/** A text PDF made with pdf-lib and a font with Vietnamese glyphs; `js` and `attachment` add active content. */
export async function buildPdf(lines: string[], options: { js?: string; attachment?: string; objectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(FONT), { subset: true, customName: "DejaVuSerif" });
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 12, font }));
  if (options.js) doc.addJavaScript("main", options.js);
  if (options.attachment) await doc.attach(Buffer.from(options.attachment), "ghi-chu.txt", { mimeType: "text/plain" });
  return Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? true }));
}

/** A PDF of pages with a drawing and no text, as a scanner makes (an image would do the same). */
export async function buildScannedPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawRectangle({ x: 40, y: 40, width: 515, height: 762, borderWidth: 2 });
  return Buffer.from(await doc.save());
}
