import { UnionJoinForm } from './union-join-form.ts';

/**
 * Registers `<union-join-form>` (or `tag`) in `registry`, once; safe to call twice.
 *
 * @example
 * ```ts
 * import { define } from '@union-join/form-element';
 * define(); // <union-join-form> is now usable
 * define('acme-join-form'); // the same element under another name
 * ```
 */
export function define(
  tag = 'union-join-form',
  registry: CustomElementRegistry = customElements,
): typeof UnionJoinForm {
  const existing = registry.get(tag);
  if (existing) return existing as typeof UnionJoinForm;
  // A class can be registered only once per registry, so other tags get their own subclass.
  const alreadyUsed = registry.getName?.(UnionJoinForm) != null;
  const constructor = alreadyUsed ? class extends UnionJoinForm {} : UnionJoinForm;
  registry.define(tag, constructor);
  return constructor;
}
