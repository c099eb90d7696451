import type { DeviceClass } from './analytics-event.ts';

/** What {@link classifyDevice} looks at: the screen's short side in CSS pixels and the pointer. */
export interface DeviceTraits {
  shortSide: number;
  coarsePointer: boolean;
}

/** Sorts a device into mobile, tablet or desktop from two coarse traits. */
export function classifyDevice({ shortSide, coarsePointer }: DeviceTraits): DeviceClass {
  if (shortSide < 600) return 'mobile';
  return coarsePointer && shortSide < 1100 ? 'tablet' : 'desktop';
}

/** The current browser's device class; `desktop` where there is no screen to look at. */
export function detectDevice(): DeviceClass {
  if (typeof screen === 'undefined' || typeof matchMedia !== 'function') return 'desktop';
  return classifyDevice({
    shortSide: Math.min(screen.width, screen.height),
    coarsePointer: matchMedia('(pointer: coarse)').matches,
  });
}
