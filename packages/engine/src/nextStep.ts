/**
 * The "next step" a callout asks of the server (Kea's `CalloutHandle::CalloutNextStep`). What
 * SKIP, DROP and PARK mean depends on the hook point; a value a hook point does not support is
 * treated as CONTINUE by the server (rule R60).
 */
export enum NextStep {
  CONTINUE = 0,
  SKIP = 1,
  DROP = 2,
  PARK = 3,
}
