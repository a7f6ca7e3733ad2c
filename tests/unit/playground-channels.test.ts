import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberLookup, onlyChannelMembers, type PlaygroundChannels, readPlaygroundChannels, withChannelTypes } from '../../scripts/playground-channels';
import { checkPlaygroundChannels, playgroundIds } from '../../scripts/start';

/**
 * The development stand-in that makes the Agents Playground answer like Teams for private
 * channels (scripts/playground-channels.ts), and the repository's own network in
 * .m365agentsplayground.channels.json.
 */
const VEST = '19:ungdomsteam-vest-13-16@thread.tacv2';
const config: PlaygroundChannels = { channels: { [VEST]: { type: 'private', members: ['user-kari', 'aad-amina'] } } };
const roster = [
  { id: 'user-kari', aadObjectId: 'aad-kari', name: 'Kari' },
  { id: 'user-ola', aadObjectId: 'aad-ola', name: 'Ola' },
  { id: 'user-amina', aadObjectId: 'aad-amina', name: 'Amina' },
];

describe('the Playground stand-in for private channels', () => {
  it('gives each channel of the team list its kind: listed ones as the file says, the others standard', () => {
    const out = withChannelTypes(config, {
      conversations: [
        { id: '19:general', channelType: 'standard' },
        { id: VEST, name: 'Vest', channelType: 'standard' },
      ],
    });
    expect(out).toEqual({
      conversations: [
        { id: '19:general', channelType: 'standard', type: 'standard' },
        { id: VEST, name: 'Vest', channelType: 'standard', type: 'private' },
      ],
    });
  });

  it("answers a private channel's roster with its listed members only (by Playground id or Entra id), in both answer shapes", () => {
    expect(onlyChannelMembers(config, VEST, { members: roster, totalCount: 4 })).toEqual({ members: [roster[0], roster[2]], totalCount: 2 });
    expect(onlyChannelMembers(config, `${VEST};messageid=17`, roster)).toEqual([roster[0], roster[2]]);
    // Any other conversation answers as the Playground made it: the whole team.
    expect(onlyChannelMembers(config, '19:general', { members: roster })).toEqual({ members: roster });
  });

  it('finds one member of a private channel, and answers 404 for a team member outside it', () => {
    expect(memberLookup(config, VEST, roster[0])).toEqual({ status: 200, body: roster[0] });
    expect(memberLookup(config, VEST, roster[1]).status).toBe(404);
    expect(memberLookup(config, '19:general', roster[1])).toEqual({ status: 200, body: roster[1] });
  });

  it('refuses a file that names an unknown channel or person, naming them', () => {
    const ids = { users: new Set(['user-kari']), byEntraId: new Map(), channels: new Map([[VEST, 'Vest']]) };
    expect(checkPlaygroundChannels({ channels: { [VEST]: { type: 'private', members: ['user-kari', 'user-nobody'] } } }, ids)).toEqual([
      `user-nobody (in ${VEST}) is not a user of .m365agentsplayground.yml`,
    ]);
    expect(checkPlaygroundChannels({ channels: { '19:x@thread.tacv2': { type: 'private', members: ['user-kari'] } } }, ids)).toEqual([
      '19:x@thread.tacv2 is not a channel of .m365agentsplayground.yml',
    ]);
  });
});

describe("the repository's Playground network", () => {
  // scripts/start.ts finds them from dist/; here, from the repository root.
  const root = path.resolve(__dirname, '../..');
  const standIn = readPlaygroundChannels(path.join(root, '.m365agentsplayground.channels.json'));
  const ids = playgroundIds(path.join(root, '.m365agentsplayground.yml'));

  it('names only channels and people of .m365agentsplayground.yml', () => {
    expect(ids.users.size).toBeGreaterThanOrEqual(12); // six people, each with a Playground id and an Entra id
    expect(ids.channels.size).toBe(4);
    expect(checkPlaygroundChannels(standIn, ids)).toEqual([]);
  });

  it('puts every body channel in a private channel of its own, so no two bodies share their readers', () => {
    expect(Object.keys(standIn.channels).sort()).toEqual([...ids.channels.keys()].sort());
    expect(Object.values(standIn.channels).every((c) => c.type === 'private')).toBe(true);
  });

  it('leaves a colleague in the team but outside each youth team, so the refusal can be shown', () => {
    const people = [...ids.byEntraId.values()];
    for (const [id, name] of ids.channels) {
      if (!/Ungdomsteam/.test(name)) continue;
      const outside = people.filter((p) => !standIn.channels[id]!.members.includes(p));
      expect(outside.length, name).toBeGreaterThanOrEqual(1);
    }
  });
});
