import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemberListToolbar } from '../src/member-list-toolbar';
import { RemoveMemberDialog } from '../src/remove-member-dialog';

afterEach(() => {
  vi.restoreAllMocks();
});

function dialog(open: boolean | undefined) {
  return (
    <RemoveMemberDialog
      memberName="Bob Jones"
      organizationName="Acme"
      onConfirm={async () => {}}
      {...(open !== undefined && { open })}
    />
  );
}

describe('given a component whose state can be controlled', () => {
  it('when it switches from uncontrolled to controlled, it warns once, naming the component', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = render(<MemberListToolbar />);
    rerender(<MemberListToolbar query="ali" />);
    rerender(<MemberListToolbar query="bob" />);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /MemberListToolbar \(query\) is changing from uncontrolled to controlled/,
    );
  });

  it('when a dialog switches from controlled to uncontrolled, it warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = render(dialog(false));
    rerender(dialog(undefined));
    rerender(dialog(false));
    rerender(dialog(undefined));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /RemoveMemberDialog \(open\) is changing from controlled to uncontrolled/,
    );
  });

  it('when it stays in one mode, it does not warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { rerender } = render(<MemberListToolbar query="" />);
    rerender(<MemberListToolbar query="ali" />);
    rerender(dialog(false));
    rerender(dialog(true));
    expect(warn).not.toHaveBeenCalled();
  });
});
