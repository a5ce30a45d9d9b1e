/** The block around a paste's formulas is found for any number of them (no spread of all cells into one call). */
import { areaAround } from '../../src/gas/formulas';

test('areaAround gives the smallest block holding every cell, even for 300,000 cells (more than a spread call may take)', () => {
  expect(areaAround([[5, 3], [2, 7], [4, 4]])).toEqual({ row: 2, column: 3, numRows: 4, numColumns: 5 });
  const many = Array.from({ length: 300_000 }, (_, i) => [2 + (i % 100_000), 1 + (i % 28)] as const);
  expect(areaAround(many)).toEqual({ row: 2, column: 1, numRows: 100_000, numColumns: 28 });
});
