import fs from 'fs';
import path from 'path';
import { CUSTOMER_MATCH, SHARED_MATCH } from './matching.test-util';

const vectors = fs.readdirSync(SHARED_MATCH).filter((name) => name.endsWith('.txt'));
// Beside the customer's shared folder (this workspace, CI): the copies must be theirs, byte for byte.
const besideCustomer = fs.existsSync(CUSTOMER_MATCH) ? it : it.skip;

describe('the matching vectors kept with the code', () => {
  it('are the four files of the shared set', () => {
    expect(vectors.sort()).toEqual(['small-1k.expected.txt', 'small-1k.txt', 'tiny-textbook.expected.txt', 'tiny-textbook.txt']);
  });

  besideCustomer('are byte for byte the customer’s shared/match, and none of theirs is missing', () => {
    const theirs = fs
      .readdirSync(CUSTOMER_MATCH)
      .filter((name) => name.endsWith('.txt'))
      .sort();
    expect(vectors.sort()).toEqual(theirs);
    for (const name of theirs)
      expect(fs.readFileSync(path.join(SHARED_MATCH, name))).toEqual(fs.readFileSync(path.join(CUSTOMER_MATCH, name)));
  });
});
