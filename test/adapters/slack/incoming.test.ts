import { describe, expect, it } from 'vitest';
import { slackContext, teamOf } from '../../../src/adapters/slack/ids.js';
import { fromSlackText } from '../../../src/adapters/slack/incoming.js';

describe('Slack text to plain text', () => {
  it('removes the bot mention and unescapes what the person typed', () => {
    expect(fromSlackText('<@U0BOT> what&#39;s &lt;LASS&gt; &amp; HEAT?', 'U0BOT')).toBe("what's <LASS> & HEAT?");
  });

  it('describes mentions, channels, broadcasts and links in words instead of Slack tokens', () => {
    expect(fromSlackText('<@U123|sam> <@U456> in <#C1|general> <!here> <!subteam^S1|@tutors>')).toBe('@sam @someone in #general @here @tutors');
    expect(fromSlackText('see <https://x.test/a|the notes> or <https://x.test/b> or <mailto:a@b.test|a@b.test>')).toBe(
      'see the notes (https://x.test/a) or https://x.test/b or a@b.test',
    );
  });

  it('does not turn escaped text back into Slack tokens twice', () => {
    expect(fromSlackText('&lt;!channel&gt;')).toBe('<!channel>');
  });
});

describe('opaque ids', () => {
  it('builds user, scope, channel and thread conversation ids', () => {
    expect(slackContext({ team: 'T1', user: 'U2', channel: 'C3', threadTs: '171.0001' })).toEqual({
      surface: 'slack',
      userId: 'slack:T1:U2',
      scopeId: 'slack:T1',
      channelId: 'slack:T1:C3',
      conversationId: 'slack:T1:C3:171.0001',
      isAdmin: false,
    });
  });

  it('uses the DM as the conversation outside threads, and the person in a channel', () => {
    expect(slackContext({ team: 'T1', user: 'U2', channel: 'D9' }).conversationId).toBe('slack:T1:D9');
    expect(slackContext({ team: 'T1', user: 'U2', channel: 'C3' }).conversationId).toBe('slack:T1:C3:U2');
  });

  it('finds the workspace in every payload shape', () => {
    expect(teamOf({ team_id: 'T1' })).toBe('T1');
    expect(teamOf({ team: { id: 'T2' } })).toBe('T2');
    expect(teamOf({ user: { team_id: 'T3' } })).toBe('T3');
    expect(teamOf({ authorizations: [{ team_id: 'T4' }] })).toBe('T4');
    expect(teamOf({ team: null, enterprise: { id: 'E1' } })).toBe('E1');
    expect(teamOf({})).toBe('unknown');
  });
});
