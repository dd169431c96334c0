/**
 * npm run user:create -- --email a@b.vn --name "Tên" --role admin|editor|author [--unit "Đơn vị"] [--password P] [--temporary]
 * Creates a staff account from the command line (operators, and the e2e fixtures). Without
 * --password a password is generated and printed once; --temporary forces a change at first sign-in.
 */
import { parseArgs } from "node:util";
import { getDb } from "@/lib/dal/connection";
import { ROLES, type Role } from "@/db/vocabulary";
import { createAccount } from "@/lib/dal/auth/accounts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "author" },
    unit: { type: "string", default: "" },
    password: { type: "string" },
    temporary: { type: "boolean", default: false },
  },
});

async function main(): Promise<number> {
  if (!values.email || !values.name || !ROLES.includes(values.role as Role)) {
    console.error('Cách dùng: npm run user:create -- --email EMAIL --name "Họ tên" --role admin|editor|author [--unit "Đơn vị"] [--password MẬT_KHẨU] [--temporary]');
    return 2;
  }
  const result = await createAccount(getDb(), {
    email: values.email,
    name: values.name,
    role: values.role as Role,
    unit: values.unit ?? "",
    password: values.password,
    mustChangePassword: values.temporary || !values.password,
    actor: null,
  });
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(JSON.stringify({ id: result.id, email: result.email, ...(result.generatedPassword ? { password: result.generatedPassword } : {}) }));
  return 0;
}

main().then((code) => (process.exitCode = code));
