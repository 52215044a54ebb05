/**
 * Follow-up questions read against the asker's previous one: the group, Question or Recommendation asked now takes
 * the place of the previous one's, or the thing asked is of the previous question's group.
 */
import { describe, expect, it } from 'vitest';
import { followUp, pointedBack } from '../../src/chat/router.ts';

describe('a follow-up question', () => {
  it('"and for SG17?" asks the previous question of SG17', () => {
    expect(followUp('and for SG17?', 'when is the SG12 meeting?')).toBe('when is the SG17 meeting?');
    expect(followUp('what about Q4/20', 'deadlines for Q11/20 next week')).toBe('deadlines for Q4/20 next week');
    expect(followUp('same for study group 13', 'where is the next SG 20 meeting')).toBe('where is the next study group 13 meeting');
    expect(followUp('and G.984.3?', 'status of G.9806.1')).toBe('status of G.984.3');
  });

  it('a previous question that named no group gets the group asked now', () => {
    expect(followUp('and for TSAG?', "what's due next week?")).toBe("what's due next week for TSAG");
  });

  it('"what about its registration deadline?" asks it of the previous question\'s group', () => {
    expect(followUp('what about its registration deadline?', 'when is the SG12 meeting?')).toBe('registration deadline for the SG12 meeting');
    expect(followUp('and the venue?', 'when does TSAG meet')).toBe('venue for TSAG');
  });

  it('is none without an earlier question to read it against, or when the earlier one named nothing to ask it of', () => {
    expect(followUp('and for SG17?', null)).toBeNull();
    expect(followUp('what about its registration deadline?', 'what is new this week')).toBeNull();
  });

  it('a span narrows the previous question; "by when?" asks it with when; another topic takes the place of its topic', () => {
    const read: Array<[question: string, previous: string, asked: string]> = [
      ['which of those are in April?', 'study group 20 deadlines', 'study group 20 deadlines in April'],
      ['and next month?', 'deadlines for SG13', 'deadlines for SG13 next month'],
      ['any before 15 March?', 'what is due for Q4/20', 'what is due for Q4/20 before 15 March'],
      ['by when?', 'who must reply to the LS on emergency calls?', 'who must reply to the LS on emergency calls, and by when?'],
      ['and on IoT?', 'who leads work on security?', 'who leads work on IoT?'],
      ['what about smart cities', 'is there an LS about digital twins?', 'is there an LS about smart cities?'],
    ];
    for (const [question, previous, asked] of read) expect(followUp(question, previous), question).toBe(asked);
    // A place is no span of time, and a topic of no question asked of one is read as it is.
    expect(followUp('which of those are in Geneva?', 'deadlines for SG13')).toBeUndefined();
    expect(followUp('and on IoT?', 'when is the SG13 meeting?')).toBeNull();
  });

  it('a question in full is no follow-up', () => {
    for (const q of ['when is the SG17 meeting?', 'and what is the contribution deadline for SG13?', 'deadlines SG17', 'what about the weather in Geneva during the SG12 meeting']) expect(followUp(q, 'when is the SG12 meeting?'), q).toBeUndefined();
  });
});

describe('a question that points back ("until it starts", "that deadline")', () => {
  it('is read of the group the previous question named', () => {
    expect(pointedBack('how many days until it starts?', 'when does TSAG meet?')).toBe('how many days until the TSAG meeting starts?');
    expect(pointedBack('was that deadline changed?', "what's the SG21 contribution deadline?")).toBe('was the SG21 deadline changed?');
    expect(pointedBack("and when's the meeting itself?", 'visa deadline for SG13')).toBe("and when's the SG13 meeting?");
    expect(pointedBack('is it hybrid?', 'deadlines for SG12')).toBe('is SG12 hybrid?');
  });

  it('is read of the meeting or the liaison statement the previous question named, when it named no group', () => {
    expect(pointedBack('is it hybrid?', 'tell me about the Muscat meeting')).toBe('is the Muscat meeting hybrid?');
    expect(pointedBack('was it answered?', 'who must reply to the LS on emergency calls?')).toBe('was the LS on emergency calls answered?');
  });

  it('is read of a regional group named in words, and of a Recommendation or document named before', () => {
    expect(pointedBack('is it hybrid?', 'sg13 arab regional group meeting when and where')).toBe('is the SG13RG-ARB meeting hybrid?');
    expect(pointedBack("what's it about?", 'TAP consultation deadline for G.9806.1')).toBe("what's G.9806.1 about?");
  });

  it('is read of a statement named by its number, not of the group its number starts with', () => {
    expect(pointedBack("who's the contact for it?", 'what does SG11-LS58 ask?')).toBe("who's the contact for SG11-LS58?");
    expect(pointedBack('is it for action?', 'who sent SG17-TD1234?')).toBe('is SG17-TD1234 for action?');
  });

  it('"its <thing>" asks for that thing of what the previous question named', () => {
    expect(pointedBack('what were its deadlines', 'what does SG11-LS58 ask?')).toBe('what were the deadlines of SG11-LS58');
    expect(pointedBack('when is its registration deadline for fellows?', 'when is the SG13 meeting?')).toBe('when is the registration deadline of the SG13 meeting for fellows?');
    expect(pointedBack('and its venue?', 'tell me about the AI native networks workshop')).toBe('and the venue of the AI native networks workshop?');
    expect(pointedBack('what are its deadlines?', 'deadlines for SG12')).toBe('what are the deadlines of SG12?');
  });

  it('"this week" and "that month" point to no earlier question', () => {
    expect(pointedBack("what's due this week?", 'deadlines for SG13')).toBeNull();
  });

  it('is none when the previous question named nothing', () => {
    expect(pointedBack('how many days until it starts?', 'any workshops coming up')).toBeNull();
    expect(pointedBack('how many days until it starts?', null)).toBeNull();
  });
});
