// adaptivecards 3.0.6 is ESM without extensions under its package entry; the dist bundle is CommonJS.
import * as AC from 'adaptivecards/dist/adaptivecards.js';

/** Element types Teams knows that the SDK does not (PLATFORM.md): allowed, and nothing else. */
const ALLOWED_UNKNOWN = /^Unknown element type "Chart\.(Donut|Pie|VerticalBar|VerticalBar\.Grouped|HorizontalBar|Line|Gauge)"/;

/** Parses a card as Teams' version 1.5 and returns every parse and validation message. */
export function validateCard(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json as Record<string, unknown>, ctx);
  const messages: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    if (!ALLOWED_UNKNOWN.test(e.message)) messages.push(e.message);
  }
  for (const e of card.validateProperties().validationEvents) messages.push(e.message);
  return messages;
}
