import rosterStyles from '@roster/ui/styles.css?inline';
import type { Decorator, Preview } from '@storybook/react-vite';

/**
 * Adds the kit's stylesheet inside the story (so the Unstyled story can leave it out with
 * `parameters.roster.unstyled`) and a themed backdrop (`parameters.roster.theme`: 'light' | 'dark').
 */
const withRosterTheme: Decorator = (Story, context) => {
  const roster = (context.parameters.roster ?? {}) as { unstyled?: boolean; theme?: 'light' | 'dark' };
  return (
    <div
      data-theme={roster.theme ?? 'light'}
      style={roster.unstyled ? undefined : { background: 'var(--roster-color-background)', padding: 16 }}
    >
      {!roster.unstyled && <style>{rosterStyles}</style>}
      <Story />
    </div>
  );
};

/** Every story is checked by axe; a violation fails its test (and shows in the a11y panel). */
const preview: Preview = {
  decorators: [withRosterTheme],
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
  },
};

export default preview;
