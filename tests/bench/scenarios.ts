import { randomUUID } from 'node:crypto';
import { benchUser, cardAction, channelMessage, personalMessage } from './activities';
import { invokeCheck, replyCheck, type Scenario } from './scenario';
import { cardFor, probeCommand, probeVerb, registerBenchChannel, scheduleBenchMeeting, submissionFrom } from './setup';

const HELP_TITLE = 'Dette kan du gjøre med SLT-boten';

/** A trend as a member would describe it: no names, no places that point at a person. */
const TREND_TEXT = 'Flere unge samles sent på kvelden ved idrettsparken, og det er mer uro enn i fjor.';

/** The form data of the `trend` card (its formId, first focus area…), read in trend.submit's setup. */
let trendTemplate: Record<string, unknown> | undefined;

/**
 * The benchmark's table. Each entry is one kind of request; run.ts runs every entry at every
 * concurrency (BENCH_CONCURRENCY), echo first so the ratio is taken under the same conditions.
 * To add a scenario, add an entry here (see `Scenario` in scenario.ts).
 */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'echo',
    target: 'echo',
    next(ctx, user) {
      const activity = personalMessage('hjelp', benchUser(user), ctx.serviceUrl);
      return { body: activity, check: replyCheck(ctx, activity.id, (r) => r.text === 'Ekko: hjelp') };
    },
  },
  {
    // `hjelp` in a personal chat: dedup insert, role lookups, card rendering, one reply.
    name: 'hjelp',
    target: 'bot',
    baseline: 'echo',
    grows: ['idempotency'],
    next(ctx, user) {
      const activity = personalMessage('hjelp', benchUser(user), ctx.serviceUrl);
      return { body: activity, check: replyCheck(ctx, activity.id, (r) => r.cardTitle === HELP_TITLE) };
    },
  },
  {
    // A member submits a trend from the `trend` card in a registered youth-team channel.
    name: 'trend.submit',
    target: 'bot',
    grows: ['trends'],
    probe: (ctx) => probeVerb(ctx, 'trend.submit'),
    async setup(ctx) {
      await registerBenchChannel(ctx);
      const card = await cardFor(ctx, 'trend');
      trendTemplate = card ? submissionFrom(card, 'trend.submit') : undefined;
      if (!trendTemplate) throw new Error('setup: the `trend` command answered without a card holding a trend.submit action');
      ctx.note(`trend.submit: form fields taken from the trend card: ${Object.keys(trendTemplate).sort().join(', ')}`);
    },
    next(ctx, user) {
      // A new form id per request: each submission is a different trend, not a repeated click.
      const data = { ...trendTemplate, formId: randomUUID(), direction: 'increasing', description: TREND_TEXT };
      const activity = cardAction('trend.submit', data, benchUser(user), ctx.serviceUrl);
      return {
        body: activity,
        // The form coming back means a field was refused: an error, not a submission.
        check: invokeCheck((value) => (JSON.stringify(value).includes('"verb":"trend.submit"') ? 'form returned with errors' : undefined)),
      };
    },
  },
  {
    // `agenda` in a registered channel with one meeting scheduled.
    name: 'agenda',
    target: 'bot',
    // trends too: trend.submit's phases fill the same channel's partition with thousands of
    // trends, which the agenda would then compose (a youth team reports a few dozen per meeting).
    grows: ['idempotency', 'trends'],
    probe: (ctx) => probeCommand(ctx, 'agenda'),
    async setup(ctx) {
      await registerBenchChannel(ctx);
      ctx.note(await scheduleBenchMeeting(ctx));
    },
    next(ctx, user) {
      const activity = channelMessage('agenda', benchUser(user), ctx.serviceUrl);
      return { body: activity, check: replyCheck(ctx, activity.id, (r) => !!(r.cardTitle ?? r.text)) };
    },
  },
];
