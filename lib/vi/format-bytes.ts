/** `12,3 MB`: sizes as a Vietnamese reader writes them (decimal comma, binary units). */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1).replace(".", ",")} ${units[unit]}`;
}
