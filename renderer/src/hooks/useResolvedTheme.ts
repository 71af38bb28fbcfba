// Sets <html data-theme="light|dark">: the user's choice, or the system's while "system" is
// chosen (following it live). One attribute to style against keeps the CSS in one place.
import { useEffect } from 'react';
import type { Settings } from '../../../shared/model';

export function useResolvedTheme(theme: Settings['theme']): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    if (theme !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
