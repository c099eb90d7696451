// The package's module entry: exports only, no registration, safe to import anywhere.
export { UnionJoinForm } from './union-join-form.ts';
export { define } from './define.ts';
export { UnionJoinStepEvent, type UnionJoinStepDetail } from './events/step-event.ts';
export { UnionJoinSubmitEvent } from './events/submit-event.ts';
export { UnionJoinSuccessEvent } from './events/success-event.ts';
export { UnionJoinQueuedEvent } from './events/queued-event.ts';
export { UnionJoinErrorEvent, UnionJoinErrorKind } from './events/error-event.ts';
export { UnionJoinResumeEvent } from './events/resume-event.ts';
