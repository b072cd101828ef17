// What a pasted token must look like before we store it. Messages never repeat the input:
// a half-pasted token is still a secret.

export const TOKEN_MIN_LENGTH = 8;
export const TOKEN_MAX_LENGTH = 512;

export class TokenFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenFormatError';
  }
}

/** Returns the trimmed token, or throws TokenFormatError saying what is wrong with it. */
export function checkToken(input: string): string {
  let token = input.trim();
  // People paste the whole header line; accept it rather than storing "Bearer sk-...".
  if (/^bearer\s+/i.test(token)) token = token.replace(/^bearer\s+/i, '');
  if (token === '') throw new TokenFormatError('The token is empty.');
  if (/\s/.test(token)) {
    throw new TokenFormatError('The token contains spaces or line breaks; paste it as one word.');
  }
  // Printable ASCII only: the token travels in an HTTP header.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new TokenFormatError(
      'The token contains characters that cannot be sent (only printable ASCII is allowed).',
    );
  }
  if (token.length < TOKEN_MIN_LENGTH) {
    throw new TokenFormatError(`The token is too short (at least ${TOKEN_MIN_LENGTH} characters).`);
  }
  if (token.length > TOKEN_MAX_LENGTH) {
    throw new TokenFormatError(`The token is too long (at most ${TOKEN_MAX_LENGTH} characters).`);
  }
  return token;
}
