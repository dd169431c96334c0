/*
 * OLE compound files ([MS-CFB]), the container of Word 97-2003 (.doc) and Excel 97-2003 (.xls)
 * files. Both start with the same eight bytes; what tells them apart is the name of the streams
 * inside (`WordDocument`, `Workbook`), listed in the directory, a chain of sectors found through the
 * file allocation table. Only the directory is read, every read is bounds-checked and every chain
 * is cut at the number of sectors in the file, so a crafted file cannot loop or read past its end.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;

class Malformed extends Error {}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The names of every storage and stream in a compound file, or null when it is not a readable one. */
export function compoundFileEntryNames(bytes: Uint8Array): string[] | null {
  if (!isCompoundFile(bytes)) return null;
  try {
    return readDirectory(bytes);
  } catch (error) {
    if (error instanceof Malformed || error instanceof RangeError) return null;
    throw error;
  }
}

function readDirectory(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);
  if (u16(0x1c) !== 0xfffe) throw new Malformed();
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) throw new Malformed();
  const size = 1 << shift;
  const perSector = size / 4;
  // Sector n starts at (n + 1) × size: the header takes the first sector's place.
  const sectorCount = Math.floor((bytes.length - size) / size);
  const sectorOffset = (n: number) => {
    if (n >= sectorCount) throw new Malformed();
    return (n + 1) * size;
  };

  const fatSectorCount = u32(0x2c);
  if (fatSectorCount === 0 || fatSectorCount > sectorCount) throw new Malformed();
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(0x4c + 4 * i));
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatSectorCount && difat !== END_OF_CHAIN && difat !== FREE_SECTOR; hops++) {
    if (hops > sectorCount) throw new Malformed();
    const offset = sectorOffset(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(offset + 4 * i));
    difat = u32(offset + size - 4);
  }
  if (fatSectors.length < fatSectorCount) throw new Malformed();
  const nextSector = (n: number) => {
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined) throw new Malformed();
    return u32(sectorOffset(fatSector) + (n % perSector) * 4);
  };

  const names: string[] = [];
  const visited = new Set<number>();
  for (let sector = u32(0x30); sector !== END_OF_CHAIN; sector = nextSector(sector)) {
    if (visited.has(sector)) throw new Malformed();
    visited.add(sector);
    const offset = sectorOffset(sector);
    for (let entry = offset; entry < offset + size; entry += DIRECTORY_ENTRY_BYTES) {
      const nameBytes = u16(entry + 0x40);
      const type = bytes[entry + 0x42];
      // Type 0 is an unused slot; 1 storage, 2 stream, 5 root. A name is at most 31 UTF-16 units and a NUL.
      if (type === 0 || nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
      names.push(Buffer.from(bytes.subarray(entry, entry + nameBytes - 2)).toString("utf16le"));
    }
  }
  return names;
}

export type CompoundFileKind =
  | { kind: "doc" | "xls"; macros: boolean }
  | { kind: "encrypted" }
  | { kind: "other"; application: string | null };

/** What a compound file holds, from the names of its streams (case-insensitive, as the format says). */
export function classifyCompoundFile(names: string[]): CompoundFileKind {
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  // A password-protected DOCX or XLSX is an OLE file holding the encrypted package.
  if (has("EncryptedPackage")) return { kind: "encrypted" };
  const macros = has("Macros") || has("_VBA_PROJECT_CUR") || has("VBA");
  const word = has("WordDocument");
  const excel = has("Workbook") || has("Book");
  if (word && !excel) return { kind: "doc", macros };
  if (excel && !word) return { kind: "xls", macros };
  if (has("PowerPoint Document")) return { kind: "other", application: "PowerPoint" };
  return { kind: "other", application: null };
}
