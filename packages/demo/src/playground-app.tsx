import { createHttpClient } from '@roster/core';
import { useEffect, useMemo, useState } from 'react';
import { MembersView } from './members-view';
import { fetchPlaygroundViewer, selectPlaygroundViewer } from './playground-control-api';
import { PlaygroundControls } from './playground-controls';
import { PlaygroundOutbox } from './playground-outbox';
import { PLAYGROUND_VIEWERS, type PlaygroundViewer, playgroundViewerKey } from './playground-viewers';

function findViewer(selection: { userId: string; organizationId: string }): PlaygroundViewer | undefined {
  return PLAYGROUND_VIEWERS.find((v) => playgroundViewerKey(v) === playgroundViewerKey(selection));
}

/**
 * The playground: the production shape on one laptop. The browser only talks to `/api` (the
 * browser-facing handler) through the HTTP client; who you are is a cookie the demo handler trusts.
 */
export function PlaygroundApp() {
  const [viewer, setViewer] = useState<PlaygroundViewer | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    fetchPlaygroundViewer().then((selection) =>
      setViewer(findViewer(selection) ?? PLAYGROUND_VIEWERS[0] ?? null),
    );
  }, []);

  // A fresh client (and with it a fresh cache below) per viewer and per data reset.
  // biome-ignore lint/correctness/useExhaustiveDependencies: viewer and generation key the client on purpose
  const client = useMemo(
    () => createHttpClient({ baseUrl: '/api', retry: { retries: 1 } }),
    [viewer, generation],
  );

  return (
    <>
      <header className="playground-header">
        <h1>Roster playground</h1>
        {viewer && (
          <PlaygroundControls
            viewer={viewer}
            onViewerChange={(next) => {
              selectPlaygroundViewer(next).then(() => setViewer(next));
            }}
            onReset={() => setGeneration((g) => g + 1)}
          />
        )}
      </header>
      <main className="playground-main">
        {viewer ? (
          <MembersView key={`${playgroundViewerKey(viewer)}|${generation}`} client={client} viewer={viewer} />
        ) : (
          <p>Loading…</p>
        )}
        <PlaygroundOutbox onAccepted={() => setGeneration((g) => g + 1)} />
      </main>
    </>
  );
}
