import type { ComponentPropsWithoutRef } from 'react';

/**
 * The chevron of the selects (decorative, hidden from assistive technology). It is the select's
 * icon part itself (`Select.Icon asChild`): no wrapper element around it.
 */
export function ChevronIcon(props: ComponentPropsWithoutRef<'svg'>) {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" fill="none" {...props}>
      <path d="M3 4.5 6 7.5 9 4.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
