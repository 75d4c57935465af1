import argon2 from "argon2";

// argon2id with the parameters of docs/security.md (OWASP's second option:
// m = 19 MiB, t = 2, p = 1). argon2 (node-argon2) is the maintained binding
// to the reference implementation and ships prebuilt binaries in its package.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, never a crash
  }
}
