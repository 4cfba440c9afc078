// The bundled locales (@roster/ui/locales/*) on the panel, and the panel right to left. Public entry
// points only: the components from `@roster/ui`, each locale from its own subpath.
import { DEMO_IDS } from '@roster/core/testing';
import {
  OrganizationMembersPanel,
  type OrganizationMembersPanelProps,
  RosterDirectionProvider,
} from '@roster/ui';
import { germanLocalization } from '@roster/ui/locales/de';
import { spanishLocalization } from '@roster/ui/locales/es';
import { frenchLocalization } from '@roster/ui/locales/fr';
import { japaneseLocalization } from '@roster/ui/locales/ja';
import { brazilianPortugueseLocalization } from '@roster/ui/locales/pt-BR';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RosterStoryProvider } from './roster-story-provider';
import { type StoryKnobArgs, storyKnobArgTypes } from './story-knobs';

/** The panel's props, the provider's locale, and the wrapper's language and direction. */
interface LocaleStoryProps extends OrganizationMembersPanelProps, StoryKnobArgs {
  /** The provider's locale (dates). */
  locale?: string;
  /** The wrapper's `lang`: the language of the strings, for screen readers' pronunciation. */
  lang?: string;
  /** The wrapper's `dir`, also given to `RosterDirectionProvider` (the Radix selects read it there). */
  dir?: 'ltr' | 'rtl';
}

function LocaleStory({
  locale,
  lang,
  dir,
  roles,
  latency,
  failureRate,
  theme: _theme,
  ...panelProps
}: LocaleStoryProps) {
  return (
    <div lang={lang} dir={dir}>
      <RosterDirectionProvider dir={dir ?? 'ltr'}>
        <RosterStoryProvider
          roles={roles}
          latency={latency}
          failureRate={failureRate}
          {...(locale && { locale })}
        >
          <OrganizationMembersPanel {...panelProps} />
        </RosterStoryProvider>
      </RosterDirectionProvider>
    </div>
  );
}

const meta = {
  title: 'Panel/Locales',
  component: OrganizationMembersPanel,
  render: (args) => <LocaleStory {...args} />,
  args: { organizationId: DEMO_IDS.organizationId, searchDebounceMs: 150 },
  argTypes: {
    ...storyKnobArgTypes,
    localization: { table: { disable: true } },
    lang: { control: false },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
} satisfies Meta<LocaleStoryProps>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;

/** The ten rows' role selects, once the page and the permissions have loaded. */
const rowSelects = (canvas: Canvas, name: RegExp) =>
  waitFor(
    () => {
      const selects = canvas.getAllByRole('combobox', { name });
      expect(selects).toHaveLength(10);
      for (const select of selects.slice(1)) expect(select).toBeEnabled();
      return selects;
    },
    { timeout: 15_000 },
  );

/** German (`@roster/ui/locales/de`), dates in de-DE. Plays: open the remove dialog and cancel it. */
export const German: Story = {
  args: { localization: germanLocalization, locale: 'de-DE', lang: 'de' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Mitglieder von Acme' });
    await rowSelects(canvas, /^Rolle für /);
    await expect(canvas.getByRole('searchbox', { name: 'Mitglieder suchen' })).toBeInTheDocument();
    await expect(canvas.getByRole('navigation', { name: 'Seitennavigation' })).toBeInTheDocument();
    await expect(canvas.getByText(/^1–10 von \d+$/)).toBeInTheDocument();
    const remove = canvas.getAllByRole('button', { name: / entfernen$/ })[0] as HTMLElement;
    await userEvent.click(remove);
    const dialog = await canvas.findByRole('alertdialog', { name: 'Mitglied entfernen' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(remove).toHaveFocus());
  },
};

/** French (`@roster/ui/locales/fr`), dates in fr-FR. */
export const French: Story = {
  args: { localization: frenchLocalization, locale: 'fr-FR', lang: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Membres de Acme' });
    await rowSelects(canvas, /^Rôle de /);
    await expect(canvas.getByRole('searchbox', { name: 'Rechercher des membres' })).toBeInTheDocument();
    await expect(canvas.getByRole('combobox', { name: 'Filtrer par rôle' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Page suivante' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Ajouter un membre' })).toBeInTheDocument();
  },
};

/** Spanish (`@roster/ui/locales/es`), dates in es-ES. */
export const Spanish: Story = {
  args: { localization: spanishLocalization, locale: 'es-ES', lang: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Miembros de Acme' });
    await rowSelects(canvas, /^Rol de /);
    await expect(canvas.getByRole('searchbox', { name: 'Buscar miembros' })).toBeInTheDocument();
    await expect(canvas.getByRole('combobox', { name: 'Ordenar por' })).toBeInTheDocument();
    await expect(canvas.getAllByRole('button', { name: /^Quitar a / }).length).toBeGreaterThan(0);
  },
};

/** Japanese (`@roster/ui/locales/ja`), dates in ja-JP. */
export const Japanese: Story = {
  args: { localization: japaneseLocalization, locale: 'ja-JP', lang: 'ja' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Acme のメンバー' });
    await rowSelects(canvas, / のロール$/);
    await expect(canvas.getByRole('searchbox', { name: 'メンバーを検索' })).toBeInTheDocument();
    await expect(canvas.getByRole('navigation', { name: 'ページネーション' })).toBeInTheDocument();
    await expect(canvas.getByText(/^\d+ 件中 1–10 件$/)).toBeInTheDocument();
  },
};

/** Brazilian Portuguese (`@roster/ui/locales/pt-BR`), dates in pt-BR. */
export const BrazilianPortuguese: Story = {
  args: { localization: brazilianPortugueseLocalization, locale: 'pt-BR', lang: 'pt-BR' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Membros de Acme' });
    await rowSelects(canvas, /^Função de /);
    await expect(canvas.getByRole('searchbox', { name: 'Pesquisar membros' })).toBeInTheDocument();
    await expect(canvas.getByRole('combobox', { name: 'Filtrar por função' })).toBeInTheDocument();
    await expect(canvas.getByRole('tab', { name: 'Convites' })).toBeInTheDocument();
  },
};

/**
 * Right to left (`dir="rtl"` on a wrapper; English strings, as Roster ships no right-to-left
 * language yet). Plays: the actions column is on the left of the name, the pagination status on the
 * right of its buttons, and a row's role select opens its list under it, aligned to its right edge.
 */
export const RightToLeft: Story = {
  args: { dir: 'rtl' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Members of Acme' });
    const selects = await rowSelects(canvas, /^Role for /);
    const row = selects[1]?.closest('tr') as HTMLElement;
    const rowCells = within(row);
    const name = (selects[1]?.getAttribute('aria-label') ?? '').replace('Role for ', '');
    const nameBox = rowCells.getByText(name).getBoundingClientRect();
    const removeBox = rowCells.getByRole('button', { name: `Remove ${name}` }).getBoundingClientRect();
    const selectBox = (selects[1] as HTMLElement).getBoundingClientRect();
    await expect(removeBox.right).toBeLessThanOrEqual(selectBox.left);
    await expect(selectBox.right).toBeLessThanOrEqual(nameBox.left);
    const headers = within(table).getAllByRole('columnheader');
    const first = (headers[0] as HTMLElement).getBoundingClientRect();
    const last = (headers[headers.length - 1] as HTMLElement).getBoundingClientRect();
    await expect(first.left).toBeGreaterThan(last.left);

    const pagination = canvas.getByRole('navigation', { name: 'Pagination' });
    const status = within(pagination).getByRole('status').getBoundingClientRect();
    const next = within(pagination).getByRole('button', { name: 'Next page' }).getBoundingClientRect();
    await expect(status.left).toBeGreaterThan(next.right);

    await userEvent.click(selects[1] as HTMLElement);
    const listbox = await within(document.body).findByRole('listbox');
    await expect(listbox.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    const listBox = listbox.getBoundingClientRect();
    await expect(listBox.top).toBeGreaterThanOrEqual(selectBox.bottom);
    await expect(Math.abs(listBox.right - selectBox.right)).toBeLessThan(2);
    await userEvent.keyboard('{Escape}');
    // The row's light trigger was replaced by Radix's on first use: find it again by its name.
    await waitFor(() => expect(canvas.getByRole('combobox', { name: `Role for ${name}` })).toHaveFocus());
  },
};
