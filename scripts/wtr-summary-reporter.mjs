// Prints one closing line `N passed, N failed` for the browser suite. A test file that fails to load
// (no tests ran, or errors outside any test) counts as one failure, so a broken import cannot hide.

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function summaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        const before = totals.passed + totals.failed + totals.skipped;
        if (session.testResults) countSuite(session.testResults, totals);
        const ran = totals.passed + totals.failed + totals.skipped - before;
        const loadFailed = (session.errors?.length ?? 0) > 0 || (ran === 0 && !session.passed);
        if (loadFailed) totals.failed += 1;
      }
      process.once('exit', () => {
        const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
        process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
      });
    },
  };
}
