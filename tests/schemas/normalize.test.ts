import { describe, expect, it } from 'vitest';
import { ENUMERATED_DISTRICTS, GUANGDONG_CITIES, INDUSTRIES, normalizeProfile, validatorFor, WATERSHEDS } from '../../schemas/index.ts';

describe('names as people write them', () => {
  it('reads Chinese place and industry names as their keys, lists each, and leaves the input untouched', () => {
    const input = { location: { province: '广东省', city: '佛山市', district: '南海区', watersheds: ['茅洲河'] }, industry: { keys: ['陶瓷', 'paper'] } };
    const copy = structuredClone(input);
    const { profile, notes } = normalizeProfile(input);
    expect(profile).toEqual({
      location: { province: 'guangdong', city: 'foshan', district: 'nanhai', watersheds: ['maozhou'] },
      industry: { keys: ['ceramics', 'paper'] },
    });
    expect(notes).toEqual([
      { path: 'location.province', given: '广东省', key: 'guangdong' },
      { path: 'location.city', given: '佛山市', key: 'foshan' },
      { path: 'location.district', given: '南海区', key: 'nanhai' },
      { path: 'location.watersheds[0]', given: '茅洲河', key: 'maozhou' },
      { path: 'industry.keys[0]', given: '陶瓷', key: 'ceramics' },
    ]);
    expect(input).toEqual(copy);
  });

  it('every city, enumerated district, watershed and industry is found by its Chinese name, with or without its suffix', () => {
    for (const [key, zh] of Object.entries(GUANGDONG_CITIES)) {
      for (const name of [zh, `${zh}市`]) expect(normalizeProfile({ location: { city: name } }).profile).toEqual({ location: { city: key } });
    }
    for (const [city, districts] of Object.entries(ENUMERATED_DISTRICTS)) {
      for (const [key, zh] of Object.entries(districts)) {
        expect((normalizeProfile({ location: { city, district: `${zh}区` } }).profile as { location: { district: string } }).location.district).toBe(key);
      }
    }
    for (const [key, zh] of Object.entries(WATERSHEDS))
      expect(normalizeProfile({ location: { watersheds: [zh] } }).profile).toEqual({ location: { watersheds: [key] } });
    for (const [key, v] of Object.entries(INDUSTRIES)) expect(normalizeProfile({ industry: { keys: [v.zh] } }).profile).toEqual({ industry: { keys: [key] } });
  });

  it('a key written with capitals or spaces is read as the key; an unknown name is left for validation to name', () => {
    expect(normalizeProfile({ location: { city: ' Foshan ' } })).toEqual({
      profile: { location: { city: 'foshan' } },
      notes: [{ path: 'location.city', given: ' Foshan ', key: 'foshan' }],
    });
    const { profile, notes } = normalizeProfile({ location: { city: '火星市' } });
    expect(notes).toEqual([]);
    const validate = validatorFor('Profile');
    expect(validate(profile)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('city');
  });

  it('a district is read for the city given: 南海 is not a Meizhou district', () => {
    const { notes } = normalizeProfile({ location: { city: 'meizhou', district: '南海区' } });
    expect(notes).toEqual([]);
  });
});
