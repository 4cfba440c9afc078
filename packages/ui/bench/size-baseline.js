// The size-limit baseline: what SWR and the two Radix primitives cost on their own, so the panel's
// budget can be read as a ratio against the libraries it is built on (see .size-limit.json).

export {
  Close,
  Content as DialogContent,
  Description,
  Overlay,
  Root as DialogRoot,
  Title,
} from '@radix-ui/react-dialog';
export { Content, Item, Portal, Root, Trigger, Value, Viewport } from '@radix-ui/react-select';
export { default as useSWR, useSWRConfig } from 'swr';
