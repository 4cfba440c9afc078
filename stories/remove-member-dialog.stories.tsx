import { createRosterApiError } from '@roster/core';
import { RemoveMemberDialog, type RemoveMemberDialogProps } from '@roster/ui';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The dialog's props (every control reaches it) and what the story's server answers. */
interface RemoveStoryProps extends RemoveMemberDialogProps, Pick<StoryKnobArgs, 'theme'> {
  /** What the server answers, after `delay` ms. */
  outcome: 'success' | 'error';
  /** How long the server takes to answer, in ms. */
  delay?: number;
}

function RemoveStory({ outcome, delay = 400, onConfirm, theme: _theme, ...props }: RemoveStoryProps) {
  return (
    <RemoveMemberDialog
      {...props}
      onConfirm={() =>
        new Promise((resolve, reject) => {
          onConfirm();
          setTimeout(
            () =>
              outcome === 'success'
                ? resolve(undefined)
                : reject(
                    createRosterApiError(
                      403,
                      'not_allowed_to_delete',
                      'You are not allowed to remove this member.',
                    ),
                  ),
            delay,
          );
        })
      }
      trigger={
        <button type="button">{props.isSelf ? 'Leave organization' : `Remove ${props.memberName}`}</button>
      }
    />
  );
}

const meta = {
  title: 'Components/RemoveMemberDialog',
  component: RemoveMemberDialog,
  render: (args) => <RemoveStory {...args} />,
  args: { memberName: 'Bob Jones', organizationName: 'Acme', outcome: 'success', onConfirm: fn() },
  argTypes: {
    outcome: {
      description: 'What the story\u2019s server answers to Remove.',
      control: 'inline-radio',
      options: ['success', 'error'],
      table: { category: 'Story' },
    },
    delay: {
      description: 'How long the story\u2019s server takes to answer, in ms.',
      control: { type: 'range', min: 0, max: 3000, step: 100 },
      table: { category: 'Story', defaultValue: { summary: '400' } },
    },
    theme: storyKnobArgTypes.theme,
  },
} satisfies Meta<RemoveStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keyboard only: open, Cancel has focus, Escape closes and focus returns to the trigger. */
export const Default: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Remove Bob Jones' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('alertdialog', { name: 'Remove member' });
    await expect(dialog).toHaveAccessibleDescription(/Bob Jones.*Acme/);
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
  },
};

/** Remove shows a pending state, then the dialog closes. */
export const Confirmed: Story = {
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Remove Bob Jones' }));
    await userEvent.click(await body.findByRole('button', { name: 'Remove' }));
    await expect(body.getByRole('button', { name: 'Removing…' })).toHaveAttribute('data-pending');
    await waitFor(() => expect(body.queryByRole('alertdialog')).not.toBeInTheDocument());
  },
};

/** The server refuses: the error shows inside, the dialog stays open until cancelled. */
export const ServerError: Story = {
  args: { outcome: 'error' },
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Remove Bob Jones' }));
    await userEvent.click(await body.findByRole('button', { name: 'Remove' }));
    await expect(await body.findByRole('alert')).toHaveTextContent(
      'You are not allowed to remove this member.',
    );
    await expect(body.getByRole('alertdialog', { name: 'Remove member' })).toBeInTheDocument();
    await userEvent.click(body.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(body.queryByRole('alertdialog')).not.toBeInTheDocument());
  },
};

/** The viewer's own membership: "Leave organization" wording. */
export const LeaveOrganization: Story = {
  args: { isSelf: true },
  play: async ({ canvasElement, userEvent }) => {
    const body = within(canvasElement.ownerDocument.body);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Leave organization' }));
    await expect(await body.findByRole('alertdialog', { name: 'Leave organization' })).toBeInTheDocument();
    await userEvent.click(body.getByRole('button', { name: 'Cancel' }));
  },
};
