import { describe, expect, it } from 'vitest';
import { encodeCsv, encodeCsvField, membershipsToCsv } from '../src/membership-csv';
import { createMemoryClient } from '../src/testing';
import { createFixtureSeed, T } from './memory-client-fixture';
import { parseCsv } from './parse-csv';

describe('given the CSV encoder', () => {
  it('when a field holds a quote, a comma, CR or LF, it is quoted with inner quotes doubled', () => {
    expect(encodeCsvField('plain text')).toBe('plain text');
    expect(encodeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(encodeCsvField('Smith, Jr.')).toBe('"Smith, Jr."');
    expect(encodeCsvField('two\nlines')).toBe('"two\nlines"');
    expect(encodeCsvField('a\rb')).toBe('"a\rb"');
    expect(encodeCsvField('')).toBe('');
  });

  it('when a cell starts like a formula (= + - @, tab, CR), it is prefixed with an apostrophe', () => {
    expect(encodeCsvField('=HYPERLINK("http://evil.test","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""x"")"',
    );
    expect(encodeCsvField('+1 555')).toBe("'+1 555");
    expect(encodeCsvField('-2+3')).toBe("'-2+3");
    expect(encodeCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(encodeCsvField('\t=1')).toBe("'\t=1");
    expect(encodeCsvField('\r=1')).toBe('"\'\r=1"');
    // Only the first character counts.
    expect(encodeCsvField('a=b')).toBe('a=b');
  });

  it('when rows are encoded, every record ends with CRLF and reads back to the same fields', () => {
    const rows = [
      ['id', 'note'],
      ['1', 'line one\nline two'],
      ['2', 'comma, "quoted"'],
      ['3', ''],
    ];
    const csv = encodeCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    // One CRLF per record (the LF inside the quoted field is data), so one more piece than records.
    expect(csv.split('\r\n')).toHaveLength(rows.length + 1);
    expect(parseCsv(csv)).toEqual(rows);
    expect(encodeCsv([])).toBe('');
  });
});

describe('given memberships from the in-memory client', () => {
  async function fixtureMembers() {
    const client = createMemoryClient(createFixtureSeed());
    return (await client.listMemberships({ organizationId: 'org_test', orderBy: '+created_at', limit: 10 }))
      .data;
  }

  it('when written as CSV, the header and every row hold the built-in columns, the joined date in ISO 8601', async () => {
    const members = await fixtureMembers();
    const rows = parseCsv(membershipsToCsv(members));
    expect(rows[0]).toEqual([
      'User ID',
      'First name',
      'Last name',
      'Email',
      'Role key',
      'Role name',
      'Joined',
    ]);
    expect(rows).toHaveLength(members.length + 1);
    expect(rows[1]).toEqual([
      'user_ada',
      'Ada',
      'Lovelace',
      'ada@example.test',
      'org:admin',
      'Admin',
      new Date(T + 10).toISOString(),
    ]);
    // Zed has no first name: an empty cell, not "null".
    expect(rows.find((row) => row[0] === 'user_zed')?.slice(1, 3)).toEqual(['', 'Zed']);
  });

  it('when metadata columns are configured, they follow the built-in ones with their labels and values', async () => {
    const members = await fixtureMembers();
    const csv = membershipsToCsv(members, {
      metadataColumns: [
        { key: 'team', label: 'Team' },
        {
          key: 'team',
          label: 'Team name',
          format: (value) => String((value as { name?: string })?.name ?? ''),
        },
        { key: 'missing', label: 'Missing' },
      ],
      headers: { email: 'E-Mail' },
    });
    const rows = parseCsv(csv);
    expect(rows[0]?.slice(3, 4)).toEqual(['E-Mail']);
    expect(rows[0]?.slice(7)).toEqual(['Team', 'Team name', 'Missing']);
    expect(rows[1]?.slice(7)).toEqual(['{"name":"core","size":3}', 'core', '']);
    expect(rows[2]?.slice(7)).toEqual(['', '', '']);
  });

  it('when a membership carries no role name, it is looked up in the roles given, else the key is written', async () => {
    const [ada] = await fixtureMembers();
    if (!ada) throw new Error('fixture has no members');
    const { roleName: _dropped, ...rest } = ada;
    const nameless = { ...rest, role: 'org:custom' };
    const withRoles = parseCsv(
      membershipsToCsv([nameless], { roles: [{ key: 'org:custom', name: 'Custom' }] }),
    );
    expect(withRoles[1]?.[5]).toBe('Custom');
    expect(parseCsv(membershipsToCsv([nameless]))[1]?.[5]).toBe('org:custom');
  });

  it('when a name or metadata value is a formula, the file holds it as text, not as a formula', async () => {
    const [ada] = await fixtureMembers();
    if (!ada?.publicUserData) throw new Error('fixture has no members');
    const hostile = {
      ...ada,
      publicUserData: { ...ada.publicUserData, firstName: '=cmd|"/c calc"!A1', lastName: '@Smith, Jr.' },
      publicMetadata: { note: '-1+2' },
    };
    const rows = parseCsv(membershipsToCsv([hostile], { metadataColumns: [{ key: 'note', label: 'Note' }] }));
    expect(rows[1]?.[1]).toBe('\'=cmd|"/c calc"!A1');
    expect(rows[1]?.[2]).toBe("'@Smith, Jr.");
    expect(rows[1]?.[7]).toBe("'-1+2");
  });
});
