import { describe, expect, it } from 'vitest';
import {
  checkSmart,
  contentWeight,
  hasMeasure,
  SMART_PARTS,
  SMART_RULES,
  smartHintText,
  textWeight,
} from './smart';

const full = { owner: 'employee', dueOn: '2026-12-31', measure: 'reviewed by the team lead' };

describe('checkSmart', () => {
  it('accepts a complete English item', () => {
    const r = checkSmart({ title: 'Write the onboarding guide for new hires', ...full });
    expect(r).toEqual({ ok: true, missing: [], hints: [] });
  });

  it('accepts a complete Chinese item', () => {
    const r = checkSmart({
      title: '整理新人入职指南并在组内分享',
      owner: 'employee',
      dueOn: '2026-12-31',
      measure: '组长评审通过',
    });
    expect(r.ok).toBe(true);
  });

  it('reports everything missing for an empty item, in a fixed order', () => {
    const r = checkSmart({});
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual(['specific', 'measurable', 'owner', 'due']);
    expect(r.hints).toEqual([
      { part: 'specific', reason: 'empty' },
      { part: 'measurable', reason: 'no-measure' },
      { part: 'owner', reason: 'unset' },
      { part: 'due', reason: 'unset' },
    ]);
  });

  it('treats null and whitespace like missing', () => {
    const r = checkSmart({ title: '   ', owner: null, dueOn: '  ', measure: null });
    expect(r.missing).toEqual(['specific', 'measurable', 'owner', 'due']);
  });

  describe('specific', () => {
    it.each([
      ['improve', 'too-short'],
      ['do better', 'too-short'],
      ['加油', 'too-short'],
      ['提高', 'too-short'],
      ['努力', 'too-short'],
      ['提高效率', 'too-short'],
      ['work harder and do better', 'vague'],
      ['Improve performance and communicate better', 'vague'],
      ['be more proactive at work', 'vague'],
      ['继续努力加油好好干', 'vague'],
      ['努力提高工作表现', 'vague'],
      ['进一步提升整体工作能力', 'vague'],
    ])('flags %j as %s', (title, reason) => {
      const r = checkSmart({ title, ...full });
      expect(r.missing).toEqual(['specific']);
      expect(r.hints[0]).toEqual({ part: 'specific', reason });
    });

    it.each([
      'Improve test coverage of the billing module',
      'Present the Q3 roadmap at the team meeting',
      'Pair with Li on code reviews',
      '完成 API 文档',
      '每周和导师做一次代码评审',
      '提高代码评审通过率',
      '学习 TypeScript 高级类型',
    ])('accepts %j', (title) => {
      expect(checkSmart({ title, ...full }).missing).not.toContain('specific');
    });

    it('counts Han characters as half a word and Latin words as one', () => {
      expect(textWeight('abc def')).toBe(2);
      expect(textWeight('完成文档')).toBe(2);
      expect(textWeight('完成 API 文档')).toBe(3);
      expect(textWeight("don't over-think it")).toBe(3);
      expect(textWeight('')).toBe(0);
    });

    it('takes vague phrases and filler out of the content weight', () => {
      expect(contentWeight('do better')).toBe(0);
      expect(contentWeight('加油努力')).toBe(0);
      expect(contentWeight('write the guide')).toBe(2);
    });
  });

  describe('measurable', () => {
    it('is satisfied by a measure', () => {
      expect(checkSmart({ title: 'Write the onboarding guide', ...full }).missing).toEqual([]);
    });

    it('is satisfied by a number, percentage or date in the title', () => {
      for (const title of [
        'Close 20 support tickets per week',
        'Raise test coverage to 80 %',
        'Ship the billing page by 2026-12-01',
        '把代码覆盖率提高到百分之八十',
        '每周做一次代码评审',
        '月底前交付新版入职指南',
        '完成三篇技术分享文档',
        'Run two customer interviews',
        'Send the project update every Friday',
        'Publish the migration plan by end of the month',
        'Hold weekly check-ins with the new hire',
        'Q3 前完成权限系统的重构',
      ]) {
        const r = checkSmart({ title, owner: 'employee', dueOn: '2026-12-31' });
        expect(r.missing, title).not.toContain('measurable');
      }
    });

    it('is missing without a measure or a figure in the title', () => {
      for (const title of ['Write the onboarding guide for new hires', '整理新人入职指南并分享']) {
        const r = checkSmart({ title, owner: 'employee', dueOn: '2026-12-31' });
        expect(r.missing, title).toEqual(['measurable']);
      }
    });

    it('does not accept an empty or vague measure', () => {
      const base = {
        title: 'Write the onboarding guide for new hires',
        owner: 'employee',
        dueOn: '2026-12-31',
      };
      expect(checkSmart({ ...base, measure: '  ' }).missing).toEqual(['measurable']);
      expect(checkSmart({ ...base, measure: '加油' }).missing).toEqual(['measurable']);
      expect(checkSmart({ ...base, measure: 'do better' }).missing).toEqual(['measurable']);
      expect(checkSmart({ ...base, measure: '80%' }).missing).toEqual([]);
      expect(checkSmart({ ...base, measure: '组长确认' }).missing).toEqual([]);
    });

    it('does not mistake "may" for a month', () => {
      expect(hasMeasure('We may ship the new page')).toBe(false);
      expect(hasMeasure('Ship the new page in March')).toBe(true);
    });
  });

  describe('owner', () => {
    it('needs an owner', () => {
      const r = checkSmart({ title: 'Write the onboarding guide', measure: 'x', dueOn: '2026-12-31' });
      expect(r.missing).toEqual(['owner']);
      expect(checkSmart({ title: 'Write the onboarding guide', ...full, owner: 'manager' }).ok).toBe(true);
    });
  });

  describe('due', () => {
    const item = { title: 'Write the onboarding guide', owner: 'employee', measure: 'reviewed' };

    it('flags an invalid date', () => {
      for (const dueOn of ['2026-02-30', '31/12/2026', 'next week', '2026-1-5']) {
        const r = checkSmart({ ...item, dueOn });
        expect(r.hints, dueOn).toEqual([{ part: 'due', reason: 'invalid' }]);
      }
    });

    it('flags a date before today, accepts today and later', () => {
      expect(checkSmart({ ...item, dueOn: '2026-03-01' }, { today: '2026-03-02' }).hints).toEqual([
        { part: 'due', reason: 'past' },
      ]);
      expect(checkSmart({ ...item, dueOn: '2026-03-02' }, { today: '2026-03-02' }).ok).toBe(true);
      expect(checkSmart({ ...item, dueOn: '2026-03-03' }, { today: '2026-03-02' }).ok).toBe(true);
    });

    it('does not judge the past without today', () => {
      expect(checkSmart({ ...item, dueOn: '2001-01-01' }).ok).toBe(true);
    });
  });

  describe('rules for the UI', () => {
    it('has a label, rule and a message for every reason, in both languages', () => {
      for (const part of SMART_PARTS) {
        const rule = SMART_RULES[part];
        expect(rule.label['zh-CN']).toMatch(/\S/);
        expect(rule.label.en).toMatch(/\S/);
        expect(rule.rule['zh-CN']).toMatch(/\S/);
        expect(rule.rule.en).toMatch(/\S/);
      }
      const r = checkSmart({ dueOn: 'x' });
      for (const h of r.hints) {
        expect(SMART_RULES[h.part].reasons[h.reason]).toBeDefined();
        expect(smartHintText(h, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
        expect(smartHintText(h, 'en')).toMatch(/[a-z]/);
      }
    });

    it('falls back to the rule when a reason has no own message', () => {
      expect(smartHintText({ part: 'owner', reason: 'past' }, 'en')).toBe(SMART_RULES.owner.rule.en);
    });
  });
});
