import { nextBatch } from './next-batch';

const accept = (applicationId: string, studentId: string) => ({ applicationId, studentId });

describe('the next statement’s accepts', () => {
  it('takes the oldest accepts first, up to the most one statement takes, and leaves the rest queued in order', () => {
    const queue = ['a1', 'a2', 'a3', 'a4', 'a5'].map((id, i) => accept(id, `s${i}`));
    expect(nextBatch(queue, 3).map((a) => a.applicationId)).toEqual(['a1', 'a2', 'a3']);
    expect(queue.map((a) => a.applicationId)).toEqual(['a4', 'a5']);
    expect(nextBatch(queue, 3).map((a) => a.applicationId)).toEqual(['a4', 'a5']);
    expect(queue).toEqual([]);
  });

  it('never puts one application twice in a statement: the double click waits for the next', () => {
    const queue = [accept('a1', 's1'), accept('a1', 's1'), accept('a2', 's2')];
    expect(nextBatch(queue, 10)).toEqual([accept('a1', 's1'), accept('a2', 's2')]);
    expect(queue).toEqual([accept('a1', 's1')]);
  });

  it('never puts two accepts of one student in a statement: one overlap would undo all the others', () => {
    const queue = [accept('a1', 's1'), accept('a2', 's1'), accept('a3', 's2'), accept('a4', 's1')];
    expect(nextBatch(queue, 10)).toEqual([accept('a1', 's1'), accept('a3', 's2')]);
    expect(nextBatch(queue, 10)).toEqual([accept('a2', 's1')]);
    expect(nextBatch(queue, 10)).toEqual([accept('a4', 's1')]);
    expect(queue).toEqual([]);
  });
});
