// The service worker of the installed app: it keeps the app shell (the page,
// its hashed scripts and styles, the manifest and icons) so that the app
// opens at once and survives a flaky warehouse network. It never keeps
// GraphQL or any other data: those always go to the server.
const CACHE = 'jxc-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(SHELL))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Whether a request is part of the shell (never the API, GraphiQL, downloads or health checks). */
function shellRequest(url, request) {
  if (url.origin !== self.location.origin || request.method !== 'GET') return false;
  if (/^\/(graphql|graphiql|exports?|healthz|readyz)(\/|$)/.test(url.pathname)) return false;
  return request.mode === 'navigate' || url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!shellRequest(url, request)) return;
  if (request.mode === 'navigate') {
    // The page: from the network (it is small and changes with each release), the kept one when offline.
    event.respondWith(
      fetch(request)
        .then((res) => {
          if (res.ok && (res.headers.get('content-type') ?? '').startsWith('text/html')) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put('/', copy));
          }
          return res;
        })
        .catch(() => caches.match('/').then((hit) => hit ?? Response.error())),
    );
    return;
  }
  // Hashed assets never change; the manifest and icons rarely: the kept copy first.
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ??
        fetch(request).then((res) => {
          if (res.ok) {
            const copy = res.clone();
            void caches.open(CACHE).then((c) => c.put(request, copy));
          }
          return res;
        }),
    ),
  );
});
