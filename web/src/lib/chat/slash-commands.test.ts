import { describe, expect, it } from 'vitest';
import { matchingHints } from './slash-commands';

describe('matchingHints', () => {
  it('lists every command for "/" and narrows by prefix (else hints do not follow typing)', () => {
    expect(matchingHints('/', undefined).map((hint) => hint.command)).toContain('/forecast');
    expect(matchingHints('/fo', undefined).map((hint) => hint.command)).toEqual(['/forecast']);
  });

  it('shows nothing once arguments are typed or for plain text (else hints cover the message)', () => {
    expect(matchingHints('/forecast GRA', undefined)).toEqual([]);
    expect(matchingHints('hola /fo', undefined)).toEqual([]);
  });

  it('offers only commands whose tool the server has, and /help always (else hints promise missing tools)', () => {
    const commands = matchingHints('/', new Set(['forecast_demand'])).map((hint) => hint.command);
    expect(commands).toEqual(['/forecast', '/help']);
  });
});
