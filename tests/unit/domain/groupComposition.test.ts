import { describe, expect, it } from 'vitest';
import { demoVenues } from '../../../src-main/core/domain/demoCatalogue.std.ts';
import { groupViolations, headCount, ticketBreakdown } from '../../../src-main/core/domain/groupComposition.std.ts';

const rulesOf = (id: string) => demoVenues.find((v) => v.id === id)!.rules;
const arc = rulesOf('arc-de-triomphe');
const vincennes = rulesOf('chateau-de-vincennes');
const sainteChapelle = rulesOf('sainte-chapelle');
const conciergerie = rulesOf('conciergerie');

describe('headCount', () => {
  it('counts everyone, guides and leaders included', () => {
    expect(headCount({ visitors: 16, guides: 1, leaders: 2 })).toBe(19);
  });
  it('refuses negative or fractional numbers of people', () => {
    expect(() => headCount({ visitors: -1, guides: 0, leaders: 0 })).toThrow(RangeError);
    expect(() => headCount({ visitors: 2.5, guides: 0, leaders: 0 })).toThrow(RangeError);
  });
});

describe('ticketBreakdown', () => {
  it('gives a tour guide a free ticket whatever the group size', () => {
    expect(ticketBreakdown({ visitors: 3, guides: 1, leaders: 0 })).toMatchObject({ freeGuides: 1, paidVisitors: 3 });
  });

  it('gives the leader of a group of more than 20 a free ticket', () => {
    expect(ticketBreakdown({ visitors: 21, guides: 0, leaders: 1 })).toEqual({
      headCount: 22, paidVisitors: 21, freeGuides: 0, freeLeaders: 1, paidLeaders: 0,
    });
  });

  it('makes the leader of a group of exactly 20 pay', () => {
    expect(ticketBreakdown({ visitors: 20, guides: 0, leaders: 1 })).toMatchObject({ freeLeaders: 0, paidLeaders: 1 });
  });

  it('decides on paying visitors only: 20 visitors with a guide and a leader is still 20', () => {
    expect(ticketBreakdown({ visitors: 20, guides: 1, leaders: 1 })).toMatchObject({ freeGuides: 1, freeLeaders: 0, paidLeaders: 1 });
  });

  it('frees one leader per group; further leaders pay', () => {
    expect(ticketBreakdown({ visitors: 30, guides: 0, leaders: 2 })).toMatchObject({ freeLeaders: 1, paidLeaders: 1 });
  });
});

describe('groupViolations', () => {
  it('requires 7 people at the Arc de triomphe and 8 at Vincennes', () => {
    expect(groupViolations(arc, { visitors: 6, guides: 0, leaders: 0 })).toEqual([{ code: 'BELOW_MINIMUM', min: 7 }]);
    expect(groupViolations(arc, { visitors: 7, guides: 0, leaders: 0 })).toEqual([]);
    expect(groupViolations(vincennes, { visitors: 7, guides: 0, leaders: 0 })).toEqual([{ code: 'BELOW_MINIMUM', min: 8 }]);
    expect(groupViolations(vincennes, { visitors: 8, guides: 0, leaders: 0 })).toEqual([]);
  });

  it('counts companions towards the minimum, like the maximum', () => {
    expect(groupViolations(arc, { visitors: 6, guides: 0, leaders: 1 })).toEqual([]);
  });

  it('accepts a guided group of any size at the Conciergerie and Sainte-Chapelle only', () => {
    expect(groupViolations(sainteChapelle, { visitors: 3, guides: 1, leaders: 0 })).toEqual([]);
    expect(groupViolations(conciergerie, { visitors: 1, guides: 1, leaders: 0 })).toEqual([]);
    expect(groupViolations(sainteChapelle, { visitors: 3, guides: 0, leaders: 1 })).toEqual([{ code: 'BELOW_MINIMUM', min: 8 }]);
    expect(groupViolations(vincennes, { visitors: 3, guides: 1, leaders: 0 })).toEqual([{ code: 'BELOW_MINIMUM', min: 8 }]);
  });

  it('caps a slot at 35 people at the Arc and Vincennes, guide included', () => {
    expect(groupViolations(arc, { visitors: 34, guides: 1, leaders: 0 })).toEqual([]);
    expect(groupViolations(arc, { visitors: 35, guides: 1, leaders: 0 })).toEqual([{ code: 'ABOVE_SLOT_MAXIMUM', max: 35 }]);
    expect(groupViolations(vincennes, { visitors: 36, guides: 0, leaders: 0 })).toEqual([{ code: 'ABOVE_SLOT_MAXIMUM', max: 35 }]);
  });

  it('caps a slot at 26 people at Sainte-Chapelle and the Conciergerie, guide and leader included', () => {
    expect(groupViolations(sainteChapelle, { visitors: 24, guides: 1, leaders: 1 })).toEqual([]);
    expect(groupViolations(conciergerie, { visitors: 25, guides: 1, leaders: 1 })).toEqual([{ code: 'ABOVE_SLOT_MAXIMUM', max: 26 }]);
  });

  it('allows special visits online only where the venue takes them', () => {
    const group = { visitors: 22, guides: 0, leaders: 2 };
    expect(groupViolations(arc, group, { specialVisit: true })).toEqual([]);
    expect(groupViolations(sainteChapelle, group, { specialVisit: true })).toEqual([{ code: 'SPECIAL_VISIT_NOT_ALLOWED' }]);
  });

  it('sends monuments on request to their booking department', () => {
    expect(groupViolations(rulesOf('pantheon'), { visitors: 40, guides: 1, leaders: 0 })).toEqual([{ code: 'NO_ONLINE_BOOKING' }]);
  });

  it('refuses a group without visitors', () => {
    expect(groupViolations(sainteChapelle, { visitors: 0, guides: 1, leaders: 0 })).toEqual([{ code: 'EMPTY_GROUP' }]);
    expect(groupViolations(arc, { visitors: 0, guides: 0, leaders: 0 })).toEqual([{ code: 'EMPTY_GROUP' }]);
  });
});
