import { createHash } from 'node:crypto';
import type { TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import { type Body, type BodyKind, type BodyReader, type ChannelKind, type ConversationRef, channelKindOf } from '../../domain/bodies';
import { TtlCache } from '../cache';
import { isConflict, isNotFound, listAll, readModifyWrite } from '../etag';

/**
 * Table `bodies` — SLT bodies, each bound to one Teams channel, plus the claims that keep a
 * network to one coordination group and one board, and a team to one body in a standard channel.
 *   PartitionKey = tenant id (one SLT network per tenant)
 *   RowKey       = body id: 'b' + first 16 hex of sha256(channel id) — stable, so re-registering a
 *                  channel finds the same row (keeps id and registeredAt).
 *                  Body rows carry the channel's kind and team name, and its conversation
 *                  reference (ref* columns).
 *   RowKey       = 'kind-coordinationGroup' / 'kind-board' — the uniqueness claim: bodyId (empty
 *                  when free), channelId, channelName, name.
 *   RowKey       = 'team-' + first 16 hex of sha256(team id) — the claim of the one body in a
 *                  standard channel of that team (all of a team reads its standard channels, so a
 *                  second body there would have the same readers): same columns.
 * A body row and the claims it needs are written in ONE entity-group transaction with ETag
 * conditions, so two coordinators registering two coordination groups (or two standard channels
 * of one team) at once cannot both win, and a failed write leaves nothing half-written.
 * With `cacheTtlMs` (the app: LOOKUP_TTL_MS) lookups (`get`, `byChannel`, `ofKind`, `list`) are
 * reused for that long; every write in this instance forgets them all (bodies change rarely),
 * another instance sees a registration at most that late.
 */
type BodyRow = {
  kind: BodyKind;
  name: string;
  cadenceWeeks: number;
  weekday?: number;
  time?: string;
  durationMinutes: number;
  channelId: string;
  channelName?: string;
  /** Absent on rows written before kinds were recorded. */
  channelType?: ChannelKind;
  teamName?: string;
  registeredBy: string;
  registeredAt: string;
  updatedAt: string;
  refServiceUrl: string;
  refConversationId: string;
  refTenantId: string;
  refBotId: string;
  refBotName?: string;
  refTeamId?: string;
  refChannelId?: string;
};

type ClaimRow = {
  bodyId: string;
  channelId: string;
  channelName?: string;
  name: string;
};

/** Kinds of which a network has exactly one. */
export const UNIQUE_KINDS: readonly BodyKind[] = ['coordinationGroup', 'board'];

/** What a coordinator registers; `at` is the time of the request. */
export interface BodyRegistration {
  readonly tenantId: string;
  readonly kind: BodyKind;
  readonly name: string;
  readonly cadenceWeeks: number;
  readonly weekday?: number;
  readonly time?: string;
  readonly durationMinutes: number;
  readonly channelId: string;
  readonly channelName?: string;
  /**
   * The channel's kind as Teams gives it (the activity, else the team's channel list); undefined
   * when Teams said nothing — then the body counts as standard for the one-body-per-team rule,
   * and its members are read from its own channel, which Teams answers as it defines it.
   */
  readonly channelType: ChannelKind | undefined;
  readonly teamName?: string;
  readonly ref: ConversationRef;
  readonly registeredBy: string;
  readonly at: string;
}

/** The holder of a claim: the body in the way. */
export interface ClaimHolder {
  readonly bodyId: string;
  readonly channelId: string;
  readonly channelName?: string;
  readonly name: string;
}

export type UpsertResult =
  | { readonly ok: true; readonly body: Body; readonly created: boolean; readonly changed: boolean }
  /** Another channel already holds the one coordination group / board of this network. */
  | { readonly ok: false; readonly reason: 'kindTaken'; readonly kind: BodyKind; readonly holder: ClaimHolder }
  /** Another standard channel of the same team already holds a body: the two would have the same readers. */
  | { readonly ok: false; readonly reason: 'teamTaken'; readonly holder: ClaimHolder };

/** Stable short body id derived from the channel id. */
export function bodyIdFor(channelId: string): string {
  return `b${createHash('sha256').update(channelId).digest('hex').slice(0, 16)}`;
}

const claimKey = (kind: BodyKind): string => `kind-${kind}`;
/** The claim of a team's one body in a standard channel. */
export const teamClaimKey = (teamId: string): string => `team-${createHash('sha256').update(teamId).digest('hex').slice(0, 16)}`;
/** The team claim a registration needs: a channel of a known team that is standard, or whose kind Teams did not say. */
const teamClaimOf = (r: { channelType?: ChannelKind; refTeamId?: string }): string | undefined =>
  (r.channelType ?? 'standard') === 'standard' && r.refTeamId ? teamClaimKey(r.refTeamId) : undefined;
const quote = (s: string): string => s.replace(/'/g, "''");

/** Azure Table implementation of the bodies repository. */
export class BodyRepository implements BodyReader {
  private readonly one: TtlCache<Body | undefined>;
  private readonly all: TtlCache<readonly Body[]>;

  constructor(
    private readonly client: TableClient,
    options: { cacheTtlMs?: number } = {},
  ) {
    this.one = new TtlCache(options.cacheTtlMs ?? 0);
    this.all = new TtlCache(options.cacheTtlMs ?? 0, 1_000);
  }

  async get(tenantId: string, bodyId: string): Promise<Body | undefined> {
    if (!/^b[0-9a-f]{16}$/.test(bodyId)) return undefined; // never look up claim rows or crafted keys
    return this.one.get(`${tenantId}|${bodyId}`, async () => {
      const row = await this.read<BodyRow>(tenantId, bodyId);
      return row ? toBody(tenantId, row) : undefined;
    });
  }

  async byChannel(tenantId: string, channelId: string): Promise<Body | undefined> {
    return this.get(tenantId, bodyIdFor(channelId));
  }

  /** Every body of a network, youth teams first, then by name. */
  async list(tenantId: string): Promise<Body[]> {
    const bodies = await this.all.get(tenantId, async () => {
      // Body row keys start with 'b', claim rows with 'k': a key range keeps claims out.
      const rows = await listAll<BodyRow>(this.client, `PartitionKey eq '${quote(tenantId)}' and RowKey ge 'b' and RowKey lt 'c'`);
      const order: Record<BodyKind, number> = { youthTeam: 0, coordinationGroup: 1, board: 2 };
      return rows.map((r) => toBody(tenantId, r)).sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'nb'));
    });
    return [...bodies]; // callers may sort or splice their copy
  }

  /** The one coordination group / board of a network, if registered (two point reads). */
  async ofKind(tenantId: string, kind: 'coordinationGroup' | 'board'): Promise<Body | undefined> {
    return this.one.get(`${tenantId}|${claimKey(kind)}`, async () => {
      const claim = await this.read<ClaimRow>(tenantId, claimKey(kind));
      // The body is read afresh, not through the cache, so the answer is never older than one TTL.
      const row = claim?.bodyId && /^b[0-9a-f]{16}$/.test(claim.bodyId) ? await this.read<BodyRow>(tenantId, claim.bodyId) : undefined;
      return row ? toBody(tenantId, row) : undefined;
    });
  }

  /** Forgets every cached lookup: called after each write of this instance. */
  private forget(): void {
    this.one.clear();
    this.all.clear();
  }

  /**
   * Registers a channel as a body, or updates the body already bound to it (same id, same
   * registeredAt). Registering the same data again changes nothing. Retries when another
   * writer got in between; refuses when another channel holds the coordination group/board.
   */
  async upsert(reg: BodyRegistration, maxAttempts = 6): Promise<UpsertResult> {
    try {
      return await this.upsertOnce(reg, maxAttempts);
    } finally {
      this.forget();
    }
  }

  private async upsertOnce(reg: BodyRegistration, maxAttempts: number): Promise<UpsertResult> {
    const id = bodyIdFor(reg.channelId);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const current = await this.read<BodyRow>(reg.tenantId, id);
      const row = rowOf(reg, current);
      // The claims this registration needs (wanted) and those the current row holds (to free).
      const wanted = [...(UNIQUE_KINDS.includes(reg.kind) ? [claimKey(reg.kind)] : []), ...(teamClaimOf(row) ? [teamClaimOf(row)!] : [])];
      const held = current
        ? [...(UNIQUE_KINDS.includes(current.kind) ? [claimKey(current.kind)] : []), ...(teamClaimOf(current) ? [teamClaimOf(current)!] : [])]
        : [];
      const claims = new Map<string, TableEntityResult<ClaimRow> | undefined>();
      for (const key of new Set([...wanted, ...held])) claims.set(key, await this.read<ClaimRow>(reg.tenantId, key));

      for (const key of [...wanted]) {
        const claim = claims.get(key);
        if (claim?.bodyId && claim.bodyId !== id) {
          const holder = { bodyId: claim.bodyId, channelId: claim.channelId, channelName: claim.channelName, name: claim.name };
          if (!key.startsWith('team-')) return { ok: false, reason: 'kindTaken', kind: reg.kind, holder };
          // A body that already shared its team's readers before kinds were recorded may still be updated; a new one may not.
          if (!current) return { ok: false, reason: 'teamTaken', holder };
          wanted.splice(wanted.indexOf(key), 1);
        }
      }
      if (current && sameRow(current, row)) return { ok: true, body: toBody(reg.tenantId, current), created: false, changed: false };

      const actions: TransactionAction[] = [];
      for (const [key, claim] of claims) {
        const holds = wanted.includes(key);
        const entity: TableEntity<ClaimRow> = {
          partitionKey: reg.tenantId,
          rowKey: key,
          bodyId: holds ? id : '',
          channelId: holds ? reg.channelId : '',
          channelName: holds ? reg.channelName : undefined,
          name: holds ? reg.name : '',
        };
        if (!claim) {
          if (holds) actions.push(['create', entity]);
        } else if (claim.bodyId === id || (holds && !claim.bodyId)) {
          actions.push(['update', entity, 'Replace', { etag: claim.etag }]);
        }
      }
      const bodyEntity: TableEntity<BodyRow> = { partitionKey: reg.tenantId, rowKey: id, ...row };
      actions.push(current ? ['update', bodyEntity, 'Replace', { etag: current.etag }] : ['create', bodyEntity]);
      try {
        await this.client.submitTransaction(actions);
        return { ok: true, body: toBody(reg.tenantId, bodyEntity), created: !current, changed: true };
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Someone else wrote the body or a claim since we read them: read again and decide again.
      }
    }
    throw new Error('body registration kept conflicting');
  }

  /**
   * Remembers where a registered channel can be reached now (Teams may move a tenant to another
   * serviceUrl). Writes only when something changed. Returns whether it wrote.
   */
  async refreshRef(tenantId: string, channelId: string, ref: ConversationRef, channelName?: string): Promise<boolean> {
    const id = bodyIdFor(channelId);
    const result = await readModifyWrite<BodyRow>(this.client, tenantId, id, (current) => {
      if (!current) return { kind: 'abort', reason: 'unregistered' };
      const next: BodyRow = { ...stripMeta(current), ...refColumns(ref), channelName: channelName ?? current.channelName };
      if (sameRow(current, next)) return { kind: 'abort', reason: 'unchanged' };
      return { kind: 'write', entity: { partitionKey: tenantId, rowKey: id, ...next } };
    });
    if (result.ok) this.forget();
    return result.ok;
  }

  private async read<T extends object>(partitionKey: string, rowKey: string): Promise<TableEntityResult<T> | undefined> {
    try {
      return await this.client.getEntity<T>(partitionKey, rowKey);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function refColumns(
  ref: ConversationRef,
): Pick<BodyRow, 'refServiceUrl' | 'refConversationId' | 'refTenantId' | 'refBotId' | 'refBotName' | 'refTeamId' | 'refChannelId'> {
  return {
    refServiceUrl: ref.serviceUrl,
    refConversationId: ref.conversationId,
    refTenantId: ref.tenantId,
    refBotId: ref.botId,
    refBotName: ref.botName,
    refTeamId: ref.teamId,
    refChannelId: ref.channelId,
  };
}

function rowOf(reg: BodyRegistration, current: BodyRow | undefined): BodyRow {
  return {
    kind: reg.kind,
    name: reg.name,
    cadenceWeeks: reg.cadenceWeeks,
    weekday: reg.weekday,
    time: reg.time,
    durationMinutes: reg.durationMinutes,
    channelId: reg.channelId,
    channelName: reg.channelName ?? current?.channelName,
    channelType: reg.channelType,
    teamName: reg.teamName ?? current?.teamName,
    registeredBy: current?.registeredBy ?? reg.registeredBy,
    registeredAt: current?.registeredAt ?? reg.at,
    updatedAt: reg.at,
    ...refColumns(reg.ref),
  };
}

/** Columns that make a registration different; updatedAt and registeredBy are bookkeeping. */
const COMPARED: readonly (keyof BodyRow)[] = [
  'kind',
  'name',
  'cadenceWeeks',
  'weekday',
  'time',
  'durationMinutes',
  'channelId',
  'channelName',
  'channelType',
  'teamName',
  'refServiceUrl',
  'refConversationId',
  'refTenantId',
  'refBotId',
  'refBotName',
  'refTeamId',
  'refChannelId',
];

/** Drops the SDK's metadata so a stored row can be written back. */
function stripMeta(e: TableEntityResult<BodyRow>): BodyRow {
  const { partitionKey: _p, rowKey: _r, etag: _e, ...rest } = e;
  delete (rest as Record<string, unknown>).timestamp;
  return rest;
}

/** Equal in every compared column (so a repeated registration is a no-op). */
function sameRow(a: BodyRow, b: BodyRow): boolean {
  return COMPARED.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

function toBody(tenantId: string, r: BodyRow & { rowKey?: string }): Body {
  return {
    tenantId,
    id: r.rowKey ?? bodyIdFor(r.channelId),
    kind: r.kind,
    name: r.name,
    cadenceWeeks: r.cadenceWeeks,
    weekday: r.weekday ?? undefined,
    time: r.time ?? undefined,
    durationMinutes: r.durationMinutes,
    channelId: r.channelId,
    channelName: r.channelName ?? undefined,
    channelType: channelKindOf(r.channelType),
    teamName: r.teamName ?? undefined,
    ref: {
      serviceUrl: r.refServiceUrl,
      conversationId: r.refConversationId,
      tenantId: r.refTenantId,
      botId: r.refBotId,
      botName: r.refBotName ?? undefined,
      teamId: r.refTeamId ?? undefined,
      channelId: r.refChannelId ?? undefined,
    },
    registeredBy: r.registeredBy,
    registeredAt: r.registeredAt,
    updatedAt: r.updatedAt,
  };
}
