import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';

/**
 * What a component test under happy-dom needs for antd: matchMedia (which
 * happy-dom lacks), the given language remembered before the app reads it,
 * and the rendered tree removed after each test.
 */
export function useDomForAntd(locale: 'zh' | 'en' = 'en') {
  beforeAll(() => {
    window.matchMedia ??= ((query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    })) as typeof window.matchMedia;
    localStorage.setItem('jxc.locale', locale);
  });
  afterEach(cleanup);
}
