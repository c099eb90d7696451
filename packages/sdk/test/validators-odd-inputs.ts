/** Values a validator may be handed by a careless caller; every validator must answer `false`. */
export const ODD_INPUTS: readonly unknown[] = [
  null,
  undefined,
  0,
  12345678,
  Number.NaN,
  10n,
  true,
  Symbol('value'),
  {},
  [],
  ['GB82WEST12345698765432'],
  { toString: () => 'GB82WEST12345698765432' },
  () => 'AB123456C',
  new Date(2000, 0, 1),
  'x'.repeat(5_000_000),
];
