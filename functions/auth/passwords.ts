/**
 * Common-password refusal. The list is zxcvbn-ts's common-passwords dictionary (about 49,000
 * entries, `password1234` among them), loaded on first use so it costs nothing at cold start;
 * in Lambda the package ships beside the bundle rather than inside it.
 */
let common: Promise<Set<string>> | undefined;

function loadCommon(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then((m) => new Set(m.dictionary['passwords-common'] as string[]));
  return common;
}

export type WeakPassword = { code: 'common_password' | 'repetitive_password' | 'password_contains_email'; message: string };

/** Why a password is refused (a stable code, and a sentence), or null when it is acceptable. Length is checked by the schema. */
export async function weakPasswordReason(password: string, email: string): Promise<WeakPassword | null> {
  const lower = password.toLowerCase();
  if ((await loadCommon()).has(lower))
    return { code: 'common_password', message: 'This password is on a list of commonly used passwords.' };
  if (new Set(lower).size <= 2) return { code: 'repetitive_password', message: 'This password repeats too few characters.' };
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local))
    return { code: 'password_contains_email', message: 'This password contains your email address.' };
  return null;
}

export async function commonPasswordCount(): Promise<number> {
  return (await loadCommon()).size;
}
