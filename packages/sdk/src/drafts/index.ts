/**
 * `@union-join/sdk/drafts`: drafts and the submission outbox on the applicant's device (IndexedDB
 * through idb-keyval, memory where IndexedDB is unusable). Browser only.
 * @example
 * const storage = await openDraftStorage();
 * const drafts = createDraftStore(storage);
 * const outbox = createOutbox(storage);
 * createOutboxSender({ client, store: outbox, formId: definition.id }).start();
 */
export * from './draft-storage.ts';
export * from './key-value-store.ts';
export * from './fit-answers.ts';
export * from './draft-store.ts';
export * from './autosaver.ts';
export * from './outbox-error.ts';
export * from './outbox.ts';
export * from './outbox-lock.ts';
export * from './outbox-sender.ts';
