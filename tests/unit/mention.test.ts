import { describe, expect, it } from 'vitest';
import { commandText } from '../../src/bot/mention';
import { findCommand } from '../../src/commands';

const BOT = { id: '28:bot', name: 'SLT-boten' };
const botMention = { type: 'mention', text: '<at>SLT-boten</at>', mentioned: BOT };

describe('command text from a Teams message', () => {
  it('strips the bot mention in front of the command', () => {
    expect(commandText('<at>SLT-boten</at> hjelp', [botMention], BOT.id)).toBe('hjelp');
  });

  it('strips every mention of the bot, not only the first', () => {
    expect(commandText('<at>SLT-boten</at> trend <at>SLT-boten</at>', [botMention, botMention], BOT.id)).toBe('trend');
  });

  it('keeps mentions of other people as the user wrote them', () => {
    const other = { type: 'mention', text: '<at>Kari</at>', mentioned: { id: '29:kari', name: 'Kari' } };
    expect(commandText('<at>SLT-boten</at> løft <at>Kari</at>', [botMention, other], BOT.id)).toBe('løft Kari');
  });

  it('decodes entities and non-breaking spaces Teams puts into the text', () => {
    expect(commandText('<at>SLT-boten</at>&nbsp;rapport&nbsp;2026-10', [botMention], BOT.id)).toBe('rapport 2026-10');
    expect(commandText('<p><at>SLT-boten</at> hjelp</p>', [botMention], BOT.id)).toBe('hjelp');
  });

  it('leaves a personal-chat message without mentions alone', () => {
    expect(commandText('  hjelp  ', undefined, BOT.id)).toBe('hjelp');
  });
});

describe('command words', () => {
  it('matches the first word exactly, ignoring case', () => {
    expect(findCommand('HJELP').command?.id).toBe('help');
    expect(findCommand('Help me').command?.id).toBe('help');
  });

  it('does not match a word that merely contains a command', () => {
    expect(findCommand('hjelpen').command).toBeUndefined();
    expect(findCommand('kan du hjelpe').command).toBeUndefined();
  });

  it('passes the rest of the message as arguments', () => {
    const found = findCommand('hjelp   om   møter');
    expect(found.command && 'args' in found ? found.args : undefined).toBe('om møter');
  });
});
