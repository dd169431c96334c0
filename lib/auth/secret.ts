import "server-only";

export { authSecret } from "./secret-store";
