import os from "node:os";
import type { Env } from "./paths";

export const MAX_WORKERS = 64;

/** WORKERS, or one app process per core. */
export function workerCount(env: Env = process.env): number {
  const value = Number(env.WORKERS);
  return Number.isInteger(value) && value >= 1 && value <= MAX_WORKERS ? value : os.availableParallelism();
}

export function workersProblem(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS) {
    return `phải là số tiến trình từ 1 đến ${MAX_WORKERS}, hoặc bỏ trống để chạy một tiến trình cho mỗi lõi CPU (đang là “${value}”).`;
  }
  return null;
}
