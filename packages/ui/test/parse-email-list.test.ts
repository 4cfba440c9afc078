import { describe, expect, it } from 'vitest';
import { findEmailIssues, isEmailLike, parseEmailList, splitTypedEmails } from '../src/parse-email-list';

const values = (text: string) => parseEmailList(text).map((entry) => entry.value);

describe('parseEmailList', () => {
  it('splits on commas, semicolons, spaces and new lines', () => {
    expect(
      values('a@example.com, b@example.com;c@example.com d@example.com\ne@example.com\r\n\nf@example.com'),
    ).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
      'e@example.com',
      'f@example.com',
    ]);
  });

  it('keeps invalid tokens (to be flagged) and drops empty ones', () => {
    expect(values(' , ,not-an-email,, a@example.com ,')).toEqual(['not-an-email', 'a@example.com']);
  });

  it('reads "Name" <address> and mailto: forms', () => {
    expect(values('"Alice Smith" <alice@example.com>, <bob@example.com>, mailto:carol@example.com')).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
    ]);
  });

  it('takes the email column of a pasted CSV and skips its header', () => {
    const csv =
      'Name,Email,Team\nAlice Smith,alice@example.com,Sales\n"Bob, Jr.",bob@example.com,Ops\nCarol,carol@,Ops';
    expect(values(csv)).toEqual(['alice@example.com', 'bob@example.com', 'carol@']);
  });

  it('takes the email column of a spreadsheet paste (tabs)', () => {
    expect(values('alice@example.com\tAlice\nbob@example.com\tBob')).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
  });

  it('reads lines with a trailing comma as a list, not a table', () => {
    expect(values('a@example.com,\nb@example.com,')).toEqual(['a@example.com', 'b@example.com']);
  });
});

describe('splitTypedEmails', () => {
  it('keeps the unfinished address in the field', () => {
    expect(splitTypedEmails('a@example.com, b@exa')).toEqual({
      entries: [{ value: 'a@example.com', key: 'a@example.com' }],
      rest: 'b@exa',
    });
    expect(splitTypedEmails('b@exa')).toEqual({ entries: [], rest: 'b@exa' });
  });

  it('reads multi-line text whole', () => {
    expect(splitTypedEmails('a@example.com\nb@example.com').entries).toHaveLength(2);
  });
});

describe('findEmailIssues', () => {
  it('flags invalid addresses, repeats (case-insensitive) and members', () => {
    const entries = parseEmailList('a@example.com A@Example.com nope member@example.com b@example.com');
    expect(findEmailIssues(entries, new Set(['member@example.com']))).toEqual([
      undefined,
      'duplicate',
      'invalid',
      'member',
      undefined,
    ]);
  });

  it('accepts ordinary addresses and refuses typos', () => {
    for (const ok of ['a@example.com', 'first.last+tag@sub.example.co.uk'])
      expect(isEmailLike(ok)).toBe(true);
    for (const bad of ['a@', '@example.com', 'a@example', 'a b@example.com', 'a@@example.com', 'a@example.c'])
      expect(isEmailLike(bad)).toBe(false);
  });
});
