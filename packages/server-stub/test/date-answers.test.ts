import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApplication } from '../src/crypto/application-box.ts';
import { createTestServer, submit, validApplication } from './support/test-server.ts';

interface ErrorBody {
  error: string;
  issues?: { path: (string | number)[]; code: string; message: string }[];
}

test('a birth date with a two-digit year is refused with the year named, and nothing is stored', async (t) => {
  const server = createTestServer(t);
  const response = await submit(server, await validApplication({ birthDate: '90-04-01' }));
  assert.equal(response.status, 422);
  const body = (await response.json()) as ErrorBody;
  assert.equal(body.error, 'validation_failed');
  assert.deepEqual(body.issues, [
    {
      path: ['answers', 'birthDate', 'year'],
      code: 'year_not_four_digits',
      message: 'Year must include 4 numbers',
    },
  ]);
  assert.equal(
    (await server.storage.listApplications({ formId: 'example-union', limit: 10 })).length,
    0,
  );
});

test('a birth date in full-width or Arabic-Indic digits is stored in 0-9', async (t) => {
  const server = createTestServer(t);
  for (const birthDate of ['１９９０-０４-０１', '١٩٩٠-٠٤-٠١']) {
    const response = await submit(server, await validApplication({ birthDate }));
    assert.equal(response.status, 201, birthDate);
    const { id } = (await response.json()) as { id: string };
    const stored = await server.storage.getApplication(id);
    assert.ok(stored);
    assert.equal(openApplication(server.keyring, stored).answers.birthDate, '1990-04-01');
  }
});
