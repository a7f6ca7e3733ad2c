import { BENCH_ADMIN, BENCH_CHANNEL, cardAction, channelMessage } from './activities';
import { type BenchContext, failureKind, jsonOf } from './scenario';

/**
 * Setup steps shared by the channel scenarios (trend.submit, agenda). They go through
 * /api/messages like a coordinator would, so they only use what the bot really offers.
 */

/** Asks whether a text command exists: undefined if it does, else the skip reason. */
export async function probeCommand(ctx: BenchContext, word: string): Promise<string | undefined> {
  const activity = channelMessage(word, BENCH_ADMIN, ctx.serviceUrl);
  await ctx.sendToBot(activity);
  const reply = ctx.connector.take(activity.id);
  if (reply?.text?.includes('kjenner ikke kommandoen')) return `the command «${word}» does not exist yet (the bot answers «${reply.text.slice(0, 60)}…»)`;
  return undefined;
}

/** Asks whether a card verb exists: undefined if it does, else the skip reason. */
export async function probeVerb(ctx: BenchContext, verb: string): Promise<string | undefined> {
  const answer = await ctx.sendToBot(cardAction(verb, {}, BENCH_ADMIN, ctx.serviceUrl));
  const value = jsonOf(answer)?.value;
  if (typeof value === 'string' && value.includes('ikke lenger tilgjengelig'))
    return `the verb ${verb} does not exist yet (the router answers «${value.slice(0, 48)}…»)`;
  return undefined;
}

let registered = false;

/** Registers the bench channel as a youth team (once per run), as the administrator. */
export async function registerBenchChannel(ctx: BenchContext): Promise<void> {
  if (registered) return;
  const answer = await ctx.sendToBot(cardAction('body.register', { kind: 'youthTeam', name: BENCH_CHANNEL.name }, BENCH_ADMIN, ctx.serviceUrl));
  const body = jsonOf(answer);
  const failed = answer.status !== 200 || (typeof body?.value === 'string' && failureKind(body.value));
  if (failed) throw new Error(`setup: registering the bench channel failed (HTTP ${answer.status}): ${answer.body.slice(0, 200)}`);
  registered = true;
}

/** Sends a command in the bench channel and returns the card the bot answered with. */
export async function cardFor(ctx: BenchContext, command: string): Promise<Record<string, unknown> | undefined> {
  ctx.connector.keepCards = true;
  try {
    const activity = channelMessage(command, BENCH_ADMIN, ctx.serviceUrl);
    await ctx.sendToBot(activity);
    return ctx.connector.take(activity.id)?.card;
  } finally {
    ctx.connector.keepCards = false;
  }
}

/** Everything a card would submit with `verb`: its Action.Execute data plus the first choice of each choice set. */
export function submissionFrom(card: Record<string, unknown>, verb: string): Record<string, unknown> | undefined {
  let actionData: Record<string, unknown> | undefined;
  const choices: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) actionData = { ...((o.data as Record<string, unknown>) ?? {}) };
    if (o.type === 'Input.ChoiceSet' && typeof o.id === 'string' && Array.isArray(o.choices) && o.choices.length > 0) {
      choices[o.id] = (o.choices[0] as { value?: unknown }).value;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return actionData ? { ...choices, ...actionData } : undefined;
}

/** The first weekday at least `days` ahead, as YYYY-MM-DD (meeting setups). */
export function weekdayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Schedules one meeting in the bench channel (so `agenda` has something to show). Tries a few
 * dates, since one may be a holiday. Resolves with a note on what happened.
 */
export async function scheduleBenchMeeting(ctx: BenchContext): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const date = weekdayAhead(14 + attempt);
    const answer = await ctx.sendToBot(cardAction('meeting.schedule', { date, time: '09:00', repeat: 'none' }, BENCH_ADMIN, ctx.serviceUrl));
    const body = jsonOf(answer);
    if (
      answer.status === 200 &&
      body?.type === 'application/vnd.microsoft.card.adaptive' &&
      !JSON.stringify(body.value).includes('"verb":"meeting.schedule"')
    ) {
      return `agenda: meeting scheduled for ${date} 09:00`;
    }
    if (typeof body?.value === 'string') return `agenda: no meeting scheduled (${body.value.slice(0, 80)})`;
  }
  return 'agenda: no meeting scheduled (the schedule form kept answering with errors)';
}
