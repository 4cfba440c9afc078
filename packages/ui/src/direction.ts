import { DirectionProvider } from '@radix-ui/react-direction';
import type { FC, ReactNode } from 'react';

/** Props of {@link RosterDirectionProvider}. */
export interface RosterDirectionProviderProps {
  /** The reading direction of the components below. */
  dir: 'ltr' | 'rtl';
  /** The components that get it. */
  children?: ReactNode | undefined;
}

/**
 * The reading direction for every Roster component below it: `<RosterDirectionProvider dir="rtl">`.
 * Radix Select takes its direction from this provider, not from the page: without it, a select's
 * trigger and popover are stamped `dir="ltr"` even inside `<html dir="rtl">`. It is Radix's own
 * `DirectionProvider` (the very instance Roster's Radix parts read), so your other Radix components
 * below it follow it too. Set `dir="rtl"` on the page or a wrapper as well: the stylesheet lays out
 * with logical properties, which follow the element's direction.
 */
export const RosterDirectionProvider: FC<RosterDirectionProviderProps> = DirectionProvider;
