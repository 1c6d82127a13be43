import { describe, expect, it } from 'vitest';
import { ACCOUNT_RE } from '@/utils/shared/model';
import { accountProblem } from '@/utils/popup/inputs';

describe('workstream account', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['  ', true],
    ['0', true],
    ['1', true],
    ['12', true],
    ['123', false],
    ['-1', false],
    ['member@example.org', true],
    [' member@example.org ', true],
    ['member@example', false],
    ['member@exa mple.org', false],
    ['member@example.org/x', false],
    ['a@b.c&authuser=2', false],
    ['name', false],
  ])('"%s" is valid: %s', (value, valid) => {
    expect(accountProblem(value) === null).toBe(valid);
    const v = value.trim();
    if (v) expect(ACCOUNT_RE.test(v)).toBe(valid);
  });
});
