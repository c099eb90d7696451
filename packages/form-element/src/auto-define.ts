// Entry point of the self-registering bundles (dist/union-join-form.js and .iife.js).
import { define } from './define.ts';

export * from './index.ts';

define();
