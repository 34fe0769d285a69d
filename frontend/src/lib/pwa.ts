/**
 * Registers the service worker (public/sw.js), which keeps the app shell
 * for an installed handheld app; it never caches GraphQL. Only in a built
 * app: the dev server serves modules the worker must not keep.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (a private window, an insecure origin): the app works without it.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
