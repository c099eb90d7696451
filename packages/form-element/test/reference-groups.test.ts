import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referenceGroups } from '../src/internal/reference-groups.ts';

describe('referenceGroups', () => {
  it('shows 16 Crockford base32 characters as four groups of four', () => {
    assert.deepEqual(referenceGroups('7K3Q9F2MXW4PH8RT'), ['7K3Q-', '9F2M-', 'XW4P-', 'H8RT']);
  });

  it('keeps the case the server returned', () => {
    assert.deepEqual(referenceGroups('7k3q9f2mxw4ph8rt').join(''), '7k3q-9f2m-xw4p-h8rt');
  });

  it('shows any other id unchanged, cut only after its own hyphens', () => {
    for (const id of [
      'EWU-1',
      '7K3Q9F2MXW4PH8R',
      '7K3Q9F2MXW4PH8RTA',
      'ABCDEFGHIJKLMNOP',
      '7K3Q-9F2M-XW4P-H8RT',
      '01J9Z7Q8W2M4K6T3R5V7X9Y1B2',
      '3f2b8c1e-4d5a-4b6c-9e8f-1a2b3c4d5e6f',
    ]) {
      assert.equal(referenceGroups(id).join(''), id, id);
    }
    assert.deepEqual(referenceGroups('EWU-7K3Q-9F2M'), ['EWU-', '7K3Q-', '9F2M']);
    assert.deepEqual(referenceGroups('ABCDEFGHIJKLMNOP'), ['ABCDEFGHIJKLMNOP']);
  });
});
