import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relativeTime } from '../src/internal/relative-time.ts';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000);

describe('relativeTime', () => {
  it('says a moment ago, in the words given, for anything under a minute', () => {
    assert.equal(relativeTime(ago(0), 'en', 'a moment ago', NOW), 'a moment ago');
    assert.equal(relativeTime(ago(59), 'nb', 'nettopp', NOW), 'nettopp');
    assert.equal(relativeTime(ago(30), 'sv', 'nyss', NOW), 'nyss');
  });

  it('counts a time ahead of the clock as a moment ago, never "in 2 hours"', () => {
    assert.equal(relativeTime(ago(-2 * 3600), 'en', 'a moment ago', NOW), 'a moment ago');
  });

  it('uses the largest whole unit up to days, in each language', () => {
    assert.equal(relativeTime(ago(5 * 60), 'en', 'x', NOW), '5 minutes ago');
    assert.equal(relativeTime(ago(2 * 3600), 'en', 'x', NOW), '2 hours ago');
    assert.equal(relativeTime(ago(26 * 3600), 'en', 'x', NOW), 'yesterday');
    assert.equal(relativeTime(ago(2 * 3600), 'nb', 'x', NOW), 'for 2 timer siden');
    assert.equal(relativeTime(ago(3 * 86_400), 'sv', 'x', NOW), 'för 3 dagar sedan');
  });

  it('never rounds up to the next unit: 59 minutes 40 seconds is "59 minutes ago"', () => {
    assert.equal(relativeTime(ago(59 * 60 + 40), 'en', 'x', NOW), '59 minutes ago');
    assert.equal(relativeTime(ago(23 * 3600 + 50 * 60), 'en', 'x', NOW), '23 hours ago');
  });

  it('counts days by the calendar: 47 hours before midday is the day before yesterday', () => {
    assert.equal(relativeTime(ago(47 * 3600), 'en', 'x', NOW), '2 days ago');
    assert.equal(relativeTime(ago(25 * 3600), 'en', 'x', NOW), 'yesterday');
  });
});
