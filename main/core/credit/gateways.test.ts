import { describe, expect, it } from 'vitest';
import { topUpUrlFor } from './gateways';

describe('known gateways', () => {
  it('links api.gpt.ge (any path or case), and guesses nothing for others', () => {
    expect(topUpUrlFor('https://api.gpt.ge')).toBe('https://api.gpt.ge/');
    expect(topUpUrlFor('https://API.GPT.GE/v1')).toBe('https://api.gpt.ge/');
    expect(topUpUrlFor('https://api.gpt.ge.evil.example')).toBeNull();
    expect(topUpUrlFor('http://127.0.0.1:8787')).toBeNull();
    expect(topUpUrlFor('not a url')).toBeNull();
  });
});
