/** A fresh address like `john.doe+k3j9x2ab@example.com`, so a run on a real portal never collides with a person. */
export function uniqueEmail(localPart: string): string {
  return `${localPart}+${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}
