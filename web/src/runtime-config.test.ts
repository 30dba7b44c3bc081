import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from './runtime-config.js';

describe('parseRuntimeConfig', () => {
  it('reads the local host config as token mode on the same origin', () => {
    expect(parseRuntimeConfig({ authMode: 'token' })).toEqual({ authMode: 'token', apiBase: '/api' });
  });

  it('reads a complete Cognito config with its basemap', () => {
    const raw = {
      authMode: 'cognito',
      region: 'ap-southeast-1',
      userPoolId: 'ap-southeast-1_abc',
      userPoolClientId: 'client',
      cognitoDomain: 'phithak.auth.ap-southeast-1.amazoncognito.com',
      apiBase: '/api',
      basemapStyleUrl: 'https://tiles.example/style.json',
    };
    expect(parseRuntimeConfig(raw)).toEqual(raw);
  });

  it('falls back to token mode when the Cognito settings are incomplete or the file is not JSON', () => {
    expect(parseRuntimeConfig({ authMode: 'cognito', region: 'x' }).authMode).toBe('token');
    expect(parseRuntimeConfig(null).authMode).toBe('token');
    expect(parseRuntimeConfig('<html>').authMode).toBe('token');
  });
});
