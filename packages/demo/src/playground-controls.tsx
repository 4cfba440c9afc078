import { useEffect, useId, useState } from 'react';
import {
  fetchPlaygroundFaults,
  type PlaygroundFaults,
  resetPlaygroundData,
  updatePlaygroundFaults,
} from './playground-control-api';
import { PLAYGROUND_VIEWERS, type PlaygroundViewer, playgroundViewerKey } from './playground-viewers';

/** Props of {@link PlaygroundControls}. */
export interface PlaygroundControlsProps {
  viewer: PlaygroundViewer;
  onViewerChange: (viewer: PlaygroundViewer) => void;
  /** Called after the data was reset to the seed. */
  onReset: () => void;
}

const LATENCIES = [0, 300, 1500];

/** The playground's toolbar: who you act as, injected latency and failures, reset. */
export function PlaygroundControls({ viewer, onViewerChange, onReset }: PlaygroundControlsProps) {
  const viewerId = useId();
  const latencyId = useId();
  const failId = useId();
  const [faults, setFaults] = useState<PlaygroundFaults | null>(null);

  useEffect(() => {
    let active = true;
    fetchPlaygroundFaults().then((next) => {
      if (active) setFaults(next);
    });
    return () => {
      active = false;
    };
  }, []);

  const change = (next: Partial<PlaygroundFaults>) => {
    updatePlaygroundFaults(next).then(setFaults);
  };

  return (
    <form
      className="playground-controls"
      aria-label="Playground settings"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="playground-field">
        <label htmlFor={viewerId}>Act as</label>
        <select
          id={viewerId}
          value={`${viewer.userId}|${viewer.organizationId}`}
          onChange={(event) => {
            const next = PLAYGROUND_VIEWERS.find(
              (v) => `${v.userId}|${v.organizationId}` === event.target.value,
            );
            if (next) onViewerChange(next);
          }}
        >
          {PLAYGROUND_VIEWERS.map((v) => (
            <option key={playgroundViewerKey(v)} value={playgroundViewerKey(v)}>
              {v.label}
            </option>
          ))}
        </select>
      </div>
      <div className="playground-field">
        <label htmlFor={latencyId}>Latency</label>
        <select
          id={latencyId}
          value={faults?.latencyMs ?? 0}
          disabled={!faults}
          onChange={(event) => change({ latencyMs: Number(event.target.value) })}
        >
          {LATENCIES.map((ms) => (
            <option key={ms} value={ms}>
              {ms === 0 ? 'None' : `${ms} ms`}
            </option>
          ))}
        </select>
      </div>
      <div className="playground-field">
        <input
          id={failId}
          type="checkbox"
          checked={(faults?.failureRate ?? 0) > 0}
          disabled={!faults}
          onChange={(event) => change({ failureRate: event.target.checked ? 1 : 0 })}
        />
        <label htmlFor={failId}>Fail every change</label>
      </div>
      <button type="button" onClick={() => resetPlaygroundData().then(onReset)}>
        Reset demo data
      </button>
    </form>
  );
}
