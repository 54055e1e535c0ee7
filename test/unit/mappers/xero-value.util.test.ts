import { describe, expect, it } from 'vitest';
import { ObjectSerializer } from 'xero-node/dist/gen/model/accounting/models.js';
import { calendarDate, enumName, flag, text, timestamp } from '../../../src/sync/mappers/xero-value.util.js';

describe('calendarDate', () => {
  it.each([
    { label: 'a /Date(ms+0000)/ string', value: '/Date(1539993600000+0000)/', expected: '2018-10-20' },
    { label: 'a /Date(ms)/ string without offset', value: '/Date(1539993600000)/', expected: '2018-10-20' },
    { label: 'a zone-less ISO date-time string', value: '2018-10-20T00:00:00', expected: '2018-10-20' },
    { label: 'a plain date string', value: '2018-10-20', expected: '2018-10-20' },
    {
      label: 'an ISO string with an offset (its own calendar day)',
      value: '2018-10-20T00:00:00+13:00',
      expected: '2018-10-20',
    },
    {
      label: 'a Date at UTC midnight (xero-node from /Date(...)/)',
      value: new Date(Date.UTC(2018, 9, 20)),
      expected: '2018-10-20',
    },
    {
      label: 'a Date at local midnight (xero-node from a zone-less ISO string)',
      value: new Date(2018, 9, 20),
      expected: '2018-10-20',
    },
    {
      label: 'a Date at another instant (read in UTC)',
      value: new Date(Date.UTC(2018, 9, 20, 13, 30)),
      expected: '2018-10-20',
    },
    { label: 'an invalid Date', value: new Date(Number.NaN), expected: null },
    { label: 'an impossible day', value: '2018-02-30', expected: null },
    { label: 'garbage', value: 'next Tuesday', expected: null },
    { label: 'an empty string', value: '', expected: null },
    { label: 'undefined', value: undefined, expected: null },
    { label: 'a number', value: 20181020, expected: null },
  ])('reads $label', ({ value, expected }) => {
    expect(calendarDate(value)).toBe(expected);
  });

  it('reads a date field xero-node turned into a Date the same as its string twin', () => {
    // xero-node turns any string starting /Date( into a Date even for fields typed string (#746).
    const model = ObjectSerializer.deserialize(
      { Date: '/Date(1539993600000+0000)/', DueDate: '2018-12-10T00:00:00' },
      'Invoice',
    ) as {
      date: unknown;
      dueDate: unknown;
    };
    expect(model.date).toBeInstanceOf(Date);
    expect(typeof model.dueDate).toBe('string');
    expect([calendarDate(model.date), calendarDate(model.dueDate)]).toEqual(['2018-10-20', '2018-12-10']);
  });
});

describe('timestamp', () => {
  it.each([
    { label: 'a /Date(ms+0000)/ string', value: '/Date(1551399323399+0000)/', expected: 1551399323399 },
    {
      label: 'a zone-less ISO string, as UTC',
      value: '2019-02-28T00:15:23.399',
      expected: Date.UTC(2019, 1, 28, 0, 15, 23, 399),
    },
    {
      label: 'an ISO string with Z',
      value: '2018-11-02T16:36:32Z',
      expected: Date.UTC(2018, 10, 2, 16, 36, 32),
    },
    { label: 'a Date', value: new Date(1551399323399), expected: 1551399323399 },
  ])('reads $label', ({ value, expected }) => {
    expect(timestamp(value)?.getTime()).toBe(expected);
  });

  it.each([undefined, null, '', 'soon', new Date(Number.NaN), 12])('is null for %s', (value) => {
    expect(timestamp(value)).toBeNull();
  });

  it('copies a Date so the record does not share it with the input', () => {
    const input = new Date(0);
    expect(timestamp(input)).not.toBe(input);
  });
});

describe('text, enumName and flag', () => {
  it.each([
    ['  Acme  ', 'Acme'],
    ['', null],
    ['   ', null],
    [undefined, null],
    [42, '42'],
  ])('text(%j) is %j', (value, expected) => expect(text(value)).toBe(expected));

  it('names enum values in upper case', () => expect(enumName('Exclusive')).toBe('EXCLUSIVE'));

  it.each([
    [true, true],
    ['true', true],
    [false, false],
    [undefined, false],
    ['yes', false],
  ])('flag(%j) is %j', (value, expected) => expect(flag(value)).toBe(expected));
});
