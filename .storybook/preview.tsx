import rosterStyles from '@roster/ui/styles.css?inline';
import type { Decorator, Preview } from '@storybook/react-vite';

/** The backdrop's theme: the story's `theme` arg (a control), else `parameters.roster.theme`. */
type RosterTheme = 'light' | 'dark';

/**
 * Adds the kit's stylesheet inside the story (so the Unstyled story can leave it out with
 * `parameters.roster.unstyled`) and a themed backdrop: `data-theme` from the `theme` arg (the
 * Theme control, see `stories/story-knobs.ts`) or `parameters.roster.theme`, light by default.
 */
const withRosterTheme: Decorator = (Story, context) => {
  const roster = (context.parameters.roster ?? {}) as { unstyled?: boolean; theme?: RosterTheme };
  const theme = (context.args.theme as RosterTheme | undefined) ?? roster.theme ?? 'light';
  return (
    <div
      data-theme={theme}
      style={roster.unstyled ? undefined : { background: 'var(--roster-color-background)', padding: 16 }}
    >
      {!roster.unstyled && <style>{rosterStyles}</style>}
      <Story />
    </div>
  );
};

/**
 * Every story is checked by axe; a violation fails its test (and shows in the a11y panel). Every
 * component gets a docs page (`autodocs`): its props table from the TypeScript types and JSDoc of
 * `packages/ui/src`, and its stories with their controls.
 */
const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withRosterTheme],
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { sort: 'requiredFirst', expanded: true },
    docs: { codePanel: true },
    options: {
      storySort: { order: ['Docs', ['Getting started', 'Customization'], 'Panel', 'Components', '*'] },
    },
  },
};

export default preview;
