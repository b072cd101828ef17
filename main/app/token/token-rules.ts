// What a pasted token must look like before we store it. Messages never repeat the input:
// a half-pasted token is still a secret.
import { say, type MessageRef } from '../../core/text/message-ref';
import { TextError } from '../../core/text/text-error';

export const TOKEN_MIN_LENGTH = 8;
export const TOKEN_MAX_LENGTH = 512;

export class TokenFormatError extends TextError {
  constructor(ref: MessageRef) {
    super(ref);
    this.name = 'TokenFormatError';
  }
}

/** Returns the trimmed token, or throws TokenFormatError saying what is wrong with it. */
export function checkToken(input: string): string {
  let token = input.trim();
  // People paste the whole header line; accept it rather than storing "Bearer sk-...".
  if (/^bearer\s+/i.test(token)) token = token.replace(/^bearer\s+/i, '');
  if (token === '') throw new TokenFormatError(say('token.empty'));
  if (/\s/.test(token)) {
    throw new TokenFormatError(say('token.spaces'));
  }
  // Printable ASCII only: the token travels in an HTTP header.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new TokenFormatError(say('token.notAscii'));
  }
  if (token.length < TOKEN_MIN_LENGTH) {
    throw new TokenFormatError(say('token.tooShort', TOKEN_MIN_LENGTH));
  }
  if (token.length > TOKEN_MAX_LENGTH) {
    throw new TokenFormatError(say('token.tooLong', TOKEN_MAX_LENGTH));
  }
  return token;
}
