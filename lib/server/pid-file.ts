import fs from "node:fs";
import path from "node:path";

/*
 * `server.pid` in the data folder says a server is using it. A kill -9 leaves the file behind and
 * the pid may later belong to another process, so a process counts as that server only if it is
 * alive and (where /proc exists) has the same boot and start time as the one that wrote the file.
 */
export const PID_FILE = "server.pid";

type PidRecord = { pid: number; identity: string | null; startedAt: string; port?: number };

/** Boot id and start time of a process: unique for the life of the machine; null off Linux. */
export function processIdentity(pid: number): string | null {
  try {
    const boot = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) counts from after the `(comm)` field, which may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM"; // alive, owned by someone else
  }
}

export function writePidFile(dataDir: string, port: number): string {
  const file = path.join(dataDir, PID_FILE);
  const record: PidRecord = { pid: process.pid, identity: processIdentity(process.pid), startedAt: new Date().toISOString(), port };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

/** Removes the file if it is still this process's (a newer server may have replaced it). */
export function removePidFile(dataDir: string): void {
  const file = path.join(dataDir, PID_FILE);
  try {
    if ((JSON.parse(fs.readFileSync(file, "utf8")) as PidRecord).pid === process.pid) fs.rmSync(file);
  } catch {
    // already gone
  }
}

/** The server that runs on this data folder, or null when none does (no file, or a stale one). */
export function runningServer(dataDir: string): { pid: number; startedAt: string } | null {
  let record: PidRecord;
  try {
    record = JSON.parse(fs.readFileSync(path.join(dataDir, PID_FILE), "utf8")) as PidRecord;
  } catch {
    return null;
  }
  if (!Number.isInteger(record.pid) || !isAlive(record.pid)) return null;
  const identity = processIdentity(record.pid);
  if (record.identity && identity && identity !== record.identity) return null; // the pid was reused
  return { pid: record.pid, startedAt: record.startedAt };
}

/** Whether `pid` is still the process that had `identity` (from processIdentity) when it was recorded. */
export function isSameProcess(pid: number, identity: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const now = processIdentity(pid);
  return !identity || !now || now === identity;
}
