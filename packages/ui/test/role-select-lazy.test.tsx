import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RoleSelect } from '../src/role-select';
import { countMounted } from './count-mounted';

const roles = [
  { key: 'org:admin', name: 'Admin' },
  { key: 'org:member', name: 'Member' },
  { key: 'org:billing', name: 'Billing' },
];

function LazySelect({ onValueChange }: { onValueChange?: (key: string) => void }) {
  const [value, setValue] = useState('org:member');
  return (
    <RoleSelect
      lazy
      roles={roles}
      memberName="Bob Jones"
      value={value}
      onValueChange={(next) => {
        setValue(next);
        onValueChange?.(next);
      }}
    />
  );
}

const trigger = () => screen.getByRole('combobox', { name: 'Role for Bob Jones' });
/** The Radix Select popovers and items rendered (a closed Radix Select renders its items too). */
const popovers = () => countMounted(document.body.firstElementChild as Element, 'SelectContent');
const items = () => countMounted(document.body.firstElementChild as Element, 'SelectItem');

describe('given a lazy role select', () => {
  it('when rendered, it is a closed combobox named "Role for {name}" showing the role, with no popover or items', () => {
    render(<LazySelect />);
    expect(trigger()).toHaveAttribute('aria-expanded', 'false');
    expect(trigger()).toHaveTextContent('Member');
    expect(trigger()).toHaveAttribute('data-roster-slot', 'role-select-trigger');
    expect(popovers()).toBe(0);
    expect(items()).toBe(0);
  });

  it('when pressed with the pointer, Radix’s select takes its place, open, and a role picked is reported once', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<LazySelect onValueChange={onValueChange} />);
    const select = trigger();
    await user.click(select);
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
    // A new element: Radix's trigger, in the light trigger's place, with the same name and slot.
    const radixTrigger = screen.getByRole('combobox', { name: 'Role for Bob Jones', hidden: true });
    expect(select).not.toBeInTheDocument();
    expect(radixTrigger).toHaveAttribute('aria-expanded', 'true');
    expect(radixTrigger).toHaveAttribute('data-roster-slot', 'role-select-trigger');
    // How the popover looked when it started closing (recorded as it happens: on a slow machine the
    // next frame, which removes it, may come before the click below returns).
    const listbox = screen.getByRole('listbox');
    let closing: { opacity: string; pointerEvents: string; connected: boolean } | undefined;
    const observer = new MutationObserver(() => {
      if (!closing && listbox.hasAttribute('data-closing')) {
        const { opacity, pointerEvents } = listbox.style;
        closing = { opacity, pointerEvents, connected: listbox.isConnected };
      }
    });
    observer.observe(listbox, { attributes: true });
    await user.click(screen.getByRole('option', { name: 'Admin' }));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange).toHaveBeenCalledWith('org:admin');
    // The choice shows at once; the popover, made invisible at once, is removed after the next frame.
    expect(radixTrigger).toHaveTextContent('Admin');
    expect(closing).toEqual({ opacity: '0', pointerEvents: 'none', connected: true });
    observer.disconnect();
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(radixTrigger).toHaveFocus();
    expect(onValueChange).toHaveBeenCalledTimes(1);
  });

  it.each(['{Enter}', ' ', '{ArrowDown}'])(
    'when focused and %s is pressed, it opens with focus on the chosen role',
    async (key) => {
      const user = userEvent.setup();
      render(<LazySelect />);
      await user.tab();
      expect(trigger()).toHaveFocus();
      await user.keyboard(key);
      expect(await screen.findByRole('listbox')).toBeInTheDocument();
      expect(screen.getByRole('option', { name: 'Member' })).toHaveFocus();
    },
  );

  it('when Escape closes it, focus is back on the trigger and nothing was chosen', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<LazySelect onValueChange={onValueChange} />);
    await user.tab();
    await user.keyboard('{Enter}');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(trigger()).toHaveFocus();
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('when driven by keyboard only (Enter, ArrowDown, Enter), it chooses the role and focus returns', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<LazySelect onValueChange={onValueChange} />);
    await user.tab();
    await user.keyboard('{Enter}');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange).toHaveBeenCalledWith('org:billing');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    expect(trigger()).toHaveTextContent('Billing');
    expect(trigger()).toHaveFocus();
  });

  it('when a letter is typed on the closed trigger, it picks the next role with that letter, still without a popover', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(<LazySelect onValueChange={onValueChange} />);
    await user.tab();
    await user.keyboard('b');
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange).toHaveBeenCalledWith('org:billing');
    expect(trigger()).toHaveTextContent('Billing');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(items()).toBe(0);
    await user.keyboard('a');
    // "ba" matches nothing: the value stays.
    expect(onValueChange).toHaveBeenCalledTimes(1);
  });

  it('when the DOM has no animation frames, a choice still closes the popover and returns focus', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    try {
      const user = userEvent.setup();
      render(<LazySelect />);
      await user.tab();
      await user.keyboard('{Enter}');
      await screen.findByRole('listbox');
      await user.keyboard('{ArrowDown}{Enter}');
      await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
      expect(trigger()).toHaveTextContent('Billing');
      expect(trigger()).toHaveFocus();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('when tapped (touch), it opens on the click, not on the press (which may start a scroll)', async () => {
    const user = userEvent.setup();
    render(<LazySelect />);
    await user.pointer({ keys: '[TouchA>]', target: trigger() });
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.pointer({ keys: '[/TouchA]', target: trigger() });
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Member' })).toHaveFocus();
  });

  it('when rendered, it carries Radix’s closed-trigger attributes, so styles and tests see one trigger before and after use', async () => {
    const user = userEvent.setup();
    render(<LazySelect />);
    const light = trigger();
    const attributes = (element: Element) =>
      Object.fromEntries(
        [...element.attributes]
          .filter(
            (attribute) =>
              !['aria-controls', 'data-radix-popper-align', 'data-radix-popper-side'].includes(
                attribute.name,
              ),
          )
          .map((attribute) => [attribute.name, attribute.value]),
      );
    const before = attributes(light);
    await user.click(light);
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    const radix = trigger();
    expect(radix).not.toBe(light);
    expect(attributes(radix)).toEqual(before);
    expect(radix.innerHTML).toBe(light.innerHTML);
  });

  it('when disabled with a reason, it cannot be opened, describes the reason and renders no popover', async () => {
    const user = userEvent.setup();
    render(
      <RoleSelect
        lazy
        roles={roles}
        memberName="Bob Jones"
        defaultValue="org:admin"
        disabled
        disabledReason="An organization needs at least one admin."
      />,
    );
    expect(trigger()).toBeDisabled();
    expect(trigger()).toHaveAccessibleDescription('An organization needs at least one admin.');
    await user.click(trigger());
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(popovers()).toBe(0);
  });
});
