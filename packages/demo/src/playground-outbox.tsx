import { useCallback, useEffect, useState } from 'react';
import {
  acceptPlaygroundInvitation,
  fetchPlaygroundOutbox,
  type PlaygroundOutboxMessage,
} from './playground-control-api';

/** Props of {@link PlaygroundOutbox}. */
export interface PlaygroundOutboxProps {
  /** Called after an invitation was accepted (the members page reloads its data). */
  onAccepted: () => void;
}

/**
 * The dev mailbox: the invitation emails the local Backend API "sent" instead of real email, each
 * with a button to accept it as the invitee, so the whole invitation flow runs on a laptop.
 */
export function PlaygroundOutbox({ onAccepted }: PlaygroundOutboxProps) {
  const [messages, setMessages] = useState<PlaygroundOutboxMessage[] | null>(null);
  const [status, setStatus] = useState('');
  const refresh = useCallback(() => {
    fetchPlaygroundOutbox().then(setMessages, () => setStatus('Could not read the mailbox.'));
  }, []);
  useEffect(refresh, [refresh]);

  const accept = (message: PlaygroundOutboxMessage) => {
    acceptPlaygroundInvitation(message.invitationId).then(
      () => {
        setStatus(`${message.toEmailAddress} accepted the invitation.`);
        refresh();
        onAccepted();
      },
      () => setStatus(`The invitation to ${message.toEmailAddress} can no longer be accepted.`),
    );
  };

  return (
    <section className="playground-outbox" aria-labelledby="playground-outbox-title">
      <h2 id="playground-outbox-title">Dev mailbox</h2>
      <p>Invitation emails the local server sent instead of real email.</p>
      <button type="button" onClick={refresh}>
        Refresh mailbox
      </button>
      <p role="status">{status}</p>
      {messages !== null && messages.length === 0 && <p>No invitation emails yet.</p>}
      <ul>
        {(messages ?? []).map((message) => (
          <li key={message.id}>
            <span>
              To {message.toEmailAddress}: {message.subject}
            </span>{' '}
            <button type="button" onClick={() => accept(message)}>
              Accept invitation for {message.toEmailAddress}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
