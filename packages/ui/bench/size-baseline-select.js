// The size-limit baseline for `RoleSelect` alone: the Radix Select parts it renders, on their own,
// so `RoleSelect`'s budget reads as "Radix Select + its own code" (see .size-limit.json).

export {
  Content,
  Icon,
  Item,
  ItemText,
  Portal,
  Root,
  Trigger,
  Value,
  Viewport,
} from '@radix-ui/react-select';
