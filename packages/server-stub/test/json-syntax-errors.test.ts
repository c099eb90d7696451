import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateJsonSyntaxError } from '../src/http/locate-json-syntax-error.ts';
import { createTestServer, submit } from './support/test-server.ts';

interface ErrorBody {
  error: string;
  message: string;
}

async function refusal(
  server: ReturnType<typeof createTestServer>,
  body: string,
): Promise<ErrorBody> {
  const response = await submit(server, body);
  assert.equal(response.status, 400, body);
  const answer = (await response.json()) as ErrorBody;
  assert.equal(answer.error, 'invalid_json');
  return answer;
}

test('a JSON syntax error is located by line and column, never quoting the body', async (t) => {
  const server = createTestServer(t);
  const cases: [string, RegExp][] = [
    ['{"formId":"example-union","answers":{"email": tru}}', /line 1, column 47\b/],
    ['{"a":1,}', /comma.*line 1, column 8\b/],
    ['{"answers":{"givenName":"a\tb"}}', /control character.*line 1, column 27\b/],
    ['{\n  "formId": "example-union",\n  "locale" "en"\n}', /':'.*line 3, column 12\b/],
    ['{"a":[1,2,]}', /comma.*line 1, column 11\b/],
    ['{"a":1} trailing', /after the JSON value.*line 1, column 9\b/],
    ['{"a":01}', /number.*line 1, column 6\b/],
    ['{"a":"\\x"}', /escape.*line 1, column 7\b/],
    ["{'a':1}", /property name in double quotes.*line 1, column 2\b/],
    ['// mail\n{"a":1}', /a comment, which JSON does not allow, at line 1, column 1\b/],
    ['{"a":1 /* mail */}', /a comment, which JSON does not allow, at line 1, column 8\b/],
    ['{"a":[1, // mail\n2]}', /a comment, which JSON does not allow, at line 1, column 10\b/],
    ['{"a":1} // mail', /a comment, which JSON does not allow, at line 1, column 9\b/],
  ];
  for (const [body, where] of cases) {
    const { message } = await refusal(server, body);
    assert.match(message, /^The request body is not valid JSON/, body);
    assert.match(message, where, `${body} -> ${message}`);
    for (const fragment of ['mail', 'tru}', 'trailing', 'example-union', '"en"', 'a\tb']) {
      if (body.includes(fragment)) assert.ok(!message.includes(fragment), message);
    }
  }
});

test('a body that stops early says so, at the position where it stops', async (t) => {
  const server = createTestServer(t);
  assert.match(
    (await refusal(server, '{"formId": "example-union",')).message,
    /ends before the JSON is complete.*line 1, column 28\b/,
  );
  assert.match(
    (await refusal(server, '{"formId": "exam')).message,
    /string.*not closed|ends before/,
  );
  assert.match((await refusal(server, '')).message, /empty|ends before/);
});

test('finds an error exactly when JSON.parse fails, over many damaged bodies', () => {
  const valid = JSON.stringify(
    {
      formId: 'example-union',
      formVersion: 3,
      answers: {
        n: -12.5e3,
        ok: true,
        no: false,
        none: null,
        list: ['a', 'b\\"\n', '\u00e9\u2028'],
      },
      consents: [{ purpose: 'newsletter', granted: true, at: '2025-03-01T08:59:00.000Z' }],
    },
    null,
    1,
  );
  const pieces = ['', ',', ']', '}', '"', ':', '0', '-', 'e', '.', '\\', 't', '\t', ' ', '[', '{'];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  let failures = 0;
  for (let round = 0; round < 3000; round++) {
    const at = random(valid.length);
    const cut = random(3);
    const text = valid.slice(0, at) + pieces[random(pieces.length)] + valid.slice(at + cut);
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
      failures += 1;
    }
    assert.equal(locateJsonSyntaxError(text) === undefined, parses, JSON.stringify(text));
  }
  assert.ok(failures > 500, `enough damaged bodies are not JSON (${failures})`);
  assert.equal(locateJsonSyntaxError(valid), undefined);
});
