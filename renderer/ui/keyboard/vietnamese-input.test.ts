import { describe, expect, it } from 'vitest';
import { applyKey, reflowTone, toggleWordTone, typeKeys } from './vietnamese-input.ts';

describe('Telex', () => {
  it.each([
    ['tieengs vieetj', 'tiếng việt'],
    ['ddaf', 'đà'],
    ['ddawng kys khai sinh', 'đăng ký khai sinh'],
    ['chuwngs thwjc', 'chứng thực'],
    ['nguwowif', 'người'],
    ['dduwowcj', 'được'],
    ['hoaf', 'hoà'],
    ['thuyr', 'thuỷ'],
    ['hoef', 'hoè'],
    ['khoer', 'khoẻ'],
    ['quys', 'quý'],
    ['khuyur', 'khuỷu'],
    ['tuyf', 'tuỳ'],
    ['xoas', 'xoá'],
    ['hoanf', 'hoàn'],
    ['maif', 'mài'],
    ['ngoaif', 'ngoài'],
    ['toans', 'toán'],
    ['quas', 'quá'],
    ['gias', 'giá'],
    ['gif', 'gì'],
    ['muaf', 'mùa'],
    ['khuyeenr', 'khuyển'],
    ['tois', 'tói'],
    ['toios', 'tối'],
    ['cuwus', 'cứu'],
    ['Vieetj Nam', 'Việt Nam'],
    ['DDinhj', 'Định'],
    ['hooj tichj', 'hộ tịch'],
    ['w', 'ư'],
  ])('%s → %s', (keys, expected) => {
    expect(typeKeys(keys, 'telex')).toBe(expected);
  });

  it('moves the tone when the word grows (glossary style: "hoá", on the main vowel)', () => {
    expect(typeKeys('hoas', 'telex')).toBe('hoá');
    expect(typeKeys('hoasn', 'telex')).toBe('hoán');
    expect(typeKeys('tuaasn', 'telex')).toBe('tuấn');
  });

  it('typing a mark twice undoes it and types the key', () => {
    expect(typeKeys('aaa', 'telex')).toBe('aa');
    expect(typeKeys('ass', 'telex')).toBe('as');
    expect(typeKeys('ddd', 'telex')).toBe('dd');
  });

  it('z removes the tone; keys with no vowel to mark are typed as themselves', () => {
    expect(typeKeys('asz', 'telex')).toBe('a');
    expect(typeKeys('s', 'telex')).toBe('s');
    expect(typeKeys('bs', 'telex')).toBe('bs');
  });

  it('only transforms the last word and keeps digits and spaces', () => {
    expect(applyKey('bản sao 2 a', 'a', 'telex')).toBe('bản sao 2 â');
    expect(applyKey('abc ', 's', 'telex')).toBe('abc s');
  });

  it('produces NFC text', () => {
    const out = typeKeys('nguwowif', 'telex');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('VNI', () => {
  it.each([
    ['tie61ng vie65t', 'tiếng việt'],
    ['d9a2', 'đà'],
    ['d9a8ng ky1', 'đăng ký'],
    ['nguo72i', 'người'],
    ['chu71ng thu75c', 'chứng thực'],
    ['hoa2', 'hoà'],
    ['a11', 'a1'],
  ])('%s → %s', (keys, expected) => {
    expect(typeKeys(keys, 'vni')).toBe(expected);
  });

  it('digits with nothing to mark stay digits', () => {
    expect(typeKeys('2000', 'vni')).toBe('2000');
  });
});

describe('toggleWordTone and reflowTone', () => {
  it.each([
    ['Nguyên', 'tilde', 'Nguyễn'],
    ['hoa', 'grave', 'hoà'],
    ['thuy', 'hook', 'thuỷ'],
    ['nguoi', 'grave', 'nguòi'],
    ['người', 'grave', 'ngươi'],
    ['ngươi', 'acute', 'ngưới'],
    ['truong', 'grave', 'truòng'],
    ['giá', 'acute', 'gia'],
    ['Ân', 'dot', 'Ận'],
    ['quốc', 'hook', 'quổc'],
  ] as const)('%s + %s → %s', (word, tone, expected) => {
    expect(toggleWordTone(word, tone)).toBe(expected);
  });
  it('a word with no vowel takes no tone', () => {
    expect(toggleWordTone('ng', 'acute')).toBeNull();
  });
  it('moves the tone to where the rules put it now', () => {
    expect(reflowTone('hòa')).toBe('hoà');
    expect(reflowTone('hòan')).toBe('hoàn');
    expect(reflowTone('nguờn')).toBe('ngườn');
  });
});

describe('off', () => {
  it('types keys literally', () => {
    expect(typeKeys('ddaf', 'off')).toBe('ddaf');
  });
});
