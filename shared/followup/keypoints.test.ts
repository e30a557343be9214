import { describe, expect, it } from 'vitest';
import { keyPoints } from './summary';

describe('keyPoints over notes written in sections by the side panel', () => {
  it('uses the "Key points" section when it has text, never heading lines', () => {
    const notes =
      '## Facts and data 事实和数据 {#facts}\nShipped 3 of 4\n\n## Key points 要点 {#keyPoints}\n- Agreed the rating\n- Two actions';
    expect(keyPoints(notes)).toEqual(['Agreed the rating', 'Two actions']);
  });

  it('else the text of every section, without the headings', () => {
    const notes =
      'Before any heading\n## Feedback 反馈 {#feedback}\nMissed two updates\n## Key points 要点 {#keyPoints}\n';
    expect(keyPoints(notes)).toEqual(['Before any heading', 'Missed two updates']);
  });
});
