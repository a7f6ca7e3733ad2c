import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Free text of submissions must never be logged (confidentiality):
 * log ids, verbs, counts and error codes, not user text.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'slt-boten' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['text', 'data.description', 'data.title', 'activity.text', '*.text'], censor: '[skjult]' },
    },
    destination,
  );
}
