/** Reading Teams Activities: who is addressed, the question without the mention, identity and time zone. */
import { describe, expect, it } from 'vitest';
import { channelOf, conversationKind, identityOf, isAddressedToBot, questionText, tenantOf, toIdentity, zoneOf, type IncomingActivity } from '../../src/chat/teams/incoming.ts';
import { BOT_ID, channelMessage, groupChatMessage, personalMessage, TENANT_ID } from '../support/teams-fake.ts';

const serviceUrl = 'http://127.0.0.1:1/';
const as = (a: Record<string, unknown>) => a as IncomingActivity;

describe('isAddressedToBot', () => {
  it('answers every personal message, and channel or group messages only when they mention the bot', () => {
    expect(isAddressedToBot(as(personalMessage({ serviceUrl, text: 'deadlines SG20' })))).toBe(true);
    expect(isAddressedToBot(as(channelMessage({ serviceUrl, text: '<at>sgbot</at> deadlines SG20', mentionBot: true })))).toBe(true);
    expect(isAddressedToBot(as(channelMessage({ serviceUrl, text: 'deadlines SG20' })))).toBe(false);
    expect(isAddressedToBot(as(groupChatMessage({ serviceUrl, text: '<at>sgbot</at> help', mentionBot: true })))).toBe(true);
    expect(isAddressedToBot(as(groupChatMessage({ serviceUrl, text: 'help' })))).toBe(false);
  });

  it('does not take a mention of someone else, or "<at>sgbot</at>" typed without a mention, for a mention of the bot', () => {
    const other = channelMessage({ serviceUrl, text: '<at>Ada</at> deadlines SG20' });
    other['entities'] = [{ type: 'mention', text: '<at>Ada</at>', mentioned: { id: '29:1ada', name: 'Ada' } }];
    expect(isAddressedToBot(as(other))).toBe(false);
    expect(isAddressedToBot(as(channelMessage({ serviceUrl, text: '<at>sgbot</at> deadlines SG20' })))).toBe(false);
  });

  it('tells the kind of conversation, even when conversationType is missing', () => {
    expect(conversationKind({ conversation: { id: 'x', isGroup: true } })).toBe('groupChat');
    expect(conversationKind({ conversation: { id: 'x' } })).toBe('personal');
    expect(conversationKind(as(channelMessage({ serviceUrl, text: '' })))).toBe('channel');
  });
});

describe('questionText', () => {
  it('strips the bot mention, keeps other names, decodes the entities Teams uses', () => {
    expect(questionText(as(channelMessage({ serviceUrl, text: '<at>sgbot</at> who leads IoT identification', mentionBot: true })))).toBe('who leads IoT identification');
    const a = channelMessage({ serviceUrl, text: 'ask <at>sgbot</at>&nbsp;about <at>Ada Lovelace</at> &amp; SG20\n', mentionBot: true });
    expect(questionText(as(a))).toBe('ask about Ada Lovelace & SG20');
    expect(questionText(as(personalMessage({ serviceUrl, text: '  /deadlines   SG5 ' })))).toBe('/deadlines SG5');
    expect(questionText({ text: undefined })).toBe('');
  });

  it('uses the mention text Teams sent, whatever the bot is called in that team', () => {
    const a = channelMessage({ serviceUrl, text: '<at>ITU helper</at> meeting SG13' });
    a['entities'] = [{ type: 'mention', text: '<at>ITU helper</at>', mentioned: { id: BOT_ID, name: 'ITU helper' } }];
    expect(isAddressedToBot(as(a))).toBe(true);
    expect(questionText(as(a))).toBe('meeting SG13');
  });
});

describe('identity and zone', () => {
  it('identifies the user by Entra object id with the tenant, else by Teams id', () => {
    const a = as(personalMessage({ serviceUrl, text: 'x', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001' }));
    expect(identityOf(a, true)).toEqual({
      channel: 'teams',
      userId: '0a1b2c3d-0000-4000-8000-000000000001',
      aadObjectId: '0a1b2c3d-0000-4000-8000-000000000001',
      teamsUserId: a.from?.id,
      tenantId: TENANT_ID,
      name: 'Ada Delegate',
      conversationId: a.conversation?.id,
      shared: false,
      verified: true,
    });
    expect(identityOf({ from: { id: '29:guest' }, channelData: { tenant: { id: 't-from-channel-data' } } }, false)).toMatchObject({ userId: '29:guest', aadObjectId: null, tenantId: 't-from-channel-data', conversationId: null, verified: false });
    expect(tenantOf({})).toBeNull();
  });

  it('reaches a channel at the channel itself, not the thread asked in, and tells commands who asks and where', () => {
    const thread = as(channelMessage({ serviceUrl, text: '<at>sgbot</at> subscribe SG20 here', mentionBot: true, conversationId: '19:abc@thread.tacv2;messageid=1700000000000', aadObjectId: '0a1b2c3d-0000-4000-8000-000000000002' }));
    expect(channelOf(thread)).toBe('19:abc@thread.tacv2');
    expect(toIdentity(identityOf(thread, true))).toEqual({ channel: 'teams', id: '0a1b2c3d-0000-4000-8000-000000000002', verified: true, conversation: 'teams:19:abc@thread.tacv2', shared: true });
    const group = as(groupChatMessage({ serviceUrl, text: 'x', conversationId: '19:chat@thread.v2' }));
    expect(channelOf(group)).toBe('19:chat@thread.v2');
    expect(toIdentity(identityOf(group, false))).toMatchObject({ conversation: 'teams:19:chat@thread.v2', shared: true, verified: false });
    expect(toIdentity(identityOf(as(personalMessage({ serviceUrl, text: 'x', conversationId: 'a:1dm' })), true))).toMatchObject({ conversation: 'teams:a:1dm', shared: false });
    expect(toIdentity(identityOf({ from: { id: '29:x' } }, true))).toEqual({ channel: 'teams', id: '29:x', verified: true });
  });

  it('takes the client time zone when it is a real one, else the default', () => {
    expect(zoneOf(as(personalMessage({ serviceUrl, text: 'x', timezone: 'Asia/Tokyo' })), 'Europe/Zurich')).toBe('Asia/Tokyo');
    expect(zoneOf({ entities: [{ type: 'clientInfo', timezone: 'America/New_York' }] }, 'Europe/Zurich')).toBe('America/New_York');
    expect(zoneOf({ localTimezone: 'Mars/Olympus', entities: [{ type: 'clientInfo', timezone: 'Asia/Kolkata' }] }, 'Europe/Zurich')).toBe('Asia/Kolkata');
    expect(zoneOf({ localTimezone: 'Mars/Olympus' }, 'Europe/Zurich')).toBe('Europe/Zurich');
    expect(zoneOf({}, 'UTC')).toBe('UTC');
  });
});
