import { describe, expect, it } from 'vitest';
import { feedbackModels } from '../../shared/content/pack/method';
import { appendLine, buildFeedback, tidyPart } from './feedback';
import { bookingCheck, inviteText } from './invite';

describe('SBI / BEST builder', () => {
  it('builds an SBI sentence in English from three short fields', () => {
    const r = buildFeedback(
      feedbackModels,
      'sbi',
      {
        situation: 'The client demo last Friday',
        behavior: 'you took the technical questions.',
        impact: 'they signed off',
      },
      'en',
    );
    expect(r.missing).toEqual([]);
    expect(r.text).toBe(
      'At the client demo last Friday, I noticed that you took the technical questions. The impact was that they signed off.',
    );
  });

  it('builds a BEST sentence in Chinese', () => {
    const r = buildFeedback(
      feedbackModels,
      'best',
      {
        behavior: '三天没有更新进度',
        effect: '客户很紧张。',
        suggestion: '提前告诉我',
        tomorrow: '我们一起调人',
      },
      'zh-CN',
    );
    expect(r.text).toBe(
      '我注意到三天没有更新进度，结果客户很紧张。我的建议是：提前告诉我。接下来，我们一起调人。',
    );
  });

  it('names what is missing and gives no sentence until all parts are there', () => {
    const r = buildFeedback(feedbackModels, 'best', { behavior: 'x', effect: '  ' }, 'en');
    expect(r.text).toBe('');
    expect(r.missing).toEqual(['effect', 'suggestion', 'tomorrow']);
  });

  it('tidies parts', () => {
    expect(tidyPart('  The demo.  ', 'en')).toBe('the demo');
    expect(tidyPart('API review', 'en')).toBe('API review');
    expect(tidyPart('I asked', 'en')).toBe('I asked');
    expect(tidyPart('客户确认了。', 'zh-CN')).toBe('客户确认了');
  });

  it('appends to notes on a new line', () => {
    expect(appendLine('', 'a')).toBe('a');
    expect(appendLine('a\n\n', 'b')).toBe('a\nb');
  });
});

describe('invite and booking check', () => {
  it('writes an invite that asks for a self-assessment, in both languages', () => {
    const input = {
      employeeName: 'Alex',
      kind: 'review' as const,
      scheduledAt: '2026-03-06T02:00:00Z',
      minutes: 60,
      meetingUrl: 'https://meet.google.com/abc-defg-hij',
      timeZone: 'Asia/Shanghai',
    };
    const en = inviteText(input, 'en');
    expect(en).toContain('Hi Alex,');
    expect(en).toContain('self-assessment');
    expect(en).toContain('https://meet.google.com/abc-defg-hij');
    const zh = inviteText(input, 'zh-CN');
    expect(zh).toContain('自我评估');
    expect(zh).toContain('绩效总结面谈');
  });

  it('checks 3–5 days ahead, 45–60 minutes and the self-assessment', () => {
    const from = new Date('2026-03-02T09:00:00Z');
    expect(bookingCheck('2026-03-06T09:00:00Z', 60, true, from)).toEqual({
      ahead: true,
      daysAhead: 4,
      length: true,
      selfAssessment: true,
    });
    expect(bookingCheck('2026-03-03T09:00:00Z', 30, false, from)).toMatchObject({
      ahead: false,
      length: false,
    });
    expect(bookingCheck(null, 45, false, from).ahead).toBeNull();
  });
});
