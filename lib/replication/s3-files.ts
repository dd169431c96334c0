import fs from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { REPLICA_MEDIA_FOLDER } from "./litestream-config";
import { MEDIA_NAME, type ReplicaFiles } from "./replica-files-type";
import type { ReplicaTarget } from "./settings";

type S3Target = Extract<ReplicaTarget, { kind: "s3" }>;

const XML_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity]!);

/**
 * The media folder in an S3-compatible bucket: PUT, GET and ListObjectsV2 signed with AWS
 * Signature Version 4 (aws4fetch). With REPLICA_S3_ENDPOINT (MinIO, a Vietnamese cloud's object
 * storage) addresses are path-style, `<endpoint>/<bucket>/<key>`, as Litestream uses them.
 */
export function openS3Files(target: S3Target): ReplicaFiles {
  const aws = new AwsClient({ accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey, region: target.region, service: "s3", retries: 3 });
  const base = target.endpoint ? `${target.endpoint}/${encodeURIComponent(target.bucket)}` : `https://${target.bucket}.s3.${target.region}.amazonaws.com`;
  const prefix = path.posix.join(target.prefix, REPLICA_MEDIA_FOLDER) + "/";
  const keyUrl = (name: string) => `${base}/${(prefix + name).split("/").map(encodeURIComponent).join("/")}`;
  const failed = async (response: Response, what: string) => new Error(`S3 ${what}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return {
    async list() {
      const names = new Set<string>();
      let token: string | null = null;
      do {
        const query = new URLSearchParams({ "list-type": "2", prefix, "max-keys": "1000" });
        if (token) query.set("continuation-token", token);
        const response = await aws.fetch(`${base}?${query}`);
        if (!response.ok) throw await failed(response, "list");
        const xml = await response.text();
        for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) {
          const name = unescapeXml(match[1]!).slice(prefix.length);
          if (MEDIA_NAME.test(name)) names.add(name);
        }
        token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? unescapeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? "") || null : null;
      } while (token);
      return names;
    },
    async put(name, source) {
      // One PUT: the object appears whole or not at all.
      const response = await aws.fetch(keyUrl(name), { method: "PUT", body: await fs.readFile(source) });
      if (!response.ok) throw await failed(response, `put ${name}`);
    },
    async get(name, destination) {
      const response = await aws.fetch(keyUrl(name));
      if (!response.ok) throw await failed(response, `get ${name}`);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.writeFile(destination, Buffer.from(await response.arrayBuffer()));
    },
    async close() {},
  };
}
