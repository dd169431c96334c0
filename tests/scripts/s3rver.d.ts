/** s3rver ships no types: the part of its API the replication test uses. */
declare module "s3rver" {
  export default class S3rver {
    constructor(options: { port: number; address: string; directory: string; silent?: boolean; configureBuckets?: Array<{ name: string; configs: unknown[] }> });
    run(): Promise<unknown>;
    close(): Promise<void>;
  }
}
