// @vitest-environment happy-dom
/**
 * The one "whole index or one workstream" choice (Import / export's export, the coordinator's share): the whole
 * index first (value ''), then the workstreams by name, numbers in order; its label names it; a choice reports
 * the workstream's id.
 */
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Workstream } from '@/utils/shared/model';
import { labelled, render, setUpReact } from '../../support/react';
import { ScopeSelect } from '@/components/common/ScopeSelect';

setUpReact();

const ws = (id: string, name: string): Workstream => ({ id, name, color: '#336699' });
const WORKSTREAMS = [ws('w10', 'Item 10'), ws('w2', 'Item 2'), ws('b', 'budget'), ws('a', 'Agenda')];

/** Holds the chosen value as a page would, and records each choice. */
function Page({ chosen }: { chosen: string[] }) {
  const [value, setValue] = useState('');
  return (
    <ScopeSelect
      id="scope"
      label="Export what"
      wholeLabel="The whole index"
      value={value}
      workstreams={WORKSTREAMS}
      onChange={(v) => {
        chosen.push(v);
        setValue(v);
      }}
    />
  );
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ScopeSelect', () => {
  it('offers the whole index, then the workstreams by name (numbers in order), under its label', async () => {
    await render(<Page chosen={[]} />);
    const select = labelled('Export what');
    expect(select.localName).toBe('select');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'The whole index'],
      ['a', 'Agenda'],
      ['b', 'budget'],
      ['w2', 'Item 2'],
      ['w10', 'Item 10'],
    ]);
    expect(select.value).toBe('');
  });

  it('reports the chosen workstream’s id, and the whole index as an empty value', async () => {
    const chosen: string[] = [];
    await render(<Page chosen={chosen} />);
    const select = labelled('Export what');
    await choose(select, 'w2');
    expect(select.value).toBe('w2');
    await choose(select, '');
    expect(chosen).toEqual(['w2', '']);
  });
});
