import type { CalloutBadge } from '@hookscope/trace';

/** Short text of a badge, as cells show it. */
export function badgeText(badge: CalloutBadge): string {
  switch (badge.kind) {
    case 'status':
      return badge.status;
    case 'returned':
      return `returned ${badge.value}`;
    case 'exception':
      return `threw ${badge.name}`;
  }
}

/** Longer text for accessible names and tooltips. */
export function badgeDescription(badge: CalloutBadge): string {
  switch (badge.kind) {
    case 'status':
      return `status ${badge.from} to ${badge.status}`;
    case 'returned':
      return `returned ${badge.value}`;
    case 'exception':
      return `threw ${badge.name}: ${badge.message}`;
  }
}
