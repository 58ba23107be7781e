import { hrInstanceFromLists } from '@skillbridge/domain';
import { solveRound as sut } from './solve-round';

// Three students, two slots of one seat each: both slots prefer student 2, who prefers slot 1.
const lists = () =>
  hrInstanceFromLists({
    choices: [[0, 1], [0], [1, 0]],
    slots: [
      { capacity: 1, ranking: [2, 0, 1] },
      { capacity: 1, ranking: [2, 0] },
    ],
  });

describe('solveRound', () => {
  it('assigns by deferred acceptance, with each student’s place of their slot on their list (0: unmatched)', () => {
    const outcome = sut(lists());
    expect(Array.from(outcome.assignment)).toEqual([0, -1, 1]);
    expect(Array.from(outcome.choice)).toEqual([1, 0, 1]);
    expect(outcome).toMatchObject({ stable: true, blockingPairs: 0, problems: 0 });
  });

  it('fingerprints the inputs: the same instance the same hash, another instance another', () => {
    const other = hrInstanceFromLists({
      choices: [[0, 1], [0], [1]],
      slots: [
        { capacity: 1, ranking: [2, 0, 1] },
        { capacity: 1, ranking: [2, 0] },
      ],
    });
    expect(sut(lists()).inputsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sut(lists()).inputsSha256).toBe(sut(lists()).inputsSha256);
    expect(sut(other).inputsSha256).not.toBe(sut(lists()).inputsSha256);
  });
});
